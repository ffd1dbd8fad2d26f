import { ingestArticles } from '../../ingest/ingest-corpus.js';
import type { RawArticle } from '../../ingest/index.js';
import { contentHash, publisherOf, storeError } from '../../store/index.js';
import { objectAt, onlyKeys, optionalString, optionalUrl, readJson, requiredText } from '../body.js';
import { eventsById } from '../event-page.js';
import { storedEventJson } from '../event-json.js';
import { isDay } from '../params.js';
import { problem } from '../problem.js';
import { defineRoute } from '../route.js';
import { ref } from '../schemas.js';

export const MAX_ARTICLES_PER_POST = 1000;

type ArticleRow = {
  id: number; doc_id: string; title: string | null; url: string | null; source: string | null; publisher: string | null; date: string;
  date_source: string; language: string | null; skipped: string | null; cluster_id: number; similarity: number | null; ingested_at: string; text: string;
};

export const getArticleRoute = defineRoute({
  method: 'get',
  path: '/api/articles/:id',
  operationId: 'getArticle',
  tag: 'articles',
  summary: 'A stored article: its text and every event coded from it',
  description: "Each event's `spans` (source, verb, target) and `evidence` are offsets into `text`, to highlight them.",
  pathParams: { id: { description: "the article's store id (an event's articleId)", schema: { type: 'integer', minimum: 1 } } },
  responses: { 200: { description: 'the article', schema: ref('Article') } },
  handler: (c, { store }) => {
    const raw = c.req.param('id') ?? '';
    if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw problem('invalid-parameter', `id: "${raw.slice(0, 40)}" is not an article id (a whole number)`, { parameter: 'id' });
    const id = Number(raw);
    let row: ArticleRow | undefined;
    let ids: number[];
    try {
      row = store.db
        .prepare('SELECT id, doc_id, title, url, source, publisher, date, date_source, language, skipped, cluster_id, similarity, ingested_at, text FROM articles WHERE id = ?')
        .get(id) as ArticleRow | undefined;
      ids = store.db.prepare('SELECT id FROM events WHERE article_id = ? ORDER BY evidence_start, id').pluck().all(id) as number[];
    } catch (e) {
      throw storeError(e, store.path);
    }
    if (!row) throw problem('not-found', `no article ${id} in the store`);
    const events = eventsById(store, ids, 'asc').sort((x, y) => x.evidence.start - y.evidence.start || x.id - y.id);
    return c.json({
      id: row.id,
      docId: row.doc_id,
      title: row.title,
      url: row.url,
      source: row.source,
      publisher: row.publisher,
      date: row.date,
      dateSource: row.date_source,
      language: row.language,
      skipped: row.skipped,
      clusterId: row.cluster_id,
      similarity: row.similarity,
      ingestedAt: row.ingested_at,
      text: row.text,
      events: events.map(storedEventJson),
    });
  },
});

const ARTICLE_KEYS = ['text', 'id', 'date', 'url', 'title', 'source'] as const;

/** One posted article, checked. */
export const rawArticle = (v: unknown, field: string): RawArticle => {
  const o = objectAt(v, field);
  onlyKeys(o, ARTICLE_KEYS, field);
  const text = requiredText(o, 'text', field);
  const date = optionalString(o, 'date', field, 64);
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isDay(date)) throw problem('invalid-body', `${field}.date: "${date}" is not a calendar day`, { field: `${field}.date` });
  const url = optionalUrl(o, 'url', field);
  const title = optionalString(o, 'title', field, 1000);
  const source = optionalString(o, 'source', field, 200);
  const id = optionalString(o, 'id', field, 500) ?? `api:${contentHash(text.replace(/\r\n?/g, '\n'), publisherOf(source, url)).slice(0, 16)}`;
  return { id, text, ...(date ? { date } : {}), ...(url ? { url } : {}), ...(title ? { title } : {}), ...(source ? { source } : {}), origin: { file: 'api' } };
};

/** The posted body as articles: one article object, an array of them, or {articles: [...]}. */
export const postedArticles = (body: unknown): RawArticle[] => {
  let list: unknown;
  let name: (i: number) => string;
  if (Array.isArray(body)) {
    list = body;
    name = (i) => `[${i}]`;
  } else if (body && typeof body === 'object' && 'articles' in body) {
    onlyKeys(body as Record<string, unknown>, ['articles'], 'body');
    list = (body as { articles: unknown }).articles;
    name = (i) => `articles[${i}]`;
  } else {
    list = [body];
    name = () => 'body';
  }
  if (!Array.isArray(list)) throw problem('invalid-body', 'articles: must be an array of articles', { field: 'articles' });
  if (!list.length) throw problem('invalid-body', 'articles: is empty; send at least one article', { field: 'articles' });
  if (list.length > MAX_ARTICLES_PER_POST) throw problem('invalid-body', `articles: at most ${MAX_ARTICLES_PER_POST} in one request (got ${list.length})`, { field: 'articles' });
  return list.map((a, i) => rawArticle(a, name(i)));
};

export const postArticlesRoute = defineRoute({
  method: 'post',
  path: '/api/articles',
  operationId: 'ingestArticles',
  tag: 'articles',
  summary: 'Ingest articles: code them and keep them, with their events, in the store',
  description:
    'The same as `dyad ingest` on JSON articles: an article already stored (same text and publisher) is passed over. Needs the write token (checked before the body is read). Answers 201 when something was added, 200 when all were stored already.',
  auth: true,
  body: {
    description: 'one article, an array of articles, or {articles: [...]}',
    schema: ref('IngestRequest'),
    example: { articles: [{ id: 'note-1', date: '2023-03-14', title: 'Seoul protests', text: 'South Korea condemned North Korea on Tuesday.' }] },
  },
  responses: {
    201: { description: 'stored; the counts, and the store id of each article', schema: ref('IngestResult') },
    200: { description: 'nothing new: every article was stored already', schema: ref('IngestResult') },
  },
  handler: async (c, { store, pipeline }) => {
    const articles = postedArticles(await readJson(c));
    const p = pipeline();
    const problems: string[] = [];
    const stats = await ingestArticles(store, p, articles, {
      dictionary: p.verbs.version,
      onProblem: (x) => problems.push(`${x.file}: ${x.reason}`),
      onNote: () => {},
    });
    const idOf = store.db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck();
    const ids = articles.map((a) => ({
      docId: a.id,
      id: (idOf.get(contentHash(a.text.replace(/\r\n?/g, '\n'), publisherOf(a.source, a.url))) as number | undefined) ?? null,
    }));
    return c.json({ ...stats, articles: ids, problems }, stats.added ? 201 : 200);
  },
});
