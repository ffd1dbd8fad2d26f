import type { Db } from '../store/index.js';
import { CONFLICT_WEIGHT_SQL, eventRowsSql, type Condition, type EventRowFilters } from './event-rows.js';
import { addPeriods, periodStart, periodSql, type Period } from './period.js';
import type { ConflictCell } from './robust-score.js';

/** A group's conflict per period, as `conflictCells` returns it. */
export type CellRow = ConflictCell & { p: string; source: string | null; target: string | null };

/**
 * The conflict of each period between two days (conflict events, Σ|Goldstein|, Σ|Goldstein|²), per directed
 * country pair when `byPair`, else for all the events that `where` picks. Aggregated by day first (in index
 * order), then by period.
 */
export const conflictCells = (
  db: Db,
  { period, from, to, filters, where = [], anyOf = [], byPair }: { period: Period; from: string; to: string; filters: EventRowFilters; where?: Condition[]; anyOf?: Condition[]; byPair: boolean },
): CellRow[] => {
  const rows = eventRowsSql({ ...filters, from, to }, [{ sql: 'quad_class >= 3', params: [] }, ...where], anyOf);
  const keys = byPair ? 'source_country AS source, target_country AS target' : 'NULL AS source, NULL AS target';
  const sql = `
WITH picked AS (${rows.sql}),
days AS (
  SELECT ${keys}, date AS day, count(*) AS events, total(w) AS weight, total(w * w) AS weight2
    FROM (SELECT source_country, target_country, date, ${CONFLICT_WEIGHT_SQL} AS w FROM picked)
   GROUP BY ${byPair ? 'source, target, ' : ''}day
)
SELECT source, target, ${periodSql(period, 'day')} AS p, sum(events) AS events, total(weight) AS weight, total(weight2) AS weight2
  FROM days GROUP BY source, target, p`;
  return db.prepare(sql).all(...rows.params) as CellRow[];
};

/** The store's first and last event dates, from the date index; undefined when it has no events. */
export const storeDates = (db: Db): { first: string; last: string } | undefined => {
  const first = db.prepare('SELECT min(date) FROM events').pluck().get() as string | null;
  const last = db.prepare('SELECT max(date) FROM events').pluck().get() as string | null;
  return first && last ? { first, last } : undefined;
};

/**
 * The first period whose every day the store could hold events for: the period of the first event, unless
 * that event falls after the period's first day (a partial period would read as a quiet one).
 */
export const firstFullPeriod = (firstDate: string, period: Period): string => {
  const p = periodStart(firstDate, period);
  return p === firstDate ? p : addPeriods(p, period, 1);
};
