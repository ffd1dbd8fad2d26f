import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, ApiError, type Alert, type Series } from '../api.js';
import { fill, fmt, h } from '../dom.js';
import { periodEnd, periodLabel, type Period } from '../periods.js';

export type PairChartOptions = {
  /** A period of the chart was clicked: show its events. */
  onPeriod: (a: string, b: string, from: string, to: string) => void;
  /** The pair or period changed (to keep it in the URL). */
  onChange: (a: string, b: string, period: Period) => void;
};

export type PairChart = { el: HTMLElement; show: (a: string, b: string, period?: Period) => Promise<void>; setActors: (codes: { code: string; label: string }[]) => void };

const COOP = '#2f7d4a';
const CONFLICT = '#c0392b';
const GOLDSTEIN = '#34495e';
const ALERT = '#e67e22';

/**
 * Two actors' conflict–cooperation series: cooperation events (quad 1 and 2) and conflict events (quad 3 and 4)
 * per period, the mean Goldstein score on a second axis, and the pair's alerts as orange rules on their
 * periods (and listed beneath, as text). A click on a period shows its events.
 */
export const createPairChart = ({ onPeriod, onChange }: PairChartOptions): PairChart => {
  const list = h('datalist', { id: 'actor-codes' });
  const a = h('input', { name: 'a', list: 'actor-codes', placeholder: 'RUS', 'aria-label': 'first actor', autocomplete: 'off', spellcheck: false });
  const b = h('input', { name: 'b', list: 'actor-codes', placeholder: 'UKR', 'aria-label': 'second actor', autocomplete: 'off', spellcheck: false });
  const period = h('select', { name: 'period', 'aria-label': 'period' }, h('option', { value: 'day' }, 'day'), h('option', { value: 'week' }, 'week'), h('option', { value: 'month' }, 'month'));
  period.value = 'week';
  const form = h(
    'form',
    { class: 'pair-form', onsubmit: (e: Event) => (e.preventDefault(), void show(a.value, b.value, period.value as Period)) },
    h('label', {}, 'Actor ', a),
    h('label', {}, 'and ', b),
    h('label', {}, 'by ', period),
    h('button', { type: 'submit' }, 'Show'),
    list,
  );
  const title = h('h2', {}, 'Conflict and cooperation');
  const summary = h('p', { class: 'summary' });
  const plot = h('div', { class: 'chart', 'data-testid': 'chart' });
  const marks = h('ul', { class: 'alert-marks', 'aria-label': 'alerts on this chart' });
  const el = h('section', { class: 'panel pair', id: 'pair' }, title, form, summary, plot, marks);

  let chart: uPlot | undefined;
  let current: { series: Series; alerts: Alert[]; period: Period } | undefined;

  const draw = () => {
    chart?.destroy();
    chart = undefined;
    if (!current || !current.series.points.length) return;
    const { series, alerts, period: p } = current;
    const pts = series.points;
    const alertAt = new Set(alerts.map((x) => pts.findIndex((q) => q.period === x.period)).filter((i) => i >= 0));
    const xs = pts.map((_, i) => i);
    const data: uPlot.AlignedData = [
      xs,
      pts.map((q) => q.quad[0] + q.quad[1]),
      pts.map((q) => q.quad[2] + q.quad[3]),
      pts.map((q) => q.goldsteinMean),
    ];
    const width = Math.max(320, plot.clientWidth || 720);
    chart = new uPlot(
      {
        width,
        height: 260,
        scales: { x: { time: false }, g: { range: [-10, 10] } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => (pts[t] ? periodLabel(pts[t].period, p) : '')), space: 70 },
          { label: 'events', size: 50 },
          { scale: 'g', side: 1, label: 'Goldstein', grid: { show: false }, size: 50 },
        ],
        series: [
          { label: 'period', value: (_u, v) => (v == null || !pts[v] ? '' : periodLabel(pts[v].period, p)) },
          { label: 'cooperation', stroke: COOP, width: 2, fill: 'rgba(47,125,74,0.08)' },
          { label: 'conflict', stroke: CONFLICT, width: 2, fill: 'rgba(192,57,43,0.08)' },
          { label: 'mean Goldstein', stroke: GOLDSTEIN, width: 1, dash: [4, 4], scale: 'g', spanGaps: false },
        ],
        cursor: { drag: { x: false, y: false } },
        hooks: {
          draw: [
            (u) => {
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = ALERT;
              ctx.fillStyle = ALERT;
              ctx.lineWidth = 2 * devicePixelRatio;
              for (const i of alertAt) {
                const x = Math.round(u.valToPos(i, 'x', true));
                ctx.beginPath();
                ctx.moveTo(x, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + u.bbox.height);
                ctx.stroke();
                ctx.beginPath();
                const s = 6 * devicePixelRatio;
                ctx.moveTo(x - s, u.bbox.top);
                ctx.lineTo(x + s, u.bbox.top);
                ctx.lineTo(x, u.bbox.top + s * 1.5);
                ctx.fill();
              }
              ctx.restore();
            },
          ],
        },
      },
      data,
      plot,
    );
    chart.over.addEventListener('click', () => {
      const i = chart?.cursor.idx;
      if (i == null || !pts[i]) return;
      onPeriod(series.a, series.b ?? '', pts[i].period, periodEnd(pts[i].period, p));
    });
  };

  new ResizeObserver(() => {
    if (chart && Math.abs(chart.width - plot.clientWidth) > 8) chart.setSize({ width: Math.max(320, plot.clientWidth), height: 260 });
  }).observe(plot);

  const show = async (x: string, y: string, p: Period = (period.value as Period) || 'week') => {
    const codeA = x.trim().toUpperCase();
    const codeB = y.trim().toUpperCase();
    a.value = codeA;
    b.value = codeB;
    period.value = p;
    if (!codeA) {
      fill(summary, 'Choose an actor (and another) to see their series.');
      return;
    }
    fill(title, 'Conflict and cooperation: ', h('span', { class: 'code' }, codeA), codeB ? [' and ', h('span', { class: 'code' }, codeB)] : ' with everyone');
    fill(summary, 'Loading…');
    el.setAttribute('aria-busy', 'true');
    try {
      const q = { a: codeA, b: codeB || undefined, period: p };
      const [series, alerts] = await Promise.all([api.series(q), api.alerts({ a: codeA, b: codeB || undefined, period: p }).then((r) => r.alerts).catch(() => [] as Alert[])]);
      current = { series, alerts, period: p };
      const total = series.points.reduce((n, q2) => n + q2.events, 0);
      const conflict = series.points.reduce((n, q2) => n + q2.quad[2] + q2.quad[3], 0);
      fill(
        summary,
        total
          ? `${fmt(total)} events in ${fmt(series.points.length)} ${p}s, ${Math.round((100 * conflict) / total)}% conflict. Click a ${p} to see its events.`
          : 'No events for this pair.',
      );
      fill(
        marks,
        alerts.map((x) =>
          h(
            'li',
            { class: 'alert-mark' },
            h('button', { type: 'button', class: 'link', onclick: () => onPeriod(codeA, codeB, x.period, periodEnd(x.period, p)) }, `⚠ ${periodLabel(x.period, p)}`),
            ` score ${x.score.toFixed(1)}, ${x.conflictEvents} conflict events`,
          ),
        ),
      );
      draw();
      onChange(codeA, codeB, p);
    } catch (e) {
      current = undefined;
      draw();
      fill(summary, h('span', { class: 'error' }, e instanceof ApiError ? e.message : 'The series could not be loaded.'));
      fill(marks);
    } finally {
      el.removeAttribute('aria-busy');
    }
  };

  const setActors = (codes: { code: string; label: string }[]) => fill(list, codes.map((c) => h('option', { value: c.code }, c.label)));

  return { el, show, setActors };
};
