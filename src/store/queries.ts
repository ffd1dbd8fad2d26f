import { oneADaySql, parseMerged, type MergedEvent } from './one-a-day.js';
import { storeError, type Store } from './open-store.js';

/** Filters every event query takes: exports now, trends and alerts later. */
export type EventFilters = {
  /** First and last event date, inclusive (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Actor codes: an event matches when its source or target code starts with one (RUS matches RUSGOV). */
  actor?: string[];
  /** CAMEO codes (a code matches itself and the codes under it: 19 matches 193) or PLOVER types (ASSAULT). */
  code?: string[];
  /** Modalities to keep (asserted, intent, negated, hypothetical, question, denied); default all. */
  modality?: string[];
  /** One event per story: of the events of a cluster of near-duplicate articles with the same source, target and code, the earliest. */
  dedup?: boolean;
  /** One event per date, source, target and code (see one-a-day.ts). */
  oneADay?: boolean;
};

export type StoredActor = {
  code: string;
  country: string | null;
  sector: string | null;
  text: string;
  name: string | null;
  entry: string;
  dictionary: string;
  span: { start: number; end: number };
};

/** An event as queries return it: every field of the JSON Lines contract, with its article and its story. */
export type StoredEvent = {
  id: number;
  articleId: number;
  docId: string;
  clusterId: number;
  date: string;
  sentence: { index: number; start: number; end: number };
  source: StoredActor | null;
  target: StoredActor | null;
  cameoCode: string;
  cameoRoot: string;
  cameoName: string;
  plover: { type: string; mode: string | null; context: string | null } | null;
  goldstein: number | null;
  quadClass: number;
  modality: string;
  /** The place's name; its country (ISO3), region, coordinates and kind where the gazetteer knew them. */
  place: string | null;
  placeDetail: { country: string | null; region: string | null; lat: number | null; lon: number | null; kind: string | null } | null;
  verb: { start: number; end: number };
  evidence: { start: number; end: number; text: string };
  ruleId: string;
  dictionary: string;
  article: {
    url: string | null;
    title: string | null;
    source: string | null;
    publisher: string | null;
    date: string;
    ingestedAt: string;
    leadSentence: number | null;
    language: string | null;
  };
  /** Articles of the story (cluster) that report the same source, target and code, and their distinct publishers. */
  numArticles: number;
  numSources: number;
  /** With oneADay: the events merged into this one, itself first. */
  merged?: MergedEvent[];
};

const prefixClause = (column: string, n: number) => Array.from({ length: n }, () => `substr(${column}, 1, length(?)) = ?`);

/** The SQL and parameters of an event query with these filters, ordered by date and id. */
export const eventsQuery = (f: EventFilters = {}): { sql: string; params: unknown[] } => {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from) where.push('e.date >= ?'), params.push(f.from);
  if (f.to) where.push('e.date <= ?'), params.push(f.to);
  if (f.actor?.length) {
    const ors = [...prefixClause('e.source_code', f.actor.length), ...prefixClause('e.target_code', f.actor.length)];
    where.push(`(${ors.join(' OR ')})`);
    for (let i = 0; i < 2; i++) for (const a of f.actor) params.push(a.toUpperCase(), a.toUpperCase());
  }
  if (f.code?.length) {
    const cameo = f.code.filter((c) => /^\d+$/.test(c));
    const plover = f.code.filter((c) => !/^\d+$/.test(c)).map((c) => c.toUpperCase());
    const ors = prefixClause('e.cameo_code', cameo.length);
    for (const c of cameo) params.push(c, c);
    if (plover.length) {
      ors.push(`e.plover_type IN (${plover.map(() => '?').join(', ')})`);
      params.push(...plover);
    }
    where.push(`(${ors.join(' OR ')})`);
  }
  if (f.modality?.length) {
    where.push(`e.modality IN (${f.modality.map(() => '?').join(', ')})`);
    params.push(...f.modality);
  }
  // a story's report of an event: its cluster, source, target and code
  const key = (t: string) => `${t}.cluster_id, coalesce(${t}.source_code, ''), coalesce(${t}.target_code, ''), ${t}.cameo_code`;
  let sql = `
WITH picked AS (
  SELECT e.* FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
),
reports AS (
  SELECT r.cluster_id AS k1, coalesce(r.source_code, '') AS k2, coalesce(r.target_code, '') AS k3, r.cameo_code AS k4,
         count(DISTINCT r.article_id) AS num_articles,
         count(DISTINCT coalesce(a.publisher, 'article:' || a.id)) AS num_sources
    FROM events r JOIN articles a ON a.id = r.article_id
   WHERE r.cluster_id IN (SELECT cluster_id FROM picked)
   GROUP BY ${key('r')}
),
ranked AS (
  SELECT p.*, row_number() OVER (PARTITION BY ${key('p')} ORDER BY p.date, p.id) AS story_rank
    FROM picked p
)
SELECT ranked.*, rp.num_articles, rp.num_sources,
       a.url, a.title, a.source AS article_source, a.publisher, a.date AS article_date, a.ingested_at,
       a.lead_sentence, a.language
  FROM ranked
  JOIN articles a ON a.id = ranked.article_id
  JOIN reports rp ON rp.k1 = ranked.cluster_id AND rp.k2 = coalesce(ranked.source_code, '')
                 AND rp.k3 = coalesce(ranked.target_code, '') AND rp.k4 = ranked.cameo_code
 ${f.dedup ? 'WHERE ranked.story_rank = 1' : ''}`;
  if (f.oneADay) sql = oneADaySql(sql);
  return { sql: `SELECT * FROM (${sql}) ORDER BY date, id`, params };
};

