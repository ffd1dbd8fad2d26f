import { disjointPrefixes, hasRollups, prefixRange, prepareCached } from '../analysis/rollups.js';
import { storedEvent, storeError, type Store, type StoredEvent } from '../store/index.js';

/**
 * The filters of GET /api/events. Actor codes match as in the analyses (src/analysis), so that the events
 * listed for a pair are the events its series counts: a 3-letter code is a country, matched on the country
 * column (RUS matches RUSGOV and RUSMIL), a longer one a full actor code, matched exactly.
 */
export type EventPageFilters = {
  from?: string;
  to?: string;
  /** Source or target is one of these. */
  actor?: string[];
  /** Source is one of these. */
  source?: string[];
  /** Target is one of these. */
  target?: string[];
  /** Two actors: events from either to the other. */
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

type Cond = { sql: string; params: unknown[] };
/** An arm of a filter, with the index that answers it best (see eventConditions). */
type Arm = Cond & { index?: string };
const and = (cs: Cond[]): Cond => ({ sql: cs.length ? cs.map((c) => c.sql).join(' AND ') : '1', params: cs.flatMap((c) => c.params) });
const or = (cs: Cond[]): Cond => ({ sql: `(${cs.map((c) => c.sql).join(' OR ')})`, params: cs.flatMap((c) => c.params) });

/** One side of an event is this actor: the country column for a country, the code column for a full code. */
export const sideIs = (side: 'source' | 'target', code: string): Cond => {
  const c = code.toUpperCase();
  return c.length === 3 ? { sql: `e.${side}_country = ?`, params: [c] } : { sql: `e.${side}_code = ?`, params: [c] };
};
const sideIn = (side: 'source' | 'target', codes: string[]): Cond => (codes.length === 1 ? sideIs(side, codes[0]) : or(codes.map((c) => sideIs(side, c))));

/**
 * The filters as SQL: `arms` are disjoint conditions whose union is the filter (a pair is its two directions,
 * an actor is "as source" and "as target but not source"), each answerable from one index, and `common` holds
 * the rest. Counting and paging run each arm on its own and add or merge them, which SQLite does from the
 * indexes, where one OR over both sides would read every event.
 */
export const eventConditions = (f: EventPageFilters): { arms: Arm[]; common: Cond[] } => {
  const common: Cond[] = [];
  if (f.from) common.push({ sql: 'e.date >= ?', params: [f.from] });
  if (f.to) common.push({ sql: 'e.date <= ?', params: [f.to] });
  if (f.article !== undefined) common.push({ sql: 'e.article_id = ?', params: [f.article] });
  if (f.source?.length) common.push(sideIn('source', f.source));
  if (f.target?.length) common.push(sideIn('target', f.target));
  if (f.code?.length) {
    const cameo = f.code.filter((c) => /^\d+$/.test(c));
    const plover = f.code.filter((c) => !/^\d+$/.test(c)).map((c) => c.toUpperCase());
    const ors: Cond[] = cameo.map((c) => ({ sql: 'substr(e.cameo_code, 1, ?) = ?', params: [c.length, c] }));
    if (plover.length) ors.push({ sql: `e.plover_type IN (${plover.map(() => '?').join(', ')})`, params: plover });
    common.push(or(ors));
  }
  if (f.modality?.length) common.push({ sql: `e.modality IN (${f.modality.map(() => '?').join(', ')})`, params: [...f.modality] });
  const one = (codes: string[] | undefined) => (codes?.length === 1 ? codes[0].toUpperCase() : undefined);
  const country = (c: string | undefined) => c !== undefined && c.length === 3;
  let arms: Arm[] = [{ sql: '1', params: [] }];
  if (f.pair) {
    const [x, y] = f.pair.map((c) => c.toUpperCase());
    // both sides countries: the pair index; else the index of the side with a full code
    // with codes, the pair's covering index, which holds the code: no row is read to test it
    const pairIndex = f.code?.length ? 'events_pair_cover' : 'events_pair_date';
    const hint = (s: string, t: string) => (country(s) && country(t) ? pairIndex : !country(s) ? 'events_source_code_date' : 'events_target_code_date');
    arms = [{ ...and([sideIs('source', x), sideIs('target', y)]), index: hint(x, y) }];
    if (x !== y) arms.push({ ...and([sideIs('source', y), sideIs('target', x)]), index: hint(y, x) });
  }
  if (f.actor?.length) {
    const src = sideIn('source', f.actor);
    const tgt = sideIn('target', f.actor);
    const a = one(f.actor);
    // every arm so far, split into "the source is one" and "the target is one and the source is not"
    arms = arms.flatMap((arm) => [
      { ...and([arm, src]), index: arm.index ?? (a === undefined ? undefined : country(a) ? 'events_source_cover' : 'events_source_code_date') },
      { ...and([arm, tgt, { sql: `NOT coalesce(${src.sql}, 0)`, params: src.params }]), index: arm.index ?? (a === undefined ? undefined : country(a) ? 'events_target_cover' : 'events_target_code_date') },
    ]);
  }
  return { arms, common };
};

const wrap = <T>(store: Store, run: () => T): T => {
  try {
    return run();
  } catch (e) {
    throw storeError(e, store.path);
  }
};

const indexNames = new WeakMap<Store, Set<string>>();
/**
 * `INDEXED BY` for an arm whose index the store has. SQLite's planner, once ANALYZE has run, likes to
 * skip-scan the wide date index for a pair or an actor, which reads a hundred times more than the index that
 * leads with them.
 */
const from = (store: Store, arm: Arm): string => {
  let names = indexNames.get(store);
  if (!names) indexNames.set(store, (names = new Set(store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[])));
  return arm.index && names.has(arm.index) ? `events e INDEXED BY ${arm.index}` : 'events e';
};
const where = (c: Cond) => (c.sql === '1' ? '' : `WHERE ${c.sql}`);

/** Totals above this are not counted on: the answer says "at least this many" (`exact: false`). */
export const COUNT_CAP = 10_000;

/** A count of the events that pass the filters: exact, or at least `total` when there are more than the cap. */
export type EventCount = { total: number; exact: boolean };

/**
 * How many events pass the filters. Exact from the rollups (src/store/schema.ts, migration 4) where they hold
 * the filters: dates, modality and CAMEO codes without actors; countries (actor, source, target, pair) with
 * dates; a pair of countries with dates and CAMEO roots. Otherwise counted from the indexes up to `cap` and no further: past it the total
 * is `cap` and `exact` is false, so that a broad filter costs at most `cap` index entries per arm.
 */
export const countEvents = (store: Store, f: EventPageFilters, cap = COUNT_CAP): EventCount => {
  const rolled = wrap(store, () => rollupCount(store, f));
  if (rolled !== undefined) return { total: rolled, exact: true };
  const { arms, common } = eventConditions(f);
  const parts = arms.map((a) => ({ ...and([a, ...common]), table: wrap(store, () => from(store, a)) }));
  const sql = `SELECT ${parts.map((p) => `(SELECT count(*) FROM (SELECT 1 FROM ${p.table} ${where(p)} LIMIT ?))`).join(' + ')}`;
  const n = wrap(store, () => prepareCached(store.db, sql).pluck().get(...parts.flatMap((p) => [...p.params, cap + 1])) as number);
  return n > cap ? { total: cap, exact: false } : { total: n, exact: true };
};

/** The count from the rollups, or undefined where they don't hold the filters (or the store has none). */
const rollupCount = (store: Store, f: EventPageFilters): number | undefined => {
  const countries = [...(f.actor ?? []), ...(f.source ?? []), ...(f.target ?? []), ...(f.pair ?? [])];
  const codes = f.code ?? [];
  if (f.article !== undefined || countries.some((c) => c.length !== 3) || codes.some((c) => !/^\d+$/.test(c)) || !hasRollups(store.db)) return undefined;
  const dates: Cond[] = [];
  if (f.from) dates.push({ sql: 'e.date >= ?', params: [f.from] });
  if (f.to) dates.push({ sql: 'e.date <= ?', params: [f.to] });
  const sum = (parts: { table: string; cond: Cond }[]) =>
    prepareCached(store.db, `SELECT ${parts.map((p) => `(SELECT coalesce(sum(n), 0) FROM ${p.table} e WHERE ${p.cond.sql})`).join(' + ')}`)
      .pluck()
      .get(...parts.flatMap((p) => p.cond.params)) as number;
  if (!countries.length) {
    const modality: Cond[] = f.modality?.length ? [{ sql: `e.modality IN (${f.modality.map(() => '?').join(', ')})`, params: [...f.modality] }] : [];
    if (!codes.length) return sum([{ table: 'rollup_days', cond: and([...dates, ...modality]) }]);
    return sum(
      disjointPrefixes(codes).map((c) => {
        const [lo, hi] = prefixRange(c);
        return { table: 'rollup_codes', cond: and([{ sql: 'e.cameo_code >= ? AND e.cameo_code < ?', params: [lo, hi] }, ...dates, ...modality]) };
      }),
    );
  }
  // actors (all countries): the arms over the pair rollups, which have no modality; codes (roots) with a pair only
  if (f.modality?.length || (codes.length && (!f.pair || codes.some((c) => c.length !== 2)))) return undefined;
  const { arms, common } = eventConditions({ ...f, code: undefined });
  const roots: Cond[] = codes.length ? [{ sql: `e.root IN (${codes.map(() => '?').join(', ')})`, params: [...new Set(codes)] }] : [];
  const table = codes.length ? 'rollup_pair_roots' : 'rollup_pair_days';
  return sum(arms.map((a) => ({ table, cond: and([a, ...common, ...roots]) })));
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
  ids.length ? wrap(store, () => (prepareCached(store.db, detailSql(ids.length, order)).all(...ids) as Record<string, unknown>[]).map(storedEvent)) : [];

/**
 * One page of events in date order (then id), newest first with `desc`: the ids come from the indexes with
 * the filters applied (each arm in date order, merged), starting after a cursor's event or after an offset;
 * then only those events are read whole.
 */
export const pageEvents = (store: Store, f: EventPageFilters, { limit, order = 'desc', start = {} }: { limit: number; order?: EventOrder; start?: PageStart }): { events: StoredEvent[]; more: boolean } => {
  const { arms, common } = eventConditions(f);
  if (start.after) {
    const cmp = order === 'asc' ? '>' : '<';
    common.push({ sql: `(e.date ${cmp} ? OR (e.date = ? AND e.id ${cmp} ?))`, params: [start.after.date, start.after.date, start.after.id] });
  }
  const parts = arms.map((a) => ({ ...and([a, ...common]), table: wrap(store, () => from(store, a)) }));
  const sql = `${parts.map((p) => `SELECT e.id AS id, e.date AS date FROM ${p.table} ${where(p)}`).join(' UNION ALL ')}
    ORDER BY date ${order}, id ${order} LIMIT ? OFFSET ?`;
  const ids = wrap(store, () => prepareCached(store.db, sql).pluck().all(...parts.flatMap((p) => p.params), limit + 1, start.offset ?? 0) as number[]);
  const more = ids.length > limit;
  return { events: eventsById(store, ids.slice(0, limit), order), more };
};
