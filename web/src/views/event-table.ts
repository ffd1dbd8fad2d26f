import { api, ApiError, type StoredEvent } from '../api.js';
import { fill, fmt, h } from '../dom.js';

export type EventFilters = { from?: string; to?: string; actor?: string; pair?: string; code?: string; modality?: string };
export type EventTable = { el: HTMLElement; setFilters: (f: EventFilters) => Promise<void> };

const QUAD = ['', 'verbal coop.', 'material coop.', 'verbal conflict', 'material conflict'];
const MODALITIES = ['', 'asserted', 'intent', 'refused', 'negated', 'hypothetical', 'question', 'denied'];
const PAGE = 50;

const actorCell = (a: StoredEvent['source']) => (a ? h('td', { title: a.name ?? a.text }, h('span', { class: 'code' }, a.code), ' ', h('span', { class: 'name' }, a.name ?? a.text)) : h('td', { class: 'none' }, '–'));

/**
 * The stored events, newest first, with filters (dates, actor or pair, codes, modality) and cursor paging.
 * A click on a row opens its article with the event's source, verb and target marked.
 */
export const createEventTable = ({ onOpen }: { onOpen: (e: StoredEvent) => void }): EventTable => {
  const input = (name: string, attrs: Record<string, string> = {}) => h('input', { name, autocomplete: 'off', spellcheck: false, ...attrs });
  const from = input('from', { type: 'date', 'aria-label': 'from' });
  const to = input('to', { type: 'date', 'aria-label': 'to' });
  const actor = input('actor', { placeholder: 'actor, e.g. RUS', 'aria-label': 'actor', size: '10' });
  const pair = input('pair', { placeholder: 'pair, e.g. RUS,UKR', 'aria-label': 'pair', size: '12' });
  const code = input('code', { placeholder: 'code, e.g. 19', 'aria-label': 'event code', size: '10' });
  const modality = h('select', { name: 'modality', 'aria-label': 'modality' }, MODALITIES.map((m) => h('option', { value: m }, m || 'any modality')));
  const clear = h('button', { type: 'button', class: 'secondary', onclick: () => void setFilters({}) }, 'Clear');
  const form = h('form', { class: 'filters', onsubmit: (e: Event) => (e.preventDefault(), void reload()) }, from, to, actor, pair, code, modality, h('button', { type: 'submit' }, 'Filter'), clear);
  const count = h('p', { class: 'summary', 'aria-live': 'polite' });
  const tbody = h('tbody');
  const table = h(
    'table',
    { class: 'events' },
    h('thead', {}, h('tr', {}, h('th', {}, 'date'), h('th', {}, 'source'), h('th', {}, 'event'), h('th', {}, 'target'), h('th', {}, 'modality'), h('th', {}, 'evidence'))),
    tbody,
  );
  const prev = h('button', { type: 'button', class: 'secondary', disabled: true, onclick: () => void turn(-1) }, '← Newer');
  const next = h('button', { type: 'button', class: 'secondary', disabled: true, onclick: () => void turn(1) }, 'Older →');
  const el = h('section', { class: 'panel', id: 'events' }, h('h2', {}, 'Events'), form, count, h('div', { class: 'table-wrap' }, table), h('div', { class: 'pager' }, prev, next));

  // cursors of the pages seen: cursors[i] opens page i (page 0 has none)
  let cursors: (string | undefined)[] = [undefined];
  let page = 0;
  let nextCursor: string | null = null;

  const query = () => ({
    from: from.value || undefined,
    to: to.value || undefined,
    actor: actor.value.trim() || undefined,
    pair: pair.value.replace(/\s+/g, '') || undefined,
    code: code.value.replace(/\s+/g, '') || undefined,
    modality: modality.value || undefined,
    limit: PAGE,
  });

  const load = async () => {
    el.setAttribute('aria-busy', 'true');
    try {
      const res = await api.events({ ...query(), cursor: cursors[page] });
      nextCursor = res.nextCursor;
      const first = page * PAGE + (res.events.length ? 1 : 0);
      fill(count, res.total ? `${fmt(first)}–${fmt(page * PAGE + res.events.length)} of ${fmt(res.total)}${res.totalExact === false ? '+' : ''} events` : 'No events match.');
      fill(
        tbody,
        res.events.map((e) =>
          h(
            'tr',
            { tabindex: 0, class: `q${e.quadClass}`, 'data-event': e.id, onclick: () => onOpen(e), onkeydown: (k: Event) => (k as KeyboardEvent).key === 'Enter' && onOpen(e) },
            h('td', { class: 'date' }, e.date),
            actorCell(e.source),
            h('td', { title: `${QUAD[e.quadClass] ?? ''}; Goldstein ${e.goldstein ?? '–'}` }, h('span', { class: 'code' }, e.cameo.code), ' ', e.cameo.name),
            actorCell(e.target),
            h('td', {}, e.modality),
            h('td', { class: 'evidence' }, e.evidence.text),
          ),
        ),
      );
      prev.disabled = page === 0;
      next.disabled = !nextCursor;
    } catch (e) {
      fill(count, h('span', { class: 'error' }, e instanceof ApiError ? e.message : 'Events could not be loaded.'));
      fill(tbody);
    } finally {
      el.removeAttribute('aria-busy');
    }
  };

  const reload = () => {
    cursors = [undefined];
    page = 0;
    return load();
  };

  const turn = (d: number) => {
    if (d > 0 && nextCursor) {
      page++;
      cursors[page] = nextCursor;
    } else if (d < 0 && page > 0) page--;
    return load();
  };

  const setFilters = (f: EventFilters) => {
    from.value = f.from ?? '';
    to.value = f.to ?? '';
    actor.value = f.actor ?? '';
    pair.value = f.pair ?? '';
    code.value = f.code ?? '';
    modality.value = f.modality ?? '';
    return reload();
  };

  return { el, setFilters };
};
