import { defineStage } from '../pipeline/index.js';
import type { Dateline } from '../doc/index.js';

// "GENEVA (AP) —", "KYIV, Ukraine (Reuters) -", "WASHINGTON, Jan. 21 (AFP) --", "BEIRUT —"
const DATELINE =
  /^(\s*)([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})((?:, [A-Z][A-Za-z.]+(?: [A-Za-z.]+)?)?)(?:, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?\s*(?:\(([A-Za-z][A-Za-z .&-]{0,30})\))?\s*(?:—|–|--|-|:)\s+/;

/** Finds a wire dateline at the start of the text: its place, agency and date, and where the body begins. */
export const findDateline = (text: string): Dateline | null => {
  const m = DATELINE.exec(text.slice(0, 200));
  if (!m) return null;
  const [all, lead, city, region, date, agency] = m;
  // A dateline needs an agency or an all-caps place of 3+ letters; otherwise it is just a capitalised sentence.
  if (!agency && city.replace(/[^A-Z]/g, '').length < 3) return null;
  const place = city.replace(/\b([A-Z])([A-Z'.-]+)/g, (_w, a: string, b: string) => a + b.toLowerCase()) + region;
  return {
    start: lead.length,
    end: all.trimEnd().length,
    place,
    ...(agency ? { agency: agency.trim() } : {}),
    ...(date ? { date } : {}),
    body: all.length,
  };
};

export const readDateline = defineStage({
  name: 'readDateline',
  requires: [],
  assigns: ['dateline'],
  run: (doc) => ({ ...doc, dateline: findDateline(doc.text) }),
});