type Row = Record<string, unknown>;

const actorOf = (r: Row, side: 'source' | 'target'): StoredActor | null =>
  r[`${side}_code`] == null
    ? null
    : {
        code: r[`${side}_code`] as string,
        country: (r[`${side}_country`] as string | null) ?? null,
        sector: (r[`${side}_sector`] as string | null) ?? null,
        text: r[`${side}_text`] as string,
        name: (r[`${side}_name`] as string | null) ?? null,
        entry: r[`${side}_entry`] as string,
        dictionary: r[`${side}_dictionary`] as string,
        span: { start: r[`${side}_start`] as number, end: r[`${side}_end`] as number },
      };

/** A row of `eventsQuery` as a StoredEvent. */
export const storedEvent = (r: Row): StoredEvent => ({
  id: r.id as number,
  articleId: r.article_id as number,
  docId: r.doc_id as string,
  clusterId: r.cluster_id as number,
  date: r.date as string,
  sentence: { index: r.sentence_index as number, start: r.sentence_start as number, end: r.sentence_end as number },
  source: actorOf(r, 'source'),
  target: actorOf(r, 'target'),
  cameoCode: r.cameo_code as string,
  cameoRoot: r.cameo_root as string,
  cameoName: r.cameo_name as string,
  plover: r.plover_type == null ? null : { type: r.plover_type as string, mode: (r.plover_mode as string) ?? null, context: (r.plover_context as string) ?? null },
  goldstein: (r.goldstein as number | null) ?? null,
  quadClass: r.quad_class as number,
  modality: r.modality as string,
  place: (r.place as string | null) ?? null,
  placeDetail:
    r.place == null
      ? null
      : {
          country: (r.place_country as string | null) ?? null,
          region: (r.place_region as string | null) ?? null,
          lat: (r.place_lat as number | null) ?? null,
          lon: (r.place_lon as number | null) ?? null,
          kind: (r.place_kind as string | null) ?? null,
        },
  verb: { start: r.verb_start as number, end: r.verb_end as number },
  evidence: { start: r.evidence_start as number, end: r.evidence_end as number, text: r.evidence_text as string },
  ruleId: r.rule_id as string,
  dictionary: r.dictionary as string,
  article: {
    url: (r.url as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    source: (r.article_source as string | null) ?? null,
    publisher: (r.publisher as string | null) ?? null,
    date: r.article_date as string,
    ingestedAt: r.ingested_at as string,
    leadSentence: (r.lead_sentence as number | null) ?? null,
    language: (r.language as string | null) ?? null,
  },
  numArticles: r.num_articles as number,
  numSources: r.num_sources as number,
  ...(r.day_merged !== undefined ? { merged: parseMerged(r.day_merged as string) } : {}),
});

/** Events that pass the filters, in date order, read from the store one at a time. */
export function* selectEvents(store: Store, filters: EventFilters = {}): Generator<StoredEvent> {
  const { sql, params } = eventsQuery(filters);
  let it: IterableIterator<unknown>;
  try {
    it = store.db.prepare(sql).iterate(...params);
  } catch (e) {
    throw storeError(e, store.path);
  }
  for (;;) {
    let next: IteratorResult<unknown>;
    try {
      next = it.next();
    } catch (e) {
      throw storeError(e, store.path);
    }
    if (next.done) return;
    yield storedEvent(next.value as Row);
  }
}

export type StoreCounts = { articles: number; skipped: number; events: number; clusters: number; syndicated: number; actors: number };

export const storeCounts = (store: Store): StoreCounts => {
  const one = (sql: string) => store.db.prepare(sql).pluck().get() as number;
  try {
    return {
      articles: one('SELECT count(*) FROM articles'),
      skipped: one('SELECT count(*) FROM articles WHERE skipped IS NOT NULL'),
      events: one('SELECT count(*) FROM events'),
      clusters: one('SELECT count(*) FROM clusters'),
      syndicated: one('SELECT count(*) FROM articles WHERE similarity IS NOT NULL'),
      actors: one('SELECT count(*) FROM actors'),
    };
  } catch (e) {
    throw storeError(e, store.path);
  }
};
