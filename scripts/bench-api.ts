/**
 * `npm run bench:api`: fills a store with synthetic events (a million by default, written straight into the
 * tables in large transactions by scripts/synthetic-events.ts), starts `dyad serve`'s app in this process on
 * a free loopback port (with its pool of query worker threads, as `dyad serve` runs), and drives GET
 * /api/series and GET /api/events from a client on another thread (scripts/bench-api-client.ts) with a fixed
 * number of requests in flight, bounded in count and in time. Prints p50, p95 and p99 latency per endpoint
 * (the target is p99 under 100 ms): one request at a time (the service time), then, for each load in
 * `--concurrency` (requests in flight), without the response cache (every request computed) and with it (as
 * `dyad serve` runs: repeated questions answered from memory). Last, a line per load says whether its p99
 * (every endpoint, no cache) is under 100 ms.
 *   node dist/scripts/bench-api.js [--events 1000000] [--requests 4000] [--concurrency 8,16,32] [--seconds 60]
 *                                  [--workers N (query threads; 0: none)] [--db FILE (reuse a store built before)] [--keep]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { topPairs } from '../src/analysis/index.js';
import { startServer } from '../src/server/index.js';
import { openStore, withoutRollupTriggers, type Db } from '../src/store/index.js';
import type { ClientCommand, ClientResult, Req, Sample } from './bench-api-client.js';
import { CODES_BY_QUAD, insertSyntheticEvents, seededRandom, type SyntheticEvent } from './synthetic-events.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const total = Number(arg('--events') ?? 1_000_000);
const requests = Number(arg('--requests') ?? 4000);
const loads = (arg('--concurrency') ?? '8,16,32').split(',').map(Number);
const seconds = Number(arg('--seconds') ?? 60);
const workers = arg('--workers') === undefined ? undefined : Number(arg('--workers'));
const reuse = arg('--db');
const dir = reuse ? undefined : mkdtempSync(join(tmpdir(), 'dyad-bench-api-'));
const dbPath = reuse ?? join(dir!, 'bench.db');

// 50 countries with Zipf weights (a few loud pairs, a long tail), three years of days, codes by QuadClass
const COUNTRIES = (
  'USA RUS CHN UKR ISR IRN GBR FRA DEU TUR IND PAK SYR IRQ AFG SAU EGY JPN KOR PRK ' +
  'BRA MEX COL VEN NGA ETH SDN SOM KEN ZAF POL ITA ESP CAN AUS IDN PHL MMR THA VNM LBN YEM LBY MLI NER TCD COD ARM AZE TWN'
).split(' ');
const SECTORS = ['', '', '', 'GOV', 'GOV', 'MIL', 'REB', 'COP', 'BUS', 'CVL'];
const QUADS: [1 | 2 | 3 | 4, number][] = [[1, 0.45], [2, 0.15], [3, 0.25], [4, 0.15]];
const START = Date.UTC(2021, 0, 4);
const DAYS = 3 * 364;
const day = (d: number) => new Date(START + d * 86_400_000).toISOString().slice(0, 10);

const zipfPicker = <T>(xs: T[], rnd: () => number, s = 1.1) => {
  const cum: number[] = [];
  xs.reduce((acc, _, i) => (cum[i] = acc + 1 / Math.pow(i + 1, s)), 0);
  return () => {
    const x = rnd() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo];
  };
};

function* syntheticEvents(n: number): Generator<SyntheticEvent> {
  const rnd = seededRandom(11);
  const country = zipfPicker(COUNTRIES, rnd);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const quad = () => {
    let x = rnd();
    for (const [q, p] of QUADS) if ((x -= p) < 0) return q;
    return 1;
  };
  let article = 0;
  let cluster = 0;
  for (let written = 0; written < n; ) {
    article++;
    if (rnd() >= 0.2 || cluster === 0) cluster++;
    const date = day(Math.floor(rnd() * DAYS));
    const k = 1 + Math.floor(rnd() * 7);
    for (let i = 0; i < k && written < n; i++, written++) {
      const s = country();
      let t = country();
      if (t === s) t = country();
      yield { date, source: s + pick(SECTORS), target: rnd() < 0.08 ? null : t + pick(SECTORS), code: pick(CODES_BY_QUAD[quad()]), doc: `a${article}`, cluster, evidence: `${s} and ${t} in article ${article}` };
    }
  }
}

/** A bulk load: secondary indexes dropped and built again after (sorted), rollups filled after, no syncing until the end. */
const build = (db: Db, n: number): number => {
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'articles') AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const written = withoutRollupTriggers(db, () => insertSyntheticEvents(db, syntheticEvents(n)));
  for (const i of indexes) db.exec(i.sql);
  db.exec('ANALYZE');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -2000');
  return written;
};

