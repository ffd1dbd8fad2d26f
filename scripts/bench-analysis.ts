/**
 * `npm run bench:analysis`: writes a store of synthetic events (2 million by default, straight into the
 * tables with prepared statements in large transactions, no text coded), then times the analyses on it: a
 * pair's weekly series, a full alert scan, the top pairs and the movers, and prints the store's size.
 *   node dist/scripts/bench-analysis.js [--events 2000000] [--keep] [--db FILE (reuse a store built before)]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movers, pairSeries, scanAlerts, topActors, topPairs } from '../src/analysis/index.js';
import { openStore, withoutRollupTriggers } from '../src/store/index.js';
import { CODES_BY_QUAD, insertSyntheticEvents, seededRandom, type SyntheticEvent } from './synthetic-events.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const total = Number(arg('--events') ?? 2_000_000);
const reuse = arg('--db');
const dir = reuse ? undefined : mkdtempSync(join(tmpdir(), 'dyad-bench-analysis-'));
const dbPath = reuse ?? join(dir!, 'bench.db');

// 60 countries drawn with Zipf weights: a few loud pairs, a long tail of quiet ones
const COUNTRIES = (
  'USA RUS CHN UKR ISR IRN GBR FRA DEU TUR IND PAK SYR IRQ AFG SAU EGY JPN KOR PRK ' +
  'BRA MEX COL VEN NGA ETH SDN SOM KEN ZAF POL ITA ESP CAN AUS IDN PHL MMR THA VNM ' +
  'LBN YEM LBY MLI NER TCD COD CAF ARM AZE GEO BLR SRB KOS CUB HTI NIC ERI TWN QAT'
).split(' ');
const SECTORS = ['', '', '', 'GOV', 'GOV', 'MIL', 'REB', 'COP', 'BUS', 'MED', 'CVL', 'OPP'];
const QUADS: [1 | 2 | 3 | 4, number][] = [[1, 0.45], [2, 0.15], [3, 0.25], [4, 0.15]];
const START = Date.UTC(2021, 0, 4); // a Monday
const DAYS = 3 * 364; // 156 weeks
const day = (d: number) => new Date(START + d * 86_400_000).toISOString().slice(0, 10);

function* events(n: number): Generator<SyntheticEvent> {
  const rnd = seededRandom(7);
  const zipf = COUNTRIES.map((_, i) => 1 / Math.pow(i + 1, 1.1));
  const cum: number[] = [];
  zipf.reduce((s, w, i) => (cum[i] = s + w), 0);
  const country = () => {
    const x = rnd() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return COUNTRIES[lo];
  };
  const quad = () => {
    let x = rnd();
    for (const [q, p] of QUADS) if ((x -= p) < 0) return q;
    return 1;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  let article = 0;
  let cluster = 0;
  let written = 0;
  while (written < n) {
    // an article of 1 to 7 events on one day; a fifth of them retell the story before (syndication)
    article++;
    if (rnd() >= 0.2 || cluster === 0) cluster++;
    const date = day(Math.floor(rnd() * DAYS));
    const k = 1 + Math.floor(rnd() * 7);
    for (let i = 0; i < k && written < n; i++, written++) {
      const s = country();
      let t = country();
      if (t === s && rnd() < 0.8) t = country();
      yield {
        date,
        source: s + pick(SECTORS),
        target: rnd() < 0.08 ? null : t + pick(SECTORS),
        code: pick(CODES_BY_QUAD[quad()]),
        doc: `a${article}`,
        cluster,
        evidence: `${s} and ${t} in article ${article}`,
      };
    }
  }
}

/** Three escalations in the last week, 40 material conflict events each: the scan should rank them first. */
const PLANTED = [['SOM', 'KEN'], ['ARM', 'AZE'], ['SRB', 'KOS']];
function* planted(): Generator<SyntheticEvent> {
  const rnd = seededRandom(8);
  for (const [s, t] of PLANTED) {
    for (let i = 0; i < 40; i++) {
      yield { date: day(DAYS - 7 + Math.floor(rnd() * 7)), source: s, target: t, code: CODES_BY_QUAD[4][Math.floor(rnd() * CODES_BY_QUAD[4].length)], doc: `planted-${s}-${i}`, cluster: 10_000_000 + i };
    }
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const store = openStore({ path: dbPath });
let built = 0;
if (!reuse || !existsSync(dbPath) || (store.db.prepare('SELECT count(*) FROM events').pluck().get() as number) === 0) {
  // a bulk load: the secondary indexes are dropped and built again after (sorted, so much faster than
  // 2 million inserts into each), the rollups filled after the rows, nothing is synced until the end, and the page cache is large. No ANALYZE:
  // stores made by `dyad ingest` have no statistics, and the timings are of the plans they get.
  const indexes = store.db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'articles') AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const i of indexes) store.db.exec(`DROP INDEX ${i.name}`);
  store.db.pragma('synchronous = OFF');
  store.db.pragma('cache_size = -262144');
  const t0 = performance.now();
  built = withoutRollupTriggers(store.db, () => insertSyntheticEvents(store.db, events(total - PLANTED.length * 40)) + insertSyntheticEvents(store.db, planted()));
  const t1 = performance.now();
  for (const i of indexes) store.db.exec(i.sql);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.pragma('synchronous = NORMAL');
  const t2 = performance.now();
  console.log(
    `build        ${built} events in ${((t2 - t0) / 1000).toFixed(1)} s: rows and rollups ${((t1 - t0) / 1000).toFixed(1)} s (${Math.round(built / ((t1 - t0) / 1000))} events/s), ` +
      `${indexes.length} indexes ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
}
const count = store.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
const articles = store.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;

/** The median of `runs` timings, and the first (a cold statement cache and page cache for what it reads). */
const time = <T>(label: string, f: () => T, runs = 5): T => {
  const ms: number[] = [];
  let out!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  const first = ms[0];
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${ms[ms.length >> 1].toFixed(1).padStart(8)} ms  (first ${first.toFixed(1)} ms)`);
  return out;
};

