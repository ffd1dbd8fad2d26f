import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/index.js';

export type ResponseCacheOptions = {
  /** Most answers kept (default 1,000). */
  entries?: number;
  /** Most bytes of answers kept (default 64 MB). */
  bytes?: number;
};

type Entry = { generation: string; body: string; type: string };

/**
 * The store's generation: SQLite's `data_version` (which moves when another connection, such as a
 * `dyad ingest` next to the server, commits) and this connection's `total_changes()` (which moves when the
 * server writes). Reading both costs microseconds.
 */
export const storeGeneration = (store: Store): (() => string) => {
  const changes = store.db.prepare('SELECT total_changes()').pluck();
  return () => `${store.db.pragma('data_version', { simple: true })}:${changes.get()}`;
};

/**
 * Keeps the answers to GET requests (200s, by path and query) until the store changes: a dashboard asks the
 * same questions again and again (the busiest pairs, a pair's series, the first page of events), and every
 * answer is a function of the store's contents. Least recently used answers go first. `x-cache: hit` marks
 * an answer from the cache.
 */
export const responseCache = (store: Store, { entries = 1000, bytes = 64 * 1024 * 1024 }: ResponseCacheOptions = {}): MiddlewareHandler => {
  const generation = storeGeneration(store);
  const kept = new Map<string, Entry>();
  let size = 0;
  const drop = (key: string) => {
    const e = kept.get(key);
    if (e) (size -= e.body.length), kept.delete(key);
  };
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const now = generation();
    const hit = kept.get(key);
    if (hit && hit.generation === now) {
      kept.delete(key);
      kept.set(key, hit);
      return new Response(hit.body, { status: 200, headers: { 'content-type': hit.type, 'x-cache': 'hit' } });
    }
    drop(key);
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('application/json')) return;
    const body = await c.res.clone().text();
    if (body.length > bytes / 4) return;
    kept.set(key, { generation: now, body, type });
    size += body.length;
    for (const k of kept.keys()) {
      if (kept.size <= entries && size <= bytes) break;
      drop(k);
    }
    c.res.headers.set('x-cache', 'miss');
  };
};
