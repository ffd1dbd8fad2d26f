import type { Db } from '../store/index.js';
import { checkCount, eventRowsSql, type EventRowFilters } from './event-rows.js';
import { round } from './pair-series.js';

/** Options of `topPairs` and `topActors`: the filters of every analysis, and how many to return. */
export type TopOptions = EventRowFilters & {
  /** How many; default 10. */
  limit?: number;
};

/** Counts of a pair's or an actor's events. */
export type EventCounts = {
  events: number;
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinMean: number | null;
  conflictShare: number;
};

/** A directed country pair and its events. */
export type TopPair = EventCounts & { source: string; target: string };

/** A country and its events, as source, as target, and in all (an event within the country counts once). */
export type TopActor = EventCounts & { actor: string; asSource: number; asTarget: number };

type CountRow = { n: number; q1: number; q2: number; q3: number; q4: number; gsum: number; gn: number };
const COUNTS = `count(*) AS n, sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4,
       total(goldstein) AS gsum, count(goldstein) AS gn`;

const counts = (r: CountRow): EventCounts => ({
  events: r.n,
  quad: [r.q1, r.q2, r.q3, r.q4],
  goldsteinSum: round(r.gsum),
  goldsteinMean: r.gn ? round(r.gsum / r.gn) : null,
  conflictShare: r.n ? round((r.q3 + r.q4) / r.n) : 0,
});

/**
 * The directed country pairs with the most events between `from` and `to` (both optional), most first.
 *
 * @example
 * topPairs(store.db, { from: '2022-01-01', to: '2022-12-31', limit: 3 })
 * // -> [{ source: 'RUS', target: 'UKR', events: 5120, quad: [...], goldsteinMean: -5.9, conflictShare: 0.81, ... }, ...]
 */
export const topPairs = (db: Db, opts: TopOptions = {}): TopPair[] => {
  const { limit = 10 } = opts;
  checkCount('limit', limit, 1);
  const rows = eventRowsSql(opts, [{ sql: 'source_country IS NOT NULL AND target_country IS NOT NULL', params: [] }]);
  const sql = `SELECT source_country AS source, target_country AS target, ${COUNTS}
    FROM (${rows.sql}) GROUP BY source_country, target_country ORDER BY n DESC, source, target LIMIT ?`;
  return (db.prepare(sql).all(...rows.params, limit) as (CountRow & { source: string; target: string })[]).map((r) => ({ source: r.source, target: r.target, ...counts(r) }));
};

/**
 * The countries in the most events, as source or target, most first. Each side is summed on its own (on the
 * index that leads with that side's country, in its order, with no sort), then the two are added up.
 */
export const topActors = (db: Db, opts: TopOptions = {}): TopActor[] => {
  const { limit = 10 } = opts;
  checkCount('limit', limit, 1);
  const src = eventRowsSql(opts, [{ sql: 'source_country IS NOT NULL', params: [] }]);
  const tgt = eventRowsSql(opts, [{ sql: 'target_country IS NOT NULL AND target_country IS NOT source_country', params: [] }]);
  const sql = `
SELECT actor, sum(s) AS as_source, sum(t) AS as_target, sum(n) AS n, sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4,
       total(gsum) AS gsum, sum(gn) AS gn FROM (
  SELECT source_country AS actor, count(*) AS s, sum(target_country IS source_country) AS t, ${COUNTS} FROM (${src.sql}) GROUP BY source_country
  UNION ALL
  SELECT target_country, 0, count(*), ${COUNTS} FROM (${tgt.sql}) GROUP BY target_country
) GROUP BY actor ORDER BY n DESC, actor LIMIT ?`;
  return (db.prepare(sql).all(...src.params, ...tgt.params, limit) as (CountRow & { actor: string; as_source: number; as_target: number })[]).map((r) => ({
    actor: r.actor,
    asSource: r.as_source,
    asTarget: r.as_target,
    ...counts(r),
  }));
};
