import type { ArticleRecord } from './write-articles.js';
import { EVENT_COLUMNS, eventValues, prepareActorUpsert, prepareEventInsert } from './write-articles.js';
import { storeError, type Store } from './open-store.js';

/** A stored article, as recode reads it back to code it again. */
export type StoredArticle = {
  id: number;
  docId: string;
  url: string | null;
  title: string | null;
  source: string | null;
  date: string;
  dateSource: string;
  origin: string | null;
  clusterId: number;
  text: string;
};

/** What identifies an event when two codings of one article are compared. */
export type EventKey = { key: string; code: string };

const keyOf = (sentence: number, source: string | null, target: string | null, code: string, verbStart: number, modality: string): string =>
  `${sentence}|${source ?? ''}|${target ?? ''}|${code}|${verbStart}|${modality}`;

/** Signature of the values a record's events would be stored with, to compare with `stored(id).signature`. */
export const eventsSignature = (article: StoredArticle, record: ArticleRecord): string =>
  JSON.stringify(record.events.map((e) => eventValues(article.id, article.clusterId, article.text, record.sentences, e)));

export const eventKeysOf = (record: ArticleRecord): EventKey[] =>
  record.events.map((e) => ({ key: keyOf(e.sentence, e.source?.code ?? null, e.target?.code ?? null, e.cameo.code, e.verb.start, e.modality), code: e.cameo.code }));

export type CodeChange = { code: string; before: number; after: number; added: number; removed: number };

/** Adds the difference between an article's old and new events to `changes` (per code); true if any changed. */
export const diffEvents = (before: EventKey[], after: EventKey[], changes: Map<string, CodeChange>): boolean => {
  const count = (keys: EventKey[]) => {
    const m = new Map<string, { code: string; n: number }>();
    for (const k of keys) {
      const x = m.get(k.key);
      if (x) x.n++;
      else m.set(k.key, { code: k.code, n: 1 });
    }
    return m;
  };
  const b = count(before);
  const a = count(after);
  const at = (code: string) => {
    let c = changes.get(code);
    if (!c) changes.set(code, (c = { code, before: 0, after: 0, added: 0, removed: 0 }));
    return c;
  };
  for (const k of before) at(k.code).before++;
  for (const k of after) at(k.code).after++;
  let changed = false;
  for (const [key, { code, n }] of a) {
    const d = n - (b.get(key)?.n ?? 0);
    if (d > 0) (at(code).added += d), (changed = true);
  }
  for (const [key, { code, n }] of b) {
    const d = n - (a.get(key)?.n ?? 0);
    if (d > 0) (at(code).removed += d), (changed = true);
  }
  return changed;
};

/** Reading and rewriting stored articles' events, for `dyad recode`. */
export const createRecoder = (store: Store) => {
  const { db } = store;
  const page = db.prepare(
    `SELECT id, doc_id AS docId, url, title, source, date, date_source AS dateSource, origin, cluster_id AS clusterId, text
       FROM articles WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const oldEvents = db.prepare(`SELECT ${EVENT_COLUMNS.join(', ')} FROM events WHERE article_id = ? ORDER BY id`).raw();
  const deleteEvents = db.prepare('DELETE FROM events WHERE article_id = ?');
  const updateArticle = db.prepare('UPDATE articles SET language = ?, skipped = ?, lead_sentence = ?, dictionary = ? WHERE id = ?');
  const insertEvent = prepareEventInsert(db);
  const addActors = prepareActorUpsert(db);
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw storeError(e, store.path);
    }
  };
  const replace = db.transaction((items: { article: StoredArticle; record: ArticleRecord; changed: boolean }[], clearActors: boolean) => {
    if (clearActors) db.prepare('DELETE FROM actors').run();
    for (const { article, record, changed } of items) {
      if (changed) {
        deleteEvents.run(article.id);
        for (const e of record.events) insertEvent.run(...eventValues(article.id, article.clusterId, article.text, record.sentences, e));
      }
      updateArticle.run(record.language ?? null, record.skipped ?? null, record.leadSentence, record.dictionary, article.id);
      addActors(record.actors, article.date);
    }
  });
  return {
    /** Articles after `afterId` in id order, `size` at most. */
    page: (afterId: number, size: number): StoredArticle[] => guard(() => page.all(afterId, size) as StoredArticle[]),
    /** The article's stored events: their keys, and a signature of all their values to compare with a new coding. */
    stored: (articleId: number): { keys: EventKey[]; signature: string } =>
      guard(() => {
        const rows = oldEvents.all(articleId) as unknown[][];
        const col = (name: (typeof EVENT_COLUMNS)[number]) => EVENT_COLUMNS.indexOf(name);
        const [si, sc, tc, cc, vs, mo] = (['sentence_index', 'source_code', 'target_code', 'cameo_code', 'verb_start', 'modality'] as const).map(col);
        return {
          keys: rows.map((r) => ({ key: keyOf(r[si] as number, r[sc] as string | null, r[tc] as string | null, r[cc] as string, r[vs] as number, r[mo] as string), code: r[cc] as string })),
          signature: JSON.stringify(rows),
        };
      }),
    /**
     * Rewrites a batch in one transaction: the events of changed articles, every article's language and
     * dictionary, and the actors seen (the first batch of a recode clears the actors table to rebuild it).
     */
    replace: (items: { article: StoredArticle; record: ArticleRecord; changed: boolean }[], clearActors = false): void =>
      guard(() => replace.immediate(items, clearActors)),
  };
};