const store = openStore({ path: dbPath });
const counted = () => store.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
if (!reuse || !existsSync(dbPath) || counted() === 0) {
  const t0 = performance.now();
  const n = build(store.db, total);
  console.log(`build        ${n.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const events = counted();
console.log(`store        ${events.toLocaleString('en-US')} events, ${(statSync(dbPath).size / 1e6).toFixed(0)} MB`);

const uncached = await startServer({ store, port: 0, host: '127.0.0.1', webDir: false, cache: false, workers, log: (l) => console.error(l) });
const cached = await startServer({ store, port: 0, host: '127.0.0.1', webDir: false, workers, log: (l) => console.error(l) });
console.log(`servers      ${uncached.url} (no response cache), ${cached.url} (as dyad serve runs), in this process, ${workers ?? 'default'} query workers each; client on its own thread`);

// the requests: pairs drawn from the 40 busiest (Zipf again, so the loud ones come up more), a mix of periods
// and filters; events pages by pair, by actor and dates, by code, and a second page through a cursor
const rnd = seededRandom(5);
const pairs = topPairs(store.db, { limit: 40 });
const pair = zipfPicker(pairs, rnd, 0.8);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const range = () => {
  const a = Math.floor(rnd() * (DAYS - 120));
  return `from=${day(a)}&to=${day(a + 30 + Math.floor(rnd() * 90))}`;
};
const seriesReq = (): Req => {
  const p = pair();
  const extra = pick(['', '', '', '&code=18,19', '&direction=ab', `&${range()}`, '&sector=MIL']);
  return { endpoint: 'series', path: `/api/series?a=${p.source}&b=${p.target}&period=${pick(['week', 'week', 'month', 'day'])}${extra}` };
};
const eventsReq = (): Req => {
  const p = pair();
  const q = pick([
    '',
    `pair=${p.source},${p.target}`,
    `pair=${p.source},${p.target}&${range()}`,
    `actor=${p.source}&${range()}`,
    `source=${p.source}GOV`,
    'code=19',
    `${range()}&modality=asserted`,
    `pair=${p.source},${p.target}&code=14`,
  ]);
  return { endpoint: 'events', path: `/api/events?limit=50${q ? `&${q}` : ''}`, follow: rnd() < 0.25 };
};

const client = new Worker(new URL('./bench-api-client.js', import.meta.url));
const drive = (base: string, reqs: Req[], n: number): Promise<ClientResult> =>
  new Promise((resolve) => {
    client.once('message', resolve);
    client.postMessage({ base, reqs, concurrency: n, seconds } satisfies ClientCommand);
  });

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const report = (title: string, samples: Sample[], wall?: number) => {
  console.log(`\n${title}`);
  console.log(`  ${'endpoint'.padEnd(18)} ${'requests'.padStart(8)} ${'errors'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const ep of ['series', 'events', 'events (cursor)']) {
    const s = samples.filter((x) => x.endpoint === ep);
    if (!s.length) continue;
    const ms = s.map((x) => x.ms).sort((a, b) => a - b);
    const f = (x: number) => x.toFixed(1).padStart(8);
    console.log(`  ${ep.padEnd(18)} ${String(s.length).padStart(8)} ${String(s.filter((x) => !x.ok).length).padStart(6)} ${f(pct(ms, 50))} ${f(pct(ms, 95))} ${f(pct(ms, 99))} ${f(ms[ms.length - 1])}`);
  }
  if (wall) console.log(`  ${samples.length} requests in ${(wall / 1000).toFixed(1)} s: ${Math.round(samples.length / (wall / 1000))} requests/s`);
};

// warm-up (statements prepared, pages cached), then one at a time, then under load
const mix = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? seriesReq() : eventsReq()));
await drive(uncached.url, mix(50), 1);
report('one request at a time, no cache (service time)', (await drive(uncached.url, mix(200), 1)).samples);

const plan = mix(requests);
const verdicts: string[] = [];
const load = async (base: string, title: string, n: number): Promise<Sample[]> => {
  const { samples, wall, sent } = await drive(base, plan, n);
  report(`${title}${sent < plan.length ? ` (stopped at the ${seconds} s limit, ${sent} of ${plan.length} sent)` : ''}`, samples, wall);
  return samples;
};
for (const n of loads) {
  const samples = await load(uncached.url, `${n} in flight, no cache: every request computed`, n);
  await load(cached.url, `${n} in flight, with the response cache (dyad serve): the same ${plan.length} requests, repeats answered from memory`, n);
  const ms = samples.map((x) => x.ms).sort((a, b) => a - b);
  const p99 = pct(ms, 99);
  verdicts.push(`  ${String(n).padStart(3)} in flight: p99 ${p99.toFixed(1).padStart(6)} ms over all ${ms.length} requests, no cache — ${p99 < 100 ? 'under' : 'over'} the 100 ms target`);
}
console.log(`\np99 by load (no cache)\n${verdicts.join('\n')}`);

await client.terminate();
await uncached.close();
await cached.close();
store.close();
if (dir && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`\nkept         ${dbPath}`);
