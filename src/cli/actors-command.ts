import { loadActorDictionary, resolvePhrase } from '../actors/index.js';
import { readInputs, today } from '../ingest/index.js';
import { loadGazetteer } from '../geo/index.js';
import { createOutput, warn } from './output.js';

/** `dyad actors`: resolves a batch of {id, text, date} phrases, one output line each. */
export const runActors = async (files: string[], opts: { format?: 'table' | 'jsonl'; actors?: string[] }): Promise<number> => {
  const dict = loadActorDictionary({ extra: opts.actors });
  const gazetteer = loadGazetteer();
  const format = opts.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  const out = createOutput();
  let failed = 0;
  const now = today();
  for await (const a of readInputs(files, {
    onProblem: (p) => {
      failed++;
      warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
    },
  })) {
    const date = a.date && /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : a.date ? (await import('../ingest/index.js')).parseDate(a.date) ?? now : now;
    const r = resolvePhrase(a.text, date, dict, gazetteer);
    const rec = {
      id: a.id,
      text: a.text,
      date,
      code: r.actor?.code ?? null,
      country: r.actor ? r.actor.country || null : null,
      sector: r.actor ? r.actor.sector || null : null,
      name: r.actor?.name ?? null,
      entry: r.actor?.entry ?? null,
      dictionary: r.actor?.dictionary ?? null,
    };
    out.line(format === 'jsonl' ? JSON.stringify(rec) : `${(rec.code ?? '-').padEnd(12)} ${a.text}`);
  }
  out.flush();
  return failed ? 1 : 0;
};

/** `dyad actor PHRASE`: prints how the phrase resolves and from which entries and dated roles. */
export const runActor = (phrase: string, opts: { date?: string; actors?: string[] }): number => {
  const dict = loadActorDictionary({ extra: opts.actors });
  const date = opts.date ?? today();
  const r = resolvePhrase(phrase, date, dict, loadGazetteer());
  if (!r.actor || !r.mention) {
    process.stdout.write(`"${phrase}" on ${date}: no actor\n`);
    return 1;
  }
  const lines = [`"${phrase}" on ${date}: ${r.actor.code} (country ${r.actor.country || '-'}, sector ${r.actor.sector || '-'})`, `  mention: "${r.mention.text}"`];
  for (const e of r.mention.entries) {
    lines.push(`  "${e.text}" → ${e.entry.id} [${e.entry.kind}${e.entry.sector ? ' ' + e.entry.sector : ''}${e.entry.code ? ' ' + e.entry.code : ''}] from ${e.entry.dictionary}${e.role ? `; ${e.role}` : ''}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
};
