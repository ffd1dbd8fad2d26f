import { createHash } from 'node:crypto';
import type { Actor, CodedEvent, NewsDoc, Span } from '../doc/index.js';
import { createClusterIndex, type ClusterOptions } from './clusters/assign-cluster.js';
import { minhash, signatureBytes } from './clusters/minhash.js';
import { storeError, type Db, type Store } from './open-store.js';

/** What the store keeps of one coded article. */
export type ArticleRecord = {
  contentHash: string;
  docId: string;
  url?: string;
  title?: string;
  source?: string;
  /** Who published it: the input's source, else the URL's host; counts distinct sources per story. */
  publisher?: string;
  date: string;
  dateSource: string;
  /** "file" or "file:line" the article was read from. */
  origin?: string;
  language?: string;
  skipped?: string;
  /** Index of the first sentence after the dateline: the lead. */
  leadSentence: number | null;
  /** Dictionary version the events were coded with. */
  dictionary: string | null;
  text: string;
  events: CodedEvent[];
  /** Sentence spans by index, for the events' sentences. */
  sentences: Span[];
  /** Every actor a mention resolved to, once per mention. */
  actors: Actor[];
};

/** The publisher of an article: its source, else the host of its URL. */
export const publisherOf = (source?: string, url?: string): string | undefined => {
  if (source?.trim()) return source.trim();
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
};

/**
 * The identity of an article in the store: SHA-256 of its text and publisher. The same text from the same
 * publisher is stored once however often it is ingested; the same wire text from two publishers is two
 * articles of one story (see clusters).
 */
export const contentHash = (text: string, publisher?: string): string =>
  createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).update('\u0000').update(publisher ?? '').digest('hex');

/** A coded doc as an article record. */
export const articleRecord = (doc: NewsDoc, dictionary: string | null = null): ArticleRecord => {
  const m = doc.meta;
  const publisher = publisherOf(m.source, m.url);
  const origin = m.origin ? `${m.origin.file}${m.origin.line ? `:${m.origin.line}` : ''}` : undefined;
  const lead = doc.sentences?.find((s) => !s.isDateline)?.index ?? null;
  return {
    contentHash: contentHash(doc.text, publisher),
    docId: m.id,
    url: m.url,
    title: m.title,
    source: m.source,
    publisher,
    date: m.date,
    dateSource: m.dateSource,
    origin,
    language: doc.language,
    skipped: doc.skipped,
    leadSentence: lead,
    dictionary: doc.skipped ? null : dictionary,
    text: doc.text,
    events: doc.events ?? [],
    sentences: (doc.sentences ?? []).map((s) => ({ start: s.start, end: s.end })),
    actors: (doc.mentions ?? []).flatMap((x) => (x.actor ? [x.actor] : [])),
  };
};

export type WriteResult = {
  /** Articles stored by this call. */
  added: number;
  /** Articles already in the store (same content hash): nothing written for them. */
  duplicates: number;
  events: number;
  /** Articles that joined an existing story (a near-duplicate of a stored article). */
  syndicated: number;
};

export const EVENT_COLUMNS = [
  'article_id', 'doc_id', 'cluster_id', 'date', 'sentence_index', 'sentence_start', 'sentence_end',
  'source_code', 'source_country', 'source_sector', 'source_text', 'source_name', 'source_entry', 'source_dictionary', 'source_start', 'source_end',
  'target_code', 'target_country', 'target_sector', 'target_text', 'target_name', 'target_entry', 'target_dictionary', 'target_start', 'target_end',
  'cameo_code', 'cameo_root', 'cameo_name', 'plover_type', 'plover_mode', 'plover_context', 'goldstein', 'quad_class', 'modality',
  'place', 'place_country', 'place_region', 'place_lat', 'place_lon', 'place_kind',
  'verb_start', 'verb_end', 'evidence_start', 'evidence_end', 'evidence_text', 'rule_id', 'dictionary',
] as const;

/** An event's values in EVENT_COLUMNS order. */
export const eventValues = (articleId: number, clusterId: number, text: string, sentences: Span[], e: CodedEvent): unknown[] => {
  const s = sentences[e.sentence] ?? e.evidence;
  const side = (a: CodedEvent['source']) =>
    a ? [a.code, a.country || null, a.sector || null, a.text, a.name ?? null, a.entry, a.dictionary, a.span.start, a.span.end] : Array(9).fill(null);
  return [
    articleId, e.docId, clusterId, e.date, e.sentence, s.start, s.end,
    ...side(e.source), ...side(e.target),
    e.cameo.code, e.cameo.root, e.cameo.name, e.plover?.type ?? null, e.plover?.mode ?? null, e.plover?.context ?? null,
    e.goldstein, e.quadClass, e.modality,
    e.place?.name ?? null, e.place?.country || null, e.place?.region ?? null, e.place?.lat ?? null, e.place?.lon ?? null, e.place?.kind ?? null,
    e.verb.start, e.verb.end, e.evidence.start, e.evidence.end, text.slice(e.evidence.start, e.evidence.end), e.ruleId, e.dictionary,
  ];
};

