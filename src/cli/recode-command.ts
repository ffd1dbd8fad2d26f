import { makeDoc, type ArticleMeta } from '../doc/index.js';
import { createProgress } from '../ingest/index.js';
import { createNewsPipeline, type NewsPipeline } from '../news-pipeline.js';
import {
  articleRecord, createRecoder, defaultDbPath, diffEvents, eventKeysOf, eventsSignature, openStore, setMeta, StoreError, type CodeChange, type Store,
} from '../store/index.js';
import { cameoCode } from '../standards/index.js';
import { createOutput } from './output.js';
import { processIO, type CommandIO } from './command-io.js';

export type RecodeReport = {
  articles: number;
  /** Articles whose events changed. */
  changed: number;
  /** Articles the pipeline failed on (their events are kept). */
  failed: number;
  before: number;
  after: number;
  dictionary: string;
  /** Per CAMEO code with a change: events before and after, added and removed. */
  codes: CodeChange[];
};

export type RecodeOptions = {
  batchSize?: number;
  dryRun?: boolean;
  onProgress?: (done: number, events: number) => void;
  /** An article the pipeline failed on: its events are kept as they were. */
  onProblem?: (docId: string, reason: string) => void;
};

/**
 * Codes every stored article again with the pipeline (after a dictionary change) and replaces the events of
 * those whose coding changed, a batch per transaction. The article's story (cluster) and text do not change.
 */
export const recodeStore = (store: Store, pipeline: NewsPipeline, { batchSize = 200, dryRun = false, onProgress, onProblem }: RecodeOptions = {}): RecodeReport => {
  const recoder = createRecoder(store);
  const changes = new Map<string, CodeChange>();
  const report: RecodeReport = { articles: 0, changed: 0, failed: 0, before: 0, after: 0, dictionary: pipeline.verbs.version, codes: [] };
  let after = 0;
  let first = true;
  for (let page = recoder.page(0, batchSize); page.length; page = recoder.page(page[page.length - 1].id, batchSize)) {
    const items = page.flatMap((article) => {
      const meta: ArticleMeta = {
        id: article.docId,
        date: article.date,
        dateSource: article.dateSource as ArticleMeta['dateSource'],
        ...(article.url ? { url: article.url } : {}),
        ...(article.title ? { title: article.title } : {}),
        ...(article.source ? { source: article.source } : {}),
      };
      let record;
      try {
        record = articleRecord(pipeline.run(makeDoc(article.text, meta)), pipeline.verbs.version);
      } catch (e) {
        report.failed++;
        onProblem?.(article.docId, (e as Error).message);
        return [];
      }
      const stored = recoder.stored(article.id);
      const keys = eventKeysOf(record);
      const keyChange = diffEvents(stored.keys, keys, changes);
      const changed = keyChange || stored.signature !== eventsSignature(article, record);
      report.before += stored.keys.length;
      report.after += keys.length;
      if (changed) report.changed++;
      return [{ article, record, changed }];
    });
    report.articles += page.length;
    if (!dryRun) recoder.replace(items, first);
    first = false;
    after = report.after;
    onProgress?.(report.articles, after);
  }
  if (!dryRun) setMeta(store, 'dictionary', pipeline.verbs.version);
  report.codes = [...changes.values()].filter((c) => c.added || c.removed).sort((a, b) => a.code.localeCompare(b.code));
  return report;
};

export type RecodeCommandOptions = {
  db?: string;
  actors?: string[];
  verbs?: string[];
  /** Clause finder: 'pos' (default) or 'parser'. */
  clauses?: string;
  batch?: number;
  dryRun?: boolean;
  json?: boolean;
  progress?: boolean;
  /** A pipeline already built; else one is built from actors and verbs. */
  pipeline?: NewsPipeline;
};

const pad = (s: string | number, n: number) => String(s).padStart(n);

/** `dyad recode`: re-codes the store and prints what changed per event code. */
export const runRecode = (opts: RecodeCommandOptions, io: CommandIO = processIO): number => {
  const { warn } = io;
  let store: Store;
  try {
    store = openStore({ path: opts.db ?? defaultDbPath() });
  } catch (e) {
    warn((e as Error).message);
    return 2;
  }
  const progress = createProgress({ label: 'recode', ...(io.progress ? { stream: io.progress } : {}) });
  try {
    const pipeline = opts.pipeline ?? createNewsPipeline({ actorFiles: opts.actors, verbFiles: opts.verbs, clauses: opts.clauses });
    const report = recodeStore(store, pipeline, {
      batchSize: opts.batch,
      dryRun: opts.dryRun,
      onProgress: (articles, events) => opts.progress !== false && progress.update({ articles, events }),
      onProblem: (docId, reason) => {
        progress.done();
        warn(`${docId}: could not be coded (${reason}); its events are kept as they were`);
      },
    });
    progress.done();
    const out = createOutput(io.stdout);
    if (opts.json) out.line(JSON.stringify(report));
    else {
      out.line(`${'CODE'.padEnd(6)} ${'EVENT'.padEnd(40)} ${pad('BEFORE', 7)} ${pad('AFTER', 7)} ${pad('ADDED', 7)} ${pad('REMOVED', 7)}`);
      for (const c of report.codes) {
        const name = cameoCode(c.code)?.name ?? '';
        out.line(`${c.code.padEnd(6)} ${(name.length > 40 ? name.slice(0, 39) + '…' : name).padEnd(40)} ${pad(c.before, 7)} ${pad(c.after, 7)} ${pad('+' + c.added, 7)} ${pad('-' + c.removed, 7)}`);
      }
      out.line(`${'total'.padEnd(47)} ${pad(report.before, 7)} ${pad(report.after, 7)} ${pad('+' + report.codes.reduce((s, c) => s + c.added, 0), 7)} ${pad('-' + report.codes.reduce((s, c) => s + c.removed, 0), 7)}`);
    }
    out.flush();
    warn(`recode: ${report.articles} articles coded with ${report.dictionary}; ${report.changed} changed${report.failed ? `, ${report.failed} failed` : ''}${opts.dryRun ? ' (dry run: nothing written)' : ''}`);
    return report.failed ? 1 : 0;
  } catch (e) {
    progress.done();
    if (e instanceof StoreError) {
      warn(e.message);
      return 2;
    }
    throw e;
  } finally {
    store.close();
  }
};
