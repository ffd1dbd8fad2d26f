import type { Db } from '../store/index.js';
import { AnalysisError } from './analysis-error.js';
import { actorCode, actorSql, checkPeriod, CONFLICT_WEIGHT_SQL, eventRowsSql, type Condition, type EventRowFilters } from './event-rows.js';
import { periodsBetween, periodSql, periodEnd, periodStart, type Period } from './period.js';
import { hasRollups, isCountry, prepareCached } from './rollups.js';

/** Which events of a pair a series counts: a → b, b → a, or both. */
export type Direction = 'ab' | 'ba' | 'both';

/** Options of `pairSeries`. */
export type PairSeriesOptions = EventRowFilters & {
  /** An actor: a country (`RUS`, matched on the country column) or a full actor code (`RUSGOV`, matched exactly). */
  a: string;
  /** The other actor, in the same form; absent: `a` with everyone (and with no one: events without the other side count). */
  b?: string;
  /** Length of a period; default `week`. */
  period?: Period;
  /**
   * Divide each period's count by the number of events stored for that period (all actors, all codes), as
   * GDELT users divide by its daily totals: `normalized` is then the pair's share of the period's events.
   */
  normalize?: boolean;
  /** `ab`: a is the source; `ba`: a is the target; `both` (default): either, and `directions` holds each. */
  direction?: Direction;
  /** Read the events even where the rollups could answer (for tests that compare the two); default false. */
  scan?: boolean;
};

/** One period of a series. */
export type SeriesPoint = {
  /** The period's first day, YYYY-MM-DD (a Monday for weeks, the 1st for months). */
  period: string;
  /** Events counted. */
  events: number;
  /** Events by QuadClass: [verbal cooperation, material cooperation, verbal conflict, material conflict]. */
  quad: [number, number, number, number];
  /** Sum of the events' Goldstein scores (events of codes without one add nothing). */
  goldsteinSum: number;
  /** Mean Goldstein score of the events that have one; null in a period without such events. */
  goldsteinMean: number | null;
  /** Share of conflict (quad 3 and 4) among the events; 0 in a period without events. */
  conflictShare: number;
  /** The alert measure: sum of |Goldstein| of the conflict events (see scanAlerts). */
  conflictWeight: number;
  /** With `normalize`: events / all events stored for the period (0 when the store has none). */
  normalized?: number;
};

/** What `pairSeries` returns: a point for every period of the range, events or not. */
export type PairSeries = {
  a: string;
  b: string | null;
  period: Period;
  direction: Direction;
  points: SeriesPoint[];
  /** With direction `both`: the series of each direction (an event a → a is in both, and once in `points`). */
  directions?: { ab: SeriesPoint[]; ba: SeriesPoint[] };
};

type Cell = { n: number; q1: number; q2: number; q3: number; q4: number; gsum: number; gn: number; cw: number };
const emptyCell = (): Cell => ({ n: 0, q1: 0, q2: 0, q3: 0, q4: 0, gsum: 0, gn: 0, cw: 0 });
const addCell = (to: Cell, c: Cell) => {
  to.n += c.n;
  to.q1 += c.q1;
  to.q2 += c.q2;
  to.q3 += c.q3;
  to.q4 += c.q4;
  to.gsum += c.gsum;
  to.gn += c.gn;
  to.cw += c.cw;
};

const pointOf = (period: string, c: Cell, total?: number): SeriesPoint => ({
  period,
  events: c.n,
  quad: [c.q1, c.q2, c.q3, c.q4],
  goldsteinSum: round(c.gsum),
  goldsteinMean: c.gn ? round(c.gsum / c.gn) : null,
  conflictShare: c.n ? round((c.q3 + c.q4) / c.n) : 0,
  conflictWeight: round(c.cw),
  ...(total !== undefined ? { normalized: total ? c.n / total : 0 } : {}),
});

/** Rounds sums of one-decimal scores so that 0.1 + 0.2 prints as 0.3. */
export const round = (x: number, digits = 6): number => {
  if (Number.isInteger(x)) return x + 0;
  // k / 10^digits is the double nearest the decimal, as Number(x.toFixed(digits)) gives, at a tenth of the cost
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
};

/** The branches of `eventRowsSql`'s `anyOf` that pick the events of a direction. */
export const pickDirection = (cond: { ab: Condition; ba: Condition }, direction: Direction): Condition[] =>
  direction === 'ab' ? [cond.ab] : direction === 'ba' ? [cond.ba] : [cond.ab, cond.ba];

