/**
 * `npm run bench`: codes a generated corpus of project-written news text end to end, in one process on one
 * core, and prints sentences per second, articles per second and peak memory.
 *   node dist/scripts/bench.js [--mb 1.5] [--stages] [--clauses pos|parser]
 *   (--stages also times each stage and actor resolution's share; --clauses picks the clause finder)
 */
import { makeDoc } from '../src/doc/index.js';
import { createNewsPipeline } from '../src/news-pipeline.js';
import { generateArticles } from './generate-corpus.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const targetBytes = arg('--mb', 1.5) * 1_000_000;
const clausesAt = process.argv.indexOf('--clauses');
const clauses = clausesAt > 0 ? process.argv[clausesAt + 1] : 'pos';

const articles = [];
let bytes = 0;
for (const a of generateArticles(1_000_000)) {
  articles.push(a);
  bytes += Buffer.byteLength(a.text);
  if (bytes >= targetBytes) break;
}
const t0 = performance.now();
const pipeline = createNewsPipeline({ clauses });
const loadMs = performance.now() - t0;

// warm up the JIT on a few articles, then measure the whole corpus
for (const a of articles.slice(0, 50)) pipeline.run(makeDoc(a.text, { id: a.id, date: a.date, dateSource: 'input' }));
const stageMs = new Map<string, number>();
const timed = process.argv.includes('--stages');
let sentences = 0;
let events = 0;
const start = performance.now();
const cpuStart = process.cpuUsage();
for (const a of articles) {
  let doc = makeDoc(a.text, { id: a.id, date: a.date, dateSource: 'input' });
  if (timed) {
    for (const s of pipeline.stages) {
      const t = performance.now();
      doc = s.run(doc);
      stageMs.set(s.name, (stageMs.get(s.name) ?? 0) + performance.now() - t);
    }
  } else doc = pipeline.run(doc);
  sentences += doc.sentences?.length ?? 0;
  events += doc.events?.length ?? 0;
}
const secs = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`corpus      ${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${sentences} sentences, ${events} events`);
console.log(`clauses     ${pipeline.clauseFinder.name}`);
console.log(`load        ${loadMs.toFixed(0)} ms (dictionaries and models)`);
console.log(`time        ${secs.toFixed(2)} s on one core`);
console.log(`sentences/s ${Math.round(sentences / secs)} (${Math.round(sentences / cpuSecs)} per CPU-second)`);
console.log(`articles/s  ${Math.round(articles.length / secs)}`);
console.log(`peak memory ${peakMb.toFixed(0)} MB (max RSS)`);
if (timed) {
  for (const [name, ms] of stageMs) console.log(`  ${name.padEnd(16)} ${(ms / 1000).toFixed(2)} s`);
  // actor resolution's share: its stages against the rest of the pipeline
  const actorStages = ['findMentions', 'resolveActors', 'linkMentions'];
  const actors = actorStages.reduce((a, n) => a + (stageMs.get(n) ?? 0), 0);
  const all = [...stageMs.values()].reduce((a, b) => a + b, 0);
  console.log(`actor resolution ${(actors / 1000).toFixed(2)} s of ${(all / 1000).toFixed(2)} s: adds ${((100 * actors) / (all - actors)).toFixed(1)}% to the rest of the pipeline`);
}
