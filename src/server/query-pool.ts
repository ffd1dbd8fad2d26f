import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { QueryArgs, QueryName, QueryRunner } from './queries.js';

export type QueryPool = { run: QueryRunner; size: number; close(): Promise<void> };

/** Worker threads the server starts by default: one per core, 2 to 4. */
export const defaultWorkers = (): number => Math.max(2, Math.min(4, availableParallelism()));

type Job = { id: number; name: QueryName; args: unknown; resolve: (body: string) => void; reject: (e: Error) => void };

/**
 * A pool of worker threads, each with its own read-only connection to the store (query-worker.ts), that runs
 * the API's read queries (queries.ts) so that the server's thread only parses requests and writes answers:
 * better-sqlite3 is synchronous, and on one thread every request would wait for every query before it.
 * Queries wait in one queue and go to the first free worker. Errors come back with their name, code and
 * option, so the server answers them as it would its own (problem.ts).
 */
export const createQueryPool = (path: string, { size = defaultWorkers(), mmap = 1 << 30 }: { size?: number; mmap?: number } = {}): QueryPool => {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let next = 0;
  let closed = false;
  const dispatch = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      running.set(w, job);
      w.postMessage({ id: job.id, name: job.name, args: job.args });
    }
  };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(new URL('./query-worker.js', import.meta.url), { workerData: { path, mmap } });
    w.unref();
    w.on('message', (m: { id: number; body?: string; error?: { name: string; message: string; stack?: string; code?: string; option?: string } }) => {
      const job = running.get(w);
      running.delete(w);
      idle.push(w);
      if (job) {
        if (m.error) job.reject(Object.assign(new Error(m.error.message), m.error));
        else job.resolve(m.body!);
      }
      dispatch();
    });
    w.on('error', (e) => {
      const job = running.get(w);
      running.delete(w);
      job?.reject(e);
    });
    idle.push(w);
    return w;
  });
  return {
    size,
    run: <N extends QueryName>(name: N, args: QueryArgs<N>) =>
      new Promise<string>((resolve, reject) => {
        if (closed) return reject(new Error('the query pool is closed'));
        queue.push({ id: ++next, name, args, resolve, reject });
        dispatch();
      }),
    close: async () => {
      closed = true;
      for (const j of queue.splice(0)) j.reject(new Error('the query pool is closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
};