export const prepareEventInsert = (db: Db) =>
  db.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`);

/** Adds one article's actors to the `actors` table: mentions per actor, and the article once. */
export const prepareActorUpsert = (db: Db) => {
  const upsert = db.prepare(
    `INSERT INTO actors (code, entry, country, sector, name, dictionary, mentions, articles, first_date, last_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT(code, entry) DO UPDATE SET
       mentions = mentions + excluded.mentions, articles = articles + 1,
       name = coalesce(excluded.name, name), country = coalesce(excluded.country, country), sector = coalesce(excluded.sector, sector),
       first_date = min(first_date, excluded.first_date), last_date = max(last_date, excluded.last_date)`,
  );
  return (actors: Actor[], date: string) => {
    const seen = new Map<string, { a: Actor; n: number }>();
    for (const a of actors) {
      const k = `${a.code}\u0000${a.entry}`;
      const s = seen.get(k);
      if (s) s.n++;
      else seen.set(k, { a, n: 1 });
    }
    for (const { a, n } of seen.values()) upsert.run(a.code, a.entry, a.country || null, a.sector || null, a.name ?? null, a.dictionary, n, date, date);
  };
};

export type ArticleWriter = {
  /** Whether an article with this content hash is stored. */
  has(hash: string): boolean;
  /** Writes the articles, their events and actors in one transaction: all of them or, on an error, none. */
  write(records: ArticleRecord[]): WriteResult;
};

/**
 * A writer for batches of articles. Each batch is one IMMEDIATE transaction, so a process killed in the middle
 * leaves the store as it was before the batch, and a second writer waits instead of failing half-way. Each
 * article is put into a story cluster as it is written (see clusters/), so articles in one batch find each other.
 */
export const createArticleWriter = (store: Store, clusterOptions: ClusterOptions = {}): ArticleWriter => {
  const { db } = store;
  const clusters = createClusterIndex(db, clusterOptions);
  const hasHash = db.prepare('SELECT 1 FROM articles WHERE content_hash = ?').pluck();
  const newCluster = db.prepare('INSERT INTO clusters (first_date, last_date, articles, sources) VALUES (?, ?, 0, 0)');
  const insertArticle = db.prepare(
    `INSERT INTO articles (content_hash, doc_id, url, title, source, publisher, date, date_source, origin, language, skipped,
       lead_sentence, cluster_id, similarity, minhash, dictionary, ingested_at, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateCluster = db.prepare(
    `UPDATE clusters SET
       articles = articles + 1,
       sources = (SELECT count(DISTINCT coalesce(publisher, 'article:' || id)) FROM articles WHERE cluster_id = @cluster),
       first_date = min(first_date, @date), last_date = max(last_date, @date)
     WHERE id = @cluster`,
  );
  const insertEvent = prepareEventInsert(db);
  const addActors = prepareActorUpsert(db);

  const writeAll = db.transaction((records: ArticleRecord[]): WriteResult => {
    const r: WriteResult = { added: 0, duplicates: 0, events: 0, syndicated: 0 };
    const now = new Date().toISOString();
    for (const a of records) {
      if (hasHash.get(a.contentHash)) {
        r.duplicates++;
        continue;
      }
      const sig = minhash(a.text, clusterOptions);
      const keys = clusters.keys(sig);
      const match = clusters.find(sig, keys);
      const clusterId = match ? match.clusterId : Number(newCluster.run(a.date, a.date).lastInsertRowid);
      const articleId = Number(
        insertArticle.run(
          a.contentHash, a.docId, a.url ?? null, a.title ?? null, a.source ?? null, a.publisher ?? null, a.date, a.dateSource,
          a.origin ?? null, a.language ?? null, a.skipped ?? null, a.leadSentence, clusterId, match ? match.similarity : null,
          signatureBytes(sig), a.dictionary, now, a.text,
        ).lastInsertRowid,
      );
      updateCluster.run({ cluster: clusterId, date: a.date });
      clusters.add(articleId, keys);
      for (const e of a.events) insertEvent.run(...eventValues(articleId, clusterId, a.text, a.sentences, e));
      addActors(a.actors, a.date);
      r.added++;
      r.events += a.events.length;
      if (match) r.syndicated++;
    }
    return r;
  });

  return {
    has: (hash) => {
      try {
        return Boolean(hasHash.get(hash));
      } catch (e) {
        throw storeError(e, store.path);
      }
    },
    write: (records) => {
      try {
        return writeAll.immediate(records);
      } catch (e) {
        throw storeError(e, store.path);
      }
    },
  };
};
