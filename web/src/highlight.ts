import { h } from './dom.js';

/** A span of the text to mark, with the classes it gives the characters it covers. */
export type Mark = { start: number; end: number; cls: string };

/**
 * Cuts `text` at every mark's edges, so marks may nest and overlap (a verb inside its evidence, two events'
 * evidence over one sentence): each piece carries the classes of every mark that covers it.
 */
export const segments = (text: string, marks: readonly Mark[]): { text: string; start: number; classes: string[] }[] => {
  const cuts = new Set([0, text.length]);
  const ok = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.start >= 0 && m.end <= text.length);
  for (const m of ok) cuts.add(m.start).add(m.end);
  const at = [...cuts].sort((a, b) => a - b);
  const out: { text: string; start: number; classes: string[] }[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const s = at[i];
    const e = at[i + 1];
    const classes = [...new Set(ok.filter((m) => m.start <= s && m.end >= e).map((m) => m.cls))];
    out.push({ text: text.slice(s, e), start: s, classes });
  }
  return out;
};

/** The text as nodes: plain text nodes, and `<mark>` elements (text inside) where marks cover it. */
export const highlighted = (text: string, marks: readonly Mark[]): Node[] =>
  segments(text, marks).map((s) => (s.classes.length ? h('mark', { class: s.classes.join(' '), 'data-start': s.start }, s.text) : document.createTextNode(s.text)));

/** An event's marks: its evidence, and its source, verb and target. */
export const eventMarks = (
  e: { evidence: { start: number; end: number }; spans: { source: { start: number; end: number } | null; verb: { start: number; end: number }; target: { start: number; end: number } | null } },
  focused = true,
): Mark[] =>
  focused
    ? [
        { ...e.evidence, cls: 'hl-evidence' },
        ...(e.spans.source ? [{ ...e.spans.source, cls: 'hl-source' }] : []),
        { ...e.spans.verb, cls: 'hl-verb' },
        ...(e.spans.target ? [{ ...e.spans.target, cls: 'hl-target' }] : []),
      ]
    : [{ ...e.evidence, cls: 'hl-other' }];
