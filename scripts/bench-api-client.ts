/**
 * The client of `npm run bench:api`, on its own thread: a local client is another program, and its own work
 * (sending, reading and parsing answers) should not be counted against the server's thread. Takes commands
 * from the bench: a list of requests, one at a time or with a number in flight; answers with the samples.
 * Like a load generator (wrk, autocannon) it reads each answer whole but does not parse it: parsing a
 * 450 KB series takes the client more CPU than the server spends answering it, and on a 2-core machine
 * that CPU is the server's. The one thing it needs from an events page, its cursor, it finds in the text.
 */
import { parentPort } from 'node:worker_threads';

export type Req = { endpoint: 'series' | 'events'; path: string; follow?: boolean };
export type Sample = { endpoint: string; ms: number; ok: boolean };
export type ClientCommand = { base: string; reqs: Req[]; concurrency: number; seconds: number };
export type ClientResult = { samples: Sample[]; wall: number; sent: number };

const send = async (base: string, r: Req, out: Sample[]): Promise<void> => {
  let path = r.path;
  for (let hop = 0; hop < (r.follow ? 2 : 1); hop++) {
    const t = performance.now();
    let ok = false;
    let next: string | null = null;
    try {
      const res = await fetch(base + path);
      const body = await res.text();
      ok = res.ok && body.endsWith('}');
      next = r.follow ? (/"nextCursor":"([A-Za-z0-9_-]+)"/.exec(body)?.[1] ?? null) : null;
    } catch {
      ok = false;
    }
    out.push({ endpoint: hop ? 'events (cursor)' : r.endpoint, ms: performance.now() - t, ok });
    if (!next) return;
    path = `${r.path}&cursor=${next}`;
  }
};

parentPort!.on('message', async ({ base, reqs, concurrency, seconds }: ClientCommand) => {
  const samples: Sample[] = [];
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < reqs.length && performance.now() < deadline) await send(base, reqs[next++], samples);
    }),
  );
  parentPort!.postMessage({ samples, wall: performance.now() - t0, sent: next } satisfies ClientResult);
});