console.log(`store        ${count} events, ${articles} articles, ${mb(statSync(dbPath).size)} (${(statSync(dbPath).size / count).toFixed(0)} bytes an event)`);
const [top] = topPairs(store.db, { limit: 1 });
const pairEvents = store.db.prepare('SELECT count(*) FROM events WHERE (source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?)').pluck().get(top.source, top.target, top.target, top.source) as number;
console.log(`pair         ${top.source}–${top.target}, the busiest: ${pairEvents} events both ways`);
const s = time(`pairSeries ${top.source} ${top.target} weekly, both directions`, () => pairSeries(store.db, { a: top.source, b: top.target, period: 'week' }));
time(`pairSeries ${top.source} ${top.target} weekly, codes 18,19, dedup`, () => pairSeries(store.db, { a: top.source, b: top.target, period: 'week', codes: ['18', '19'], dedup: true }));
time(`pairSeries ${top.source} ${top.target} weekly, one-a-day, normalize`, () => pairSeries(store.db, { a: top.source, b: top.target, period: 'week', oneADay: true, normalize: true }));
time(`pairSeries ${top.source} ${top.target}GOV weekly (full code)`, () => pairSeries(store.db, { a: top.source, b: `${top.target}GOV`, period: 'week' }));
time(`pairSeries ${top.source} with everyone, weekly`, () => pairSeries(store.db, { a: top.source, period: 'week' }), 3);
const alerts = time('scanAlerts weekly, all pairs (last week vs 8)', () => scanAlerts(store.db, { period: 'week' }));
time('scanAlerts weekly, all pairs, dedup', () => scanAlerts(store.db, { period: 'week', dedup: true }));
time('scanAlerts monthly, all pairs (last month vs 8)', () => scanAlerts(store.db, { period: 'month' }), 3);
time('topPairs, all time', () => topPairs(store.db, { limit: 10 }), 3);
time('topActors, all time', () => topActors(store.db, { limit: 10 }), 3);
time('movers weekly', () => movers(store.db, { period: 'week' }));
const ranks = PLANTED.map(([a, b]) => alerts.findIndex((x) => x.source === a && x.target === b) + 1);
console.log(`series       ${s.points.length} weeks`);
console.log(
  `alerts       ${alerts.length} on the last week; the ${PLANTED.length} planted escalations ${ranks.every((r) => r > 0) ? `found, ranked ${ranks.join(', ')}` : `NOT all found (ranks ${ranks.join(', ')})`}` +
    `; the others: ${alerts.filter((x) => !PLANTED.some(([a, b]) => x.source === a && x.target === b)).map((x) => `${x.source}>${x.target} z ${x.score}`).join(', ') || 'none'}`,
);
console.log(`peak memory  ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (max RSS)`);
store.close();
if (dir && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept         ${dbPath}`);
