import { makeDoc } from '../doc/index.js';
import type { Pipeline } from '../pipeline/index.js';
import { articleRecord, contentHash, createArticleWriter, publisherOf, type ArticleRecord, type ClusterOptions, type Store } from '../store/index.js';
import { articleMeta, type RawArticle } from './article-meta.js';
import type { InputProblem } from './read-inputs.js';

export type IngestStats = {
  /** Articles read from the inputs. */
  read: number;
  /** Stored by this run. */
  added: number;
  /** Already in the store (same text and publisher), or repeated in the inputs: nothing written. */
  duplicates: number;
  /** Stored but not coded: not in English, or empty. */
  skipped: number;
  /** Stored articles that joined an earlier story (near-duplicates). */
  syndicated: number;
  events: number;
  /** Articles the pipeline failed on: reported, not stored. */
  failed: number;
};

export type IngestOptions = {
  /** Articles per transaction (default 200). */
  batchSize?: number;
  /** Date for articles without one (YYYY-MM-DD). */
  date?: string;
  /** Dictionary version stored with each article's events. */
  dictionary?: string;
  cluster?: ClusterOptions;
  onProblem?: (p: InputProblem) => void;
  onNote?: (p: InputProblem) => void;
  /** Called after every article read and after every batch written. */
  onProgress?: (s: IngestStats) => void;
};

const placeOf = (raw: RawArticle): InputProblem => ({ file: raw.origin?.file ?? raw.id, ...(raw.origin?.line ? { line: raw.origin.line } : {}), reason: '' });

/**
 * Codes articles and stores them: an article whose content hash is stored already is passed over before it is
 * coded, so a second run over the same inputs writes nothing and a run that was killed resumes where its last
 * committed batch ended. Batches are written in one transaction each.
 */
export const ingestArticles = async (
  store: Store,
  pipeline: Pipeline,
  articles: AsyncIterable<RawArticle> | Iterable<RawArticle>,
  { batchSize = 200, date, dictionary, cluster, onProblem = () => {}, onNote = () => {}, onProgress = () => {} }: IngestOptions = {},
): Promise<IngestStats> => {
  const stats: IngestStats = { read: 0, added: 0, duplicates: 0, skipped: 0, syndicated: 0, events: 0, failed: 0 };
  const writer = createArticleWriter(store, cluster);
  let batch: ArticleRecord[] = [];
  const pending = new Set<string>();
  const flush = () => {
    if (!batch.length) return;
    const r = writer.write(batch);
    stats.added += r.added;
    stats.duplicates += r.duplicates;
    stats.events += r.events;
    stats.syndicated += r.syndicated;
    batch = [];
    pending.clear();
    onProgress(stats);
  };
  for await (const raw of articles) {
    stats.read++;
    const text = raw.text.replace(/\r\n?/g, '\n');
    const hash = contentHash(text, publisherOf(raw.source, raw.url));
    if (pending.has(hash) || writer.has(hash)) {
      stats.duplicates++;
      onProgress(stats);
      continue;
    }
    const { meta, warning } = articleMeta(raw, { date });
    if (warning) onNote({ ...placeOf(raw), reason: warning.replace(/^[^:]*: /, '') });
    let record: ArticleRecord;
    try {
      const doc = pipeline.run(makeDoc(text, meta));
      if (doc.skipped) {
        stats.skipped++;
        onNote({ ...placeOf(raw), reason: doc.skipped });
      }
      record = articleRecord(doc, dictionary ?? doc.events?.[0]?.dictionary ?? null);
    } catch (e) {
      stats.failed++;
      onProblem({ ...placeOf(raw), reason: `could not be coded (${(e as Error).message})` });
      continue;
    }
    batch.push(record);
    pending.add(hash);
    if (batch.length >= batchSize) flush();
    onProgress(stats);
  }
  flush();
  return stats;
};
