import { alertScope, movers, pairAlerts, pairSeries, scanAlerts, topActors, topPairs, type MoversOptions, type PairAlertsOptions, type PairSeriesOptions, type ScanAlertsOptions, type TopOptions } from '../analysis/index.js';
import { storeCounts, storeError, type Store } from '../store/index.js';
import { countEvents, pageEvents, type EventOrder, type EventPageFilters, type PageStart } from './event-page.js';
import { storedEventJson } from './event-json.js';

/** An event page's request, its parameters checked. */
export type EventsQuery = { filters: EventPageFilters; limit: number; order: EventOrder; start: PageStart; cursor: boolean; offset: number };

/** A cursor is the last event of a page, [date, id, order], as base64url JSON: opaque to clients. */
export const encodeCursor = (date: string, id: number, order: EventOrder): string => Buffer.from(JSON.stringify([date, id, order])).toString('base64url');

/**
 * The read queries of the API, each from checked arguments to the JSON body of its answer. They run on a
 * worker thread's read-only connection (query-pool.ts) when the server has a pool, else on the server's own
 * connection; a body is built where the query ran, so only a string crosses between threads.
 */
export const QUERIES = {
  series: (store: Store, opts: PairSeriesOptions): string => JSON.stringify(pairSeries(store.db, opts)),
  events: (store: Store, q: EventsQuery): string => {
    const { events, more } = pageEvents(store, q.filters, { limit: q.limit, order: q.order, start: q.start });
    const last = events[events.length - 1];
    const count = countEvents(store, q.filters);
    return JSON.stringify({
      total: count.total,
      totalExact: count.exact,
      limit: q.limit,
      ...(q.cursor ? {} : { offset: q.offset }),
      order: q.order,
      events: events.map(storedEventJson),
      nextCursor: more && last ? encodeCursor(last.date, last.id, q.order) : null,
    });
  },
  pairAlerts: (store: Store, q: { opts: PairAlertsOptions; a: string; b: string | null; direction: string; period: string }): string => {
    const alerts = pairAlerts(store.db, q.opts);
    return JSON.stringify({ a: q.a, b: q.b, direction: q.direction, period: q.period, alerts: alerts.map((x) => ({ source: q.a, target: q.b, ...x })) });
  },
  scanAlerts: (store: Store, q: { opts: ScanAlertsOptions & { period: NonNullable<ScanAlertsOptions['period']>; window: number } }): string => {
    const scope = alertScope(store.db, { period: q.opts.period, window: q.opts.window, asOf: q.opts.asOf });
    return JSON.stringify({ period: q.opts.period, scope: scope ?? null, alerts: scanAlerts(store.db, q.opts) });
  },
  top: (store: Store, opts: TopOptions): string => JSON.stringify({ pairs: topPairs(store.db, opts), actors: topActors(store.db, opts) }),
  movers: (store: Store, opts: MoversOptions): string => JSON.stringify({ movers: movers(store.db, opts) }),
  stats: (store: Store, q: { writable: boolean }): string => {
    let range: { firstDate: string | null; lastDate: string | null };
    try {
      range = store.db.prepare('SELECT min(date) AS firstDate, max(date) AS lastDate FROM events').get() as typeof range;
    } catch (e) {
      throw storeError(e, store.path);
    }
    return JSON.stringify({ ...storeCounts(store), ...range, writable: q.writable });
  },
};

export type QueryName = keyof typeof QUERIES;
export type QueryArgs<N extends QueryName> = Parameters<(typeof QUERIES)[N]>[1];

/** Runs a query by name: on a worker of the pool, or here. */
export type QueryRunner = <N extends QueryName>(name: N, args: QueryArgs<N>) => Promise<string>;

/** The runner without a pool: each query on the server's own connection, on its thread. */
export const inProcess =
  (store: Store): QueryRunner =>
  async (name, args) =>
    (QUERIES[name] as (s: Store, a: unknown) => string)(store, args);