/** The conditions that an event is a → b and b → a, over the events' columns. */
export const pairConditions = (a: string, b: string | undefined): { ab: Condition; ba: Condition } => {
  const sa = actorSql('source', a);
  const ta = actorSql('target', a);
  if (b === undefined) return { ab: sa, ba: ta };
  const sb = actorSql('source', b);
  const tb = actorSql('target', b);
  return {
    ab: { sql: `(${sa.sql} AND ${tb.sql})`, params: [...sa.params, ...tb.params] },
    ba: { sql: `(${sb.sql} AND ${ta.sql})`, params: [...sb.params, ...ta.params] },
  };
};

/**
 * The time series of a pair of actors (or of one actor with everyone): per period, the events, their
 * QuadClasses, Goldstein sum and mean, the share of conflict and the conflict weight, zero-filled from `from`
 * (else the first event) to `to` (else the last). Counted in SQL: the events are grouped by day on the
 * `(source_country, target_country, date)` index, and the days rolled up into periods.
 *
 * @example
 * pairSeries(store.db, { a: 'RUS', b: 'UKR', period: 'week', codes: ['18', '19'], dedup: true })
 * // -> { a: 'RUS', b: 'UKR', period: 'week', direction: 'both', points: [{ period: '2022-02-21', events: 41, quad: [0, 0, 3, 38], ... }], directions: { ab, ba } }
 */
export const pairSeries = (db: Db, opts: PairSeriesOptions): PairSeries => {
  const { period = 'week', direction = 'both', normalize = false } = opts;
  checkPeriod(period);
  if (!['ab', 'ba', 'both'].includes(direction)) throw new AnalysisError('direction', `direction must be ab, ba or both, got "${direction}"`);
  const a = actorCode('a', opts.a);
  const b = opts.b === undefined || opts.b === null || opts.b === '' ? undefined : actorCode('b', opts.b);
  const cond = pairConditions(a, b);
  const rolled = opts.scan ? undefined : rollupSeriesSql(db, opts, a, b, direction);
  const found = rolled ? rollupPeriods(db, rolled, period) : scanPeriods(db, seriesSql(opts, period, cond, direction));
  const first = opts.from ?? found.reduce<string | undefined>((m, r) => (m === undefined || r.first < m ? r.first : m), undefined);
  const last = opts.to ?? found.reduce<string | undefined>((m, r) => (m === undefined || r.last > m ? r.last : m), undefined);
  const periods = first && last ? periodsBetween(first, last, period) : [];
  const all = new Map<string, Cell>();
  const ab = new Map<string, Cell>();
  const ba = new Map<string, Cell>();
  const into = (m: Map<string, Cell>, r: Cell & { p: string }) => {
    let c = m.get(r.p);
    if (!c) m.set(r.p, (c = emptyCell()));
    addCell(c, r);
  };
  for (const r of found) {
    into(all, r);
    if (r.is_ab) into(ab, r);
    if (r.is_ba) into(ba, r);
  }
  // the denominator covers the same days as the counts: a period cut by from or to is cut in both
  const totals = normalize && periods.length ? periodTotals(db, period, opts.from ?? periods[0], opts.to ?? periodEnd(periods[periods.length - 1], period)) : undefined;
  const points = (m: Map<string, Cell>) => periods.map((p) => pointOf(p, m.get(p) ?? emptyCell(), totals ? (totals.get(p) ?? 0) : undefined));
  return {
    a,
    b: b ?? null,
    period,
    direction,
    points: points(all),
    ...(direction === 'both' ? { directions: { ab: points(ab), ba: points(ba) } } : {}),
  };
};

type PeriodRow = Cell & { p: string; is_ab: number; is_ba: number; first: string; last: string };

/** The rows of `seriesSql`, read as arrays (a series by day of three years is thousands of rows). */
const scanPeriods = (db: Db, q: { sql: string; params: unknown[] }): PeriodRow[] =>
  (prepareCached(db, q.sql).raw(true).all(...q.params) as [string, number, number, string, string, number, number, number, number, number, number, number, number][]).map(
    ([p, is_ab, is_ba, first, last, n, q1, q2, q3, q4, gsum, gn, cw]) => ({ p, is_ab, is_ba, first, last, n, q1, q2, q3, q4, gsum, gn, cw }),
  );

/**
 * SQL that names a day's period where grouping needs only a key, not the period's first day: weeks by Julian
 * day number over seven (day number 0 is a Monday, so each key is one ISO week, Monday to Sunday), months by
 * their first seven characters. Cheaper than `periodSql`'s date() on every day; the period's first day is
 * worked out afterwards, once per period, from the first day seen in it.
 */
const periodKeySql = (period: Exclude<Period, 'day'>, column: string): string =>
  period === 'week' ? `CAST(julianday(${column}) + 0.5 AS INTEGER) / 7` : `substr(${column}, 1, 7)`;

