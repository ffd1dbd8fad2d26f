/**
 * `npm run bench:ingest`: ingests generated articles (scripts/generate-corpus.ts) into a fresh store, through
 * the same reader, pipeline and store writer as `dyad ingest`, in one process on one core, and prints articles
 * per second and the size of the database. A second pass over the same input shows the cost of a no-op re-ingest.
 *   node dist/scripts/bench-ingest.js [--n 10000] [--batch 200] [--keep]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../src/ingest/index.js';
import { ingestArticles } from '../src/ingest/ingest-corpus.js';
import { createNewsPipeline } from '../src/news-pipeline.js';
import { openStore, storeCounts } from '../src/store/index.js';
import { generateArticles } from './generate-corpus.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const n = arg('--n', 10_000);
const batch = arg('--batch', 200);

const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-ingest-'));
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(corpus, [...generateArticles(n)].map((a) => JSON.stringify(a)).join('\n') + '\n');
const dbPath = join(dir, 'bench.db');

const t0 = performance.now();
const pipeline = createNewsPipeline();
const loadMs = performance.now() - t0;
const store = openStore({ path: dbPath });
let problems = 0;
const run = () => ingestArticles(store, pipeline, readInputs([corpus], { onProblem: () => problems++ }), { batchSize: batch, dictionary: pipeline.verbs.version });

const start = performance.now();
const stats = await run();
const secs = (performance.now() - start) / 1000;
const again = performance.now();
const second = await run();
const againSecs = (performance.now() - again) / 1000;
store.db.pragma('wal_checkpoint(TRUNCATE)');
const counts = storeCounts(store);
store.close();
const size = statSync(dbPath).size;

console.log(`corpus      ${n} generated articles, ${(statSync(corpus).size / 1e6).toFixed(1)} MB of JSON Lines`);
console.log(`load        ${loadMs.toFixed(0)} ms (dictionaries and models)`);
console.log(`ingest      ${stats.added} articles, ${stats.events} events, ${counts.clusters} stories (${stats.syndicated} near-duplicates) in ${secs.toFixed(2)} s on one core`);
console.log(`articles/s  ${Math.round(stats.read / secs)}`);
console.log(`re-ingest   ${second.duplicates} already stored, ${second.added} added, in ${againSecs.toFixed(2)} s (${Math.round(second.read / againSecs)} articles/s)`);
console.log(`database    ${(size / 1e6).toFixed(1)} MB (${(size / counts.articles / 1000).toFixed(1)} kB an article), batches of ${batch}`);
console.log(`peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (max RSS)`);
if (problems) console.log(`problems    ${problems}`);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
else console.log(`kept        ${dir}`);
