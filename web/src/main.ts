import './style.css';
import { api } from './api.js';
import { fill, fmt, h } from './dom.js';
import type { Period } from './periods.js';
import { createAlertsList } from './views/alerts-list.js';
import { createArticleView } from './views/article-view.js';
import { createEventTable } from './views/event-table.js';
import { createPairChart } from './views/pair-chart.js';
import { createPasteBox } from './views/paste-box.js';

/** The view's state in the URL's hash (#a=RUS&b=UKR&period=week), so a view can be bookmarked and shared. */
const readHash = () => {
  const p = new URLSearchParams(location.hash.slice(1));
  const period = p.get('period');
  return { a: p.get('a') ?? '', b: p.get('b') ?? '', period: (period === 'day' || period === 'month' ? period : 'week') as Period };
};
const writeHash = (a: string, b: string, period: Period) => {
  const p = new URLSearchParams({ a, ...(b ? { b } : {}), period });
  history.replaceState(null, '', `#${p}`);
};

const stats = h('p', { class: 'stats', 'data-testid': 'stats' });
const articleView = createArticleView();
const table = createEventTable({ onOpen: (e) => void articleView.open(e.articleId, e.id) });
const chart = createPairChart({
  onPeriod: (a, b, from, to) => {
    void table.setFilters(b ? { pair: `${a},${b}`, from, to } : { actor: a, from, to });
    document.getElementById('events')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  },
  onChange: (a, b, period) => {
    writeHash(a, b, period);
    if (period !== alertsPeriod) void alerts.load((alertsPeriod = period));
  },
});
const alerts = createAlertsList({
  onPick: (x, from, to, period) => {
    void chart.show(x.source, x.target ?? '', period);
    void table.setFilters(x.target ? { pair: `${x.source},${x.target}`, from, to } : { actor: x.source, from, to });
  },
});

const app = document.getElementById('app')!;
app.append(
  h('header', { class: 'top' }, h('h1', {}, 'dyad'), h('span', { class: 'tagline' }, 'who did what to whom'), stats),
  h('main', { class: 'grid' }, h('div', { class: 'wide' }, chart.el, table.el), h('div', { class: 'side' }, alerts.el, createPasteBox())),
  articleView.el,
);

const state = readHash();
let alertsPeriod = state.period;

/** Everything loads at once: the counts, the alerts, the events, and the chart of the pair in the URL or else the busiest pair. */
const start = async () => {
  void table.setFilters({});
  void alerts.load(state.period);
  if (state.a) void chart.show(state.a, state.b, state.period);
  const [s, top] = await Promise.all([api.stats().catch(() => undefined), api.top({ limit: 50 }).catch(() => undefined)]);
  if (s) fill(stats, `${fmt(s.events)} events from ${fmt(s.articles)} articles`, s.firstDate ? `, ${s.firstDate} to ${s.lastDate}` : '');
  if (top) chart.setActors(top.actors.map((x) => ({ code: x.actor, label: `${fmt(x.events)} events` })));
  if (!state.a) {
    const first = top?.pairs[0];
    if (first) void chart.show(first.source, first.target, state.period);
    else void chart.show('', '', state.period);
  }
};
void start();
