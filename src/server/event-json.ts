import type { StoredActor, StoredEvent } from '../store/index.js';

const actorJson = (a: StoredActor | null) =>
  a ? { code: a.code, country: a.country, sector: a.sector, text: a.text, name: a.name, entry: a.entry, dictionary: a.dictionary } : null;

/**
 * A stored event as the API gives it: the fields and layout of `eventRecord` (the JSON Lines contract of
 * `dyad code`), so a client reads coded and stored events alike, plus the event's id, its article and its
 * story's counts. Every span is an offset into the article's text (GET /api/articles/{id}).
 */
export const storedEventJson = (e: StoredEvent) => ({
  id: e.id,
  articleId: e.articleId,
  docId: e.docId,
  date: e.date,
  source: actorJson(e.source),
  target: actorJson(e.target),
  cameo: { code: e.cameoCode, root: e.cameoRoot, name: e.cameoName },
  plover: e.plover,
  goldstein: e.goldstein,
  quadClass: e.quadClass,
  modality: e.modality,
  place: e.place == null ? null : { name: e.place, ...(e.placeDetail ?? { country: null, region: null, lat: null, lon: null, kind: null }) },
  evidence: e.evidence,
  spans: { source: e.source?.span ?? null, verb: e.verb, target: e.target?.span ?? null },
  sentence: e.sentence,
  ruleId: e.ruleId,
  dictionary: e.dictionary,
  article: { title: e.article.title, url: e.article.url, source: e.article.source, publisher: e.article.publisher, date: e.article.date },
  numArticles: e.numArticles,
  numSources: e.numSources,
});

export type EventJson = ReturnType<typeof storedEventJson>;
