import { api, ApiError, type CodeResult } from '../api.js';
import { fill, h } from '../dom.js';
import { eventMarks, highlighted } from '../highlight.js';
import { eventLine } from './events-list.js';

/**
 * A box to paste an article into: its events at once (POST /api/code, nothing stored), listed, with the text
 * shown and the chosen event's source, verb and target marked.
 */
export const createPasteBox = (): HTMLElement => {
  const area = h('textarea', { name: 'text', rows: 7, placeholder: 'Paste an article: GENEVA, Jan. 21 (AP) — …', 'aria-label': 'article text', spellcheck: false });
  const date = h('input', { type: 'date', name: 'date', 'aria-label': 'article date' });
  const button = h('button', { type: 'submit' }, 'Code it');
  const note = h('p', { class: 'summary', 'aria-live': 'polite' });
  const events = h('ol', { class: 'event-lines', 'data-testid': 'pasted-events' });
  const text = h('div', { class: 'article-text small', 'data-testid': 'pasted-text' });
  let result: CodeResult | undefined;

  const render = (i: number) => {
    if (!result) return;
    const r = result;
    const marks = [...r.events.filter((_, j) => j !== i).flatMap((e) => eventMarks(e, false)), ...(r.events[i] ? eventMarks(r.events[i]) : [])];
    fill(events, r.events.map((e, j) => eventLine(e, { active: j === i, onSelect: () => render(j) })));
    fill(text, highlighted(r.text, marks));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!area.value.trim()) {
      fill(note, 'Paste some text first.');
      return;
    }
    button.disabled = true;
    fill(note, 'Coding…');
    try {
      result = await api.code(area.value, date.value || undefined);
      const n = result.events.length;
      fill(note, result.skipped ? `Not coded: ${result.skipped}.` : `${n} event${n === 1 ? '' : 's'} (dated ${result.date}${result.dateSource === 'today' ? ', today: no date given or found' : ''}).`);
      render(0);
    } catch (err) {
      result = undefined;
      fill(note, h('span', { class: 'error' }, err instanceof ApiError ? err.message : 'The text could not be coded.'));
      fill(events);
      fill(text);
    } finally {
      button.disabled = false;
    }
  };

  return h(
    'section',
    { class: 'panel', id: 'paste' },
    h('h2', {}, 'Code an article'),
    h('form', { class: 'paste-form', onsubmit: (e: Event) => void submit(e) }, area, h('div', { class: 'row' }, h('label', {}, 'Date ', date), button)),
    note,
    events,
    text,
  );
};
