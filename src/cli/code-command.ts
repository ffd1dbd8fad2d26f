import { makeDoc } from '../doc/index.js';
import { articleMeta, readInputs } from '../ingest/index.js';
import { createNewsPipeline } from '../news-pipeline.js';
import { csvRow, CSV_COLUMNS, eventRecord, tableHeader, tableRow } from './format-events.js';
import { createOutput, warn } from './output.js';

export type CodeOptions = { format?: 'table' | 'jsonl' | 'csv'; date?: string; actors?: string[]; verbs?: string[]; clauses?: string; maxChars?: number };

/** `dyad code`: reads the inputs, codes each article, prints its events. Returns the exit code. */
export const runCode = async (files: string[], opts: CodeOptions): Promise<number> => {
  const format = opts.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    warn(`--date must be YYYY-MM-DD, got "${opts.date}"`);
    return 2;
  }
  const pipeline = createNewsPipeline({ actorFiles: opts.actors, verbFiles: opts.verbs, clauses: opts.clauses });
  const out = createOutput();
  let failed = 0;
  let articles = 0;
  if (format === 'table') out.line(tableHeader);
  if (format === 'csv') out.line(CSV_COLUMNS.join(','));
  const inputs = readInputs(files, {
    maxChars: opts.maxChars,
    onProblem: (p) => {
      failed++;
      warn(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.reason}`);
    },
  });
  for await (const raw of inputs) {
    const { meta, warning } = articleMeta(raw, { date: opts.date });
    if (warning) warn(warning);
    const doc = pipeline.run(makeDoc(raw.text, meta));
    articles++;
    const where = `${raw.origin?.file ?? raw.id}${raw.origin?.line ? `:${raw.origin.line}` : ''}`;
    if (doc.skipped) {
      warn(`${where}: ${doc.skipped}`);
      continue;
    }
    for (const e of doc.events ?? []) {
      if (format === 'jsonl') out.line(JSON.stringify(eventRecord(doc, e)));
      else if (format === 'csv') out.line(csvRow(doc, e));
      else out.line(tableRow(doc, e));
    }
    if (out.closed) break;
  }
  out.flush();
  if (!articles && !failed) warn('no input articles');
  return failed ? 1 : 0;
};
