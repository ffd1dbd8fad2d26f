import { storedEvent, storeError, type Store, type StoredEvent } from '../store/index.js';

/** The filters of GET /api/events. Codes match as prefixes, as in the store's `eventsQuery` (RUS matches RUSGOV). */
export type EventPageFilters = {
  from?: string;
  to?: string;
  /** Source or target code starts with one of these. */
  actor?: string[];
  /** Source code starts with one of these. */
  source?: string[];
  /** Target code starts with one of these. */
  target?: string[];
  /** Two codes: events from either to the other (source starts with one, target with the other). */
  pair?: [string, string];
  /** CAMEO codes (19 matches 193) or PLOVER types. */
  code?: string[];
  modality?: string[];
  /** Events of one article. */
  article?: number;
};

export type EventOrder = 'asc' | 'desc';
/** Where a page starts: after this event in the order (keyset paging), or after skipping `offset` events. */
export type PageStart = { after?: { date: string; id: number }; offset?: number };

const prefixes = (column: string, codes: string[], params: unknown[]): string => {
  for (const c of codes) params.push(c.toUpperCase(), c.toUpperCase());
  return `(${codes.map(() => `substr(${column}, 1, length(?)) = ?`).join(' OR ')})`;
};

/**
 * WHERE clauses for the filters. The same semantics as `eventsQuery` in src/store/queries.ts, which has no
 * source/target filters and computes every picked event's story counts up front: a page needs its few events,
 * found through the date index, and the counts of those only.
 */
export const eventWhere = (f: EventPageFilters): { where: string[]; params: unknown[] } => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) where.push('e.date >= ?'), params.push(f.from);
  if (f.to) where.push('e.date <= ?'), params.push(f.to);
  if (f.article !== undefined) where.push('e.article_id = ?'), params.push(f.article);
  if (f.actor?.length) {
    const a: unknown[] = [];
    const s = prefixes('e.source_code', f.actor, a);
    const t = prefixes('e.target_code', f.actor, a);
    where.push(`(${s} OR ${t})`);
    params.push(...a);
  }
  if (f.pair) {
    const [x, y] = f.pair;
    where.push(`((${prefixes('e.source_code', [x], params)} AND ${prefixes('e.target_code', [y], params)}) OR (${prefixes('e.source_code', [y], params)} AND ${prefixes('e.target_code', [x], params)}))`);
  }
  if (f.source?.length) where.push(prefixes('e.source_code', f.source, params));
  if (f.target?.length) where.push(prefixes('e.target_code', f.target, params));
  if (f.code?.length) {
    const cameo = f.code.filter((c) => /^\d+$/.test(c));
    const plover = f.code.filter((c) => !/^\d+$/.test(c)).map((c) => c.toUpperCase());
    const ors: string[] = [];
    if (cameo.length) ors.push(prefixes('e.cameo_code', cameo, params));
    if (plover.length) {
      ors.push(`e.plover_type IN (${plover.map(() => '?').join(', ')})`);
      params.push(...plover);
    }
    where.push(`(${ors.join(' OR ')})`);
  }
  if (f.modality?.length) {
    where.push(`e.modality IN (${f.modality.map(() => '?').join(', ')})`);
    params.push(...f.modality);
  }
  return { where, params };
};

const wrap = <T>(store: Store, run: () => T): T => {
  try {
    return run();
  } catch (e) {
    throw storeError(e, store.path);
  }
};

/** How many events pass the filters. */
export const countEvents = (store: Store, f: EventPageFilters): number => {
  const { where, params } = eventWhere(f);
  return wrap(store, () => store.db.prepare(`SELECT count(*) FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number);
};

/** The columns `storedEvent` reads, for events picked by id, with each one's story counts. */
const detailSql = (n: number, order: EventOrder) => `
SELECT e.*, a.url, a.title, a.source AS article_source, a.publisher, a.date AS article_date, a.ingested_at, a.lead_sentence, a.language,
       (SELECT count(DISTINCT r.article_id) FROM events r
         WHERE r.cluster_id = e.cluster_id AND coalesce(r.source_code, '') = coalesce(e.source_code, '')
           AND coalesce(r.target_code, '') = coalesce(e.target_code, '') AND r.cameo_code = e.cameo_code) AS num_articles,
       (SELECT count(DISTINCT coalesce(ra.publisher, 'article:' || ra.id)) FROM events r JOIN articles ra ON ra.id = r.article_id
         WHERE r.cluster_id = e.cluster_id AND coalesce(r.source_code, '') = coalesce(e.source_code, '')
           AND coalesce(r.target_code, '') = coalesce(e.target_code, '') AND r.cameo_code = e.cameo_code) AS num_sources
  FROM events e JOIN articles a ON a.id = e.article_id
 WHERE e.id IN (${Array(n).fill('?').join(', ')})
 ORDER BY e.date ${order}, e.id ${order}`;

/** Stored events by id, in the given order, with their articles and story counts. */
export const eventsById = (store: Store, ids: number[], order: EventOrder = 'asc'): StoredEvent[] =>
  ids.length ? wrap(store, () => (store.db.prepare(detailSql(ids.length, order)).all(...ids) as Record<string, unknown>[]).map(storedEvent)) : [];

/**
 * One page of events in date order (then id), newest first with `desc`: the ids come from the date index with
 * the filters applied, starting after a cursor's event or after an offset; then only those events are read whole.
 * Returns one more id than asked when there is a next page.
 */
export const pageEvents = (store: Store, f: EventPageFilters, { limit, order = 'desc', start = {} }: { limit: number; order?: EventOrder; start?: PageStart }): { events: StoredEvent[]; more: boolean } => {
  const { where, params } = eventWhere(f);
  if (start.after) {
    const cmp = order === 'asc' ? '>' : '<';
    where.push(`(e.date ${cmp} ? OR (e.date = ? AND e.id ${cmp} ?))`);
    params.push(start.after.date, start.after.date, start.after.id);
  }
  const sql = `SELECT e.id FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date ${order}, e.id ${order} LIMIT ? OFFSET ?`;
  const ids = wrap(store, () => store.db.prepare(sql).pluck().all(...params, limit + 1, start.offset ?? 0) as number[]);
  const more = ids.length > limit;
  return { events: eventsById(store, ids.slice(0, limit), order), more };
};