/**
 * The rows of `rollupSeriesSql` (per day and direction flags) summed by period: for weeks and months SQLite
 * sums the days of each period (a few hundred rows cross into JavaScript instead of a thousand days per
 * direction), for days the rows are the periods. The Goldstein sums and weights stay whole tenths until each
 * period's total is divided by ten, as SQL's sum(g10) / 10.0 would.
 */
const rollupPeriods = (db: Db, q: { sql: string; params: unknown[] }, period: Period): PeriodRow[] => {
  const sql =
    period === 'day'
      ? `SELECT day, day, is_ab, is_ba, n, q1, q2, q3, q4, g10, gn, cw10 FROM (${q.sql})`
      : `SELECT min(day), max(day), is_ab, is_ba, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(g10), sum(gn), sum(cw10)
           FROM (${q.sql}) GROUP BY ${periodKeySql(period, 'day')}, is_ab, is_ba`;
  const rows = prepareCached(db, sql).raw(true).all(...q.params) as [string, string, number, number, number, number, number, number, number, number, number, number][];
  const groups = new Map<string, PeriodRow>();
  for (const [first, last, is_ab, is_ba, n, q1, q2, q3, q4, g10, gn, cw10] of rows) {
    const p = periodStart(first, period);
    const k = `${p}${is_ab}${is_ba}`;
    const g = groups.get(k);
    if (!g) groups.set(k, { p, is_ab, is_ba, first, last, n, q1, q2, q3, q4, gsum: g10, gn, cw: cw10 });
    else {
      // by day, the same day from two parts with the same flags (a with everyone, direction ab: a → others
      // and a → a)
      if (first < g.first) g.first = first;
      if (last > g.last) g.last = last;
      g.n += n;
      g.q1 += q1;
      g.q2 += q2;
      g.q3 += q3;
      g.q4 += q4;
      g.gsum += g10;
      g.gn += gn;
      g.cw += cw10;
    }
  }
  const out = [...groups.values()];
  for (const g of out) (g.gsum /= 10), (g.cw /= 10);
  return out;
};

const SUMS = `count(*) AS n, sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4,
         total(goldstein) AS gsum, count(goldstein) AS gn, total(${CONFLICT_WEIGHT_SQL}) AS cw`;

/**
 * The SQL of a series: per period and direction flags, the sums of `Cell`. Events are summed per day first.
 * Without dedup or one-a-day, each direction is summed on its own (a → b only, b → a only, and both, which
 * holds a → a), so that each part is one range of the pair index, read in date order and summed as it is read,
 * with no sort. Dedup and one-a-day look across directions' rows, so they sum the union of the rows.
 */
const seriesSql = (f: EventRowFilters, period: Period, cond: { ab: Condition; ba: Condition }, direction: Direction): { sql: string; params: unknown[] } => {
  let days: string;
  const params: unknown[] = [];
  if (!f.dedup && !f.oneADay) {
    const not = (c: Condition): Condition => ({ sql: `NOT coalesce(${c.sql}, 0)`, params: c.params });
    const parts: [Condition[], number, number][] =
      direction === 'ab' ? [[[cond.ab], 1, 0]] : direction === 'ba' ? [[[cond.ba], 0, 1]] : [[[cond.ab, not(cond.ba)], 1, 0], [[cond.ba, not(cond.ab)], 0, 1], [[cond.ab, cond.ba], 1, 1]];
    days = parts
      .map(([where, isAb, isBa]) => {
        const rows = eventRowsSql(f, where);
        params.push(...rows.params);
        return `SELECT date AS day, ${isAb} AS is_ab, ${isBa} AS is_ba, ${SUMS} FROM (${rows.sql}) GROUP BY date`;
      })
      .join('\n  UNION ALL\n  ');
  } else {
    const rows = eventRowsSql(f, [], pickDirection(cond, direction));
    params.push(...rows.params, ...cond.ab.params, ...cond.ba.params);
    days = `SELECT date AS day, ${cond.ab.sql} AS is_ab, ${cond.ba.sql} AS is_ba, ${SUMS} FROM (${rows.sql}) GROUP BY day, is_ab, is_ba`;
  }
  const sql = `
WITH days AS (
  ${days}
)
SELECT ${periodSql(period, 'day')} AS p, is_ab, is_ba, min(day) AS first, max(day) AS last,
       sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4, total(gsum) AS gsum, sum(gn) AS gn, total(cw) AS cw
  FROM days GROUP BY p, is_ab, is_ba`;
  return { sql, params };
};

/**
 * The SQL of a series read from the rollups (src/store/schema.ts, migration 4) instead of the events, where
 * they hold what the options ask: countries (not full actor codes), no dedup or one-a-day, and either CAMEO
 * roots (two digits) as the only codes or one sector. Undefined otherwise, or on a store without rollups. Gives the
 * same rows as `seriesSql` (the test in pair-series.test.ts compares the two): per day, one part per
 * direction (a → b, b → a, and a → a for a with everyone), which rollupPeriods sums by period.
 */
