import * as chrono from 'chrono-node';
import type { ArticleMeta } from '../doc/index.js';
import { findDateline } from '../nlp/read-dateline.js';

export type RawArticle = { id: string; text: string; date?: string; url?: string; title?: string; source?: string; origin?: { file: string; line?: number } };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** A date as YYYY-MM-DD from ISO or free text ("21 January 2022", "Jan. 21, 2022"), or null. */
export const parseDate = (value: string, ref = new Date()): string | null => {
  const v = value.trim();
  if (ISO_DAY.test(v)) return v.slice(0, 10);
  const r = chrono.en.casual.parseDate(v, { instant: ref, timezone: 0 });
  return r ? r.toISOString().slice(0, 10) : null;
};

export const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * The article's metadata and date: from the input's own date, else `--date`, else the dateline
 * ("WASHINGTON, Jan. 21 (Reuters) -"), else today, with a warning for the caller to print.
 */
export const articleMeta = (a: RawArticle, { date }: { date?: string } = {}): { meta: ArticleMeta; warning?: string } => {
  const base = {
    id: a.id,
    ...(a.url ? { url: a.url } : {}),
    ...(a.title ? { title: a.title } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.origin ? { origin: a.origin } : {}),
  };
  const own = a.date ? parseDate(a.date) : null;
  if (own) return { meta: { ...base, date: own, dateSource: 'input' } };
  if (date) return { meta: { ...base, date, dateSource: 'option' } };
  const dl = findDateline(a.text);
  const fromDateline = dl?.date ? parseDate(dl.date) : null;
  if (fromDateline) return { meta: { ...base, date: fromDateline, dateSource: 'dateline' } };
  const t = today();
  return {
    meta: { ...base, date: t, dateSource: 'today' },
    warning: `${a.id}: no date in the input, --date or a dateline; read as of today (${t})`,
  };
};
