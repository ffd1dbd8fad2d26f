import { statSync } from 'node:fs';
import { createProgress, estimateArticles, readInputs, type InputProblem } from '../ingest/index.js';
import { ingestArticles, type IngestStats } from '../ingest/ingest-corpus.js';
import { createNewsPipeline, type NewsPipeline } from '../news-pipeline.js';
import { defaultDbPath, openStore, StoreError, storeCounts, type Store } from '../store/index.js';
import { processIO, type CommandIO } from './command-io.js';

export type IngestCommandOptions = {
  db?: string;
  date?: string;
  actors?: string[];
  verbs?: string[];
  /** Clause finder: 'pos' (default) or 'parser'. */
  clauses?: string;
  maxChars?: number;
  maxBytes?: number;
  /** Milliseconds for one URL (default 15,000). */
  timeout?: number;
  batch?: number;
  followLinks?: boolean;
  allowLoopback?: boolean;
  /** false with --no-progress. */
  progress?: boolean;
  json?: boolean;
  /** A pipeline already built (by a caller that ingests several times); else one is built from actors and verbs. */
  pipeline?: NewsPipeline;
};

const where = (p: InputProblem) => `${p.file}${p.line ? `:${p.line}` : ''}`;
const n = (x: number) => x.toLocaleString('en-US');

export const fileSize = (path: string): string => {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size;
    } catch {
      // no WAL file once it is checkpointed
    }
  }
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
};

/** The summary `dyad ingest` prints when it is done. */
export const ingestSummary = (s: IngestStats, store: Store): string => {
  const c = storeCounts(store);
  const parts = [`${n(s.added)} added${s.syndicated ? ` (${n(s.syndicated)} in stories already stored)` : ''}`];
  if (s.duplicates) parts.push(`${n(s.duplicates)} already stored`);
  if (s.skipped) parts.push(`${n(s.skipped)} not coded (not English, or empty)`);
  if (s.failed) parts.push(`${n(s.failed)} failed`);
  return (
    `ingest: ${n(s.read)} articles read: ${parts.join(', ')}; ${n(s.events)} events. ` +
    `${store.path} holds ${n(c.articles)} articles in ${n(c.clusters)} stories, ${n(c.events)} events (${fileSize(store.path)})`
  );
};

/**
 * `dyad ingest`: reads articles from files, folders, URLs and stdin, codes them and stores articles, events and
 * actors. Returns the exit code: 0, 1 when an input could not be read (the rest is stored), 2 when the store
 * can't be used.
 */
export const runIngest = async (inputs: string[], opts: IngestCommandOptions, io: CommandIO = processIO): Promise<number> => {
  const { warn } = io;
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) {
    warn(`--date must be YYYY-MM-DD, got "${opts.date}"`);
    return 2;
  }
  for (const [name, v] of [['--batch', opts.batch], ['--timeout', opts.timeout], ['--max-bytes', opts.maxBytes], ['--max-chars', opts.maxChars]] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) {
      warn(`${name} must be a positive number`);
      return 2;
    }
  }
  let store: Store;
  try {
    store = openStore({ path: opts.db ?? defaultDbPath() });
  } catch (e) {
    warn((e as Error).message);
    return 2;
  }
  let failed = 0;
  const showProgress = opts.progress !== false;
  let progress = createProgress({ label: 'ingest', ...(io.progress ? { stream: io.progress } : {}) });
  const say = (p: InputProblem) => {
    progress.done();
    warn(`${where(p)}: ${p.reason}`);
  };
  let stats: IngestStats | undefined;
  try {
    const pipeline = opts.pipeline ?? createNewsPipeline({ actorFiles: opts.actors, verbFiles: opts.verbs, clauses: opts.clauses });
    // the clock starts once the dictionaries are loaded, so the rate is the rate of reading and coding
    progress = createProgress({ label: 'ingest', total: showProgress ? estimateArticles(inputs) : undefined, ...(io.progress ? { stream: io.progress } : {}) });
    const articles = readInputs(inputs, {
      maxChars: opts.maxChars,
      maxBytes: opts.maxBytes,
      fetch: { timeoutMs: opts.timeout, allowLoopback: opts.allowLoopback },
      followLinks: opts.followLinks,
      onProblem: (p) => {
        failed++;
        say(p);
      },
      onNote: say,
    });
    stats = await ingestArticles(store, pipeline, articles, {
      batchSize: opts.batch,
      date: opts.date,
      dictionary: pipeline.verbs.version,
      onProblem: (p) => {
        failed++;
        say(p);
      },
      onNote: say,
      onProgress: (s) => {
        if (showProgress) progress.update({ articles: s.read, events: s.events });
      },
    });
    progress.done();
    if (opts.json) io.stdout.write(JSON.stringify({ ...stats, problems: failed, store: { path: store.path, ...storeCounts(store) } }) + '\n');
    warn(ingestSummary(stats, store));
    if (!stats.read && !failed) warn('no input articles');
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
  return failed ? 1 : 0;
};