const rollupSeriesSql = (db: Db, f: EventRowFilters, a: string, b: string | undefined, direction: Direction): { sql: string; params: unknown[] } | undefined => {
  const codes = (f.codes ?? []).map((c) => c.trim()).filter(Boolean);
  const sectors = (f.sectors ?? []).map((s) => s.trim()).filter(Boolean);
  const sector = [...new Set(sectors.map((x) => x.toUpperCase()))];
  if (f.dedup || f.oneADay || !isCountry(a) || (b !== undefined && !isCountry(b))) return undefined;
  // one sector (an event with two of several would count twice), and then no codes
  if (sector.length > 1 || (sector.length && codes.length)) return undefined;
  if (codes.some((c) => !/^\d{2}$/.test(c)) || !hasRollups(db)) return undefined;
  eventRowsSql(f); // the filters' checks, with the errors of the events' path
  const table = sector.length ? 'rollup_pair_sectors' : codes.length ? 'rollup_pair_roots' : 'rollup_pair_days';
  const common: Condition[] = [];
  if (sector.length) common.push({ sql: 'sector = ?', params: sector });
  if (f.from) common.push({ sql: 'date >= ?', params: [f.from] });
  if (f.to) common.push({ sql: 'date <= ?', params: [f.to] });
  if (codes.length) common.push({ sql: `root IN (${codes.map(() => '?').join(', ')})`, params: [...new Set(codes)] });
  const side = (s: 'source' | 'target', c: string): Condition => ({ sql: `${s}_country = ?`, params: [c] });
  const notSide = (s: 'source' | 'target', c: string): Condition => ({ sql: `${s}_country <> ?`, params: [c] });
  // the parts are disjoint: each row of the rollup is in one of them
  let parts: [Condition[], number, number][];
  if (b === undefined) {
    const ab: [Condition[], number, number] = [[side('source', a), notSide('target', a)], 1, 0];
    const ba: [Condition[], number, number] = [[side('target', a), notSide('source', a)], 0, 1];
    const aa: [Condition[], number, number] = [[side('source', a), side('target', a)], direction === 'ba' ? 0 : 1, direction === 'ab' ? 0 : 1];
    parts = direction === 'ab' ? [ab, aa] : direction === 'ba' ? [ba, aa] : [ab, ba, aa];
  } else if (a === b) {
    parts = [[[side('source', a), side('target', a)], direction === 'ba' ? 0 : 1, direction === 'ab' ? 0 : 1]];
  } else {
    const ab: [Condition[], number, number] = [[side('source', a), side('target', b)], 1, 0];
    const ba: [Condition[], number, number] = [[side('source', b), side('target', a)], 0, 1];
    parts = direction === 'ab' ? [ab] : direction === 'ba' ? [ba] : [ab, ba];
  }
  const params: unknown[] = [];
  const days = parts
    .map(([where, isAb, isBa]) => {
      const all = [...where, ...common];
      params.push(...all.flatMap((c) => c.params));
      // both countries fixed and at most one root or sector: the rows are one a day already
      const daily = where.length === 2 && where.every((c) => c.sql.endsWith('= ?')) && (table === 'rollup_pair_days' || sector.length === 1 || new Set(codes).size === 1);
      return daily
        ? `SELECT date AS day, ${isAb} AS is_ab, ${isBa} AS is_ba, n, q1, q2, q3, q4, g10, gn, cw10 FROM ${table} WHERE ${all.map((c) => c.sql).join(' AND ')}`
        : `SELECT date AS day, ${isAb} AS is_ab, ${isBa} AS is_ba, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4,
         sum(g10) AS g10, sum(gn) AS gn, sum(cw10) AS cw10 FROM ${table} WHERE ${all.map((c) => c.sql).join(' AND ')} GROUP BY date`;
    })
    .join('\n  UNION ALL\n  ');
  return { sql: days, params };
};

/**
 * All events stored per period between two days: the denominator of `normalize`, read from the day rollup
 * (or, in a store without rollups, from the date index).
 */
export const periodTotals = (db: Db, period: Period, from: string, to: string): Map<string, number> => {
  const days = hasRollups(db)
    ? 'SELECT date AS day, sum(n) AS n FROM rollup_days WHERE date BETWEEN ? AND ? GROUP BY date'
    : 'SELECT date AS day, count(*) AS n FROM events WHERE date BETWEEN ? AND ? GROUP BY date';
  const rows = db
    .prepare(`SELECT ${periodSql(period, 'day')} AS p, sum(n) AS n FROM (${days}) GROUP BY p`)
    .all(from, to) as { p: string; n: number }[];
  return new Map(rows.map((r) => [r.p, r.n]));
};
