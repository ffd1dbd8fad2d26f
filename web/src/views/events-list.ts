import type { Actor, CodedEvent } from '../api.js';
import { h } from '../dom.js';

const who = (a: Actor | null) => h('span', { class: 'who' }, a ? a.name ?? a.text : 'unknown', a ? [' ', h('span', { class: 'code' }, a.code)] : null);

/** One event as a line a reader can scan: source → what they did → target. */
export const eventLine = (e: CodedEvent, { active = false, onSelect }: { active?: boolean; onSelect?: () => void } = {}): HTMLElement =>
  h(
    'li',
    { class: `event-line q${e.quadClass}${active ? ' active' : ''}` },
    h(
      'button',
      { type: 'button', class: 'event-button', onclick: onSelect, 'aria-pressed': active ? 'true' : 'false' },
      who(e.source),
      h('span', { class: 'arrow' }, ' → '),
      h('span', { class: 'what' }, e.cameo.name, ' ', h('span', { class: 'code' }, e.cameo.code), e.modality !== 'asserted' ? ` (${e.modality})` : ''),
      h('span', { class: 'arrow' }, ' → '),
      who(e.target),
    ),
  );
