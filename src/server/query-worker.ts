/**
 * A query worker (see query-pool.ts): opens the store read-only and answers `{id, name, args}` with
 * `{id, body}` or `{id, error}`. WAL lets it read while the server's connection writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.js';
import { QUERIES, type QueryName } from './queries.js';

const { path, mmap } = workerData as { path: string; mmap: number };
const store = openStore({ path, readonly: true });
store.db.pragma(`mmap_size = ${mmap}`);
store.db.pragma('cache_size = -32768');

parentPort!.on('message', ({ id, name, args }: { id: number; name: QueryName; args: unknown }) => {
  try {
    const body = (QUERIES[name] as (s: typeof store, a: unknown) => string)(store, args);
    parentPort!.postMessage({ id, body });
  } catch (e) {
    const err = e as Error & { code?: string; option?: string };
    parentPort!.postMessage({ id, error: { name: err.name, message: err.message, stack: err.stack, code: err.code, option: err.option } });
  }
});
