import { readFileSync } from 'node:fs';
import { makeDoc } from '../doc/index.js';
import { articleMeta } from '../ingest/index.js';
import { createNewsPipeline } from '../news-pipeline.js';
import { scoreEvents, type GoldCase, type PredictedEvent } from '../coding/score-events.js';
import { warn } from './output.js';

const pct = (x: number) => x.toFixed(3);

/** `dyad eval GOLD.jsonl`: codes every gold case and prints P/R/F1 at both levels, per type, and the misses. */
export const runEval = (file: string, opts: { json?: boolean; wrong?: number; actors?: string[]; verbs?: string[]; clauses?: string }): number => {
  let gold: GoldCase[];
  try {
    gold = readFileSync(file, 'utf8')
      .split('\n')
      .map((l, i) => [l, i + 1] as const)
      .filter(([l]) => l.trim())
      .map(([l, n]) => {
        try {
          return JSON.parse(l) as GoldCase;
        } catch (e) {
          throw new Error(`${file}:${n}: invalid JSON (${(e as Error).message})`);
        }
      });
  } catch (e) {
    warn((e as Error).message.startsWith(file) ? (e as Error).message : `${file}: ${(e as Error).message}`);
    return 2;
  }
  const pipeline = createNewsPipeline({ actorFiles: opts.actors, verbFiles: opts.verbs, clauses: opts.clauses });
  const predicted = new Map<string, PredictedEvent[]>();
  for (const g of gold) {
    const { meta } = articleMeta({ id: String(g.id), text: g.text, date: g.date ?? undefined }, { date: g.date ?? '2000-01-01' });
    predicted.set(String(g.id), pipeline.run(makeDoc(g.text, meta)).events ?? []);
  }
  const report = scoreEvents(gold.map((g) => ({ ...g, id: String(g.id) })), predicted);
  if (opts.json) {
    process.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  }
  const lines: string[] = [`${file}: ${gold.length} cases, dictionary ${pipeline.verbs.version}, clauses ${pipeline.clauseFinder.name}`];
  for (const [level, s] of Object.entries(report.levels)) {
    lines.push(`${level.padEnd(10)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  exact ${s.exact}/${s.cases}`);
  }
  lines.push('', 'by type (dyad+type):', `${'type'.padEnd(10)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp  fp  fn`);
  for (const [t, s] of Object.entries(report.byType)) {
    lines.push(`${t.padEnd(10)} ${pct(s.precision).padStart(6)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(4)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`);
  }
  const shown = report.wrong.slice(0, opts.wrong ?? 20);
  if (shown.length) lines.push('', `wrong cases (${report.wrong.length}, first ${shown.length}):`);
  for (const w of shown) {
    lines.push(`- ${w.id}: ${w.text.length > 160 ? w.text.slice(0, 159) + '…' : w.text}`);
    if (w.missed.length) lines.push(`    missed: ${w.missed.join('; ')}`);
    if (w.extra.length) lines.push(`    extra:  ${w.extra.join('; ')}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
};
