import type { Db } from '../store/index.js';
import { storeDates } from './conflict-cells.js';
import { checkCount, checkDay, checkPeriod, CONFLICT_WEIGHT_SQL, eventRowsSql, type EventRowFilters } from './event-rows.js';
import { round } from './pair-series.js';
import { addPeriods, periodSql, periodStart, type Period } from './period.js';

/** Options of `movers`. */
export type MoversOptions = Pick<EventRowFilters, 'codes' | 'sectors' | 'dedup' | 'oneADay'> & {
  /** Length of a period; default `week`. */
  period?: Period;
  /** The day whose period is compared with the one before; default the last event's date (events after it are not read). */
  asOf?: string;
  /** What changed: `events` (default), `conflict` (conflict events) or `weight` (Σ|Goldstein| of conflict events). */
  measure?: 'events' | 'conflict' | 'weight';
  /** How many; default 10. */
  limit?: number;
};

/** A period's counts in `movers`. */
export type MoverCounts = { events: number; conflict: number; weight: number };

/** A directed country pair whose measure changed the most from the previous period to the current one. */
export type Mover = {
  source: string;
  target: string;
  /** The current period's first day, and the previous period's. */
  period: string;
  previousPeriod: string;
  current: MoverCounts;
  previous: MoverCounts;
  /** current − previous, on the measure. */
  change: number;
  /** current / previous on the measure; null when the previous is 0. */
  ratio: number | null;
};

/**
 * The directed country pairs whose events (or conflict) changed the most between the period that holds
 * `asOf` and the one before, rises and falls alike, by the size of the change. The current period may be
 * partial (it ends at `asOf`); the previous one is whole.
 */
export const movers = (db: Db, opts: MoversOptions = {}): Mover[] => {
  const { period = 'week', measure = 'events', limit = 10 } = opts;
  checkPeriod(period);
  checkCount('limit', limit, 1);
  const dates = storeDates(db);
  if (!dates) return [];
  const asOf = checkDay('asOf', opts.asOf) ?? dates.last;
  const current = periodStart(asOf, period);
  const previous = addPeriods(current, period, -1);
  const rows = eventRowsSql({ ...opts, from: previous, to: asOf }, [{ sql: 'source_country IS NOT NULL AND target_country IS NOT NULL', params: [] }]);
  const sql = `
WITH days AS (
  SELECT source_country AS source, target_country AS target, date AS day, count(*) AS events,
         sum(quad_class >= 3) AS conflict, total(${CONFLICT_WEIGHT_SQL}) AS weight
    FROM (${rows.sql}) GROUP BY source, target, day
)
SELECT source, target, ${periodSql(period, 'day')} = ? AS is_current, sum(events) AS events, sum(conflict) AS conflict, total(weight) AS weight
  FROM days GROUP BY source, target, is_current`;
  const found = db.prepare(sql).all(...rows.params, current) as { source: string; target: string; is_current: number; events: number; conflict: number; weight: number }[];
  const pairs = new Map<string, Mover>();
  const zero = (): MoverCounts => ({ events: 0, conflict: 0, weight: 0 });
  for (const r of found) {
    const k = `${r.source}\u0000${r.target}`;
    let m = pairs.get(k);
    if (!m) pairs.set(k, (m = { source: r.source, target: r.target, period: current, previousPeriod: previous, current: zero(), previous: zero(), change: 0, ratio: null }));
    m[r.is_current ? 'current' : 'previous'] = { events: r.events, conflict: r.conflict, weight: round(r.weight, 3) };
  }
  const out = [...pairs.values()];
  for (const m of out) {
    m.change = round(m.current[measure] - m.previous[measure], 3);
    m.ratio = m.previous[measure] ? round(m.current[measure] / m.previous[measure], 3) : null;
  }
  out.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || y.change - x.change || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  return out.slice(0, limit);
};
