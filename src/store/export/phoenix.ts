import type { StoredActor, StoredEvent } from '../queries.js';
import { actorParts, decimal, compactDate, eventCode3, PHOENIX_ROLES, sentenceNumber, type Cell } from './fields.js';
import type { DelimitedLayout } from './layout.js';
import { placeParts } from './place-cells.js';

/**
 * Phoenix (OEDA real-time Phoenix): 26 tab-separated columns, no header. With --one-a-day the merged events'
 * sentence ids, URLs and sources are joined with ";", as phoenix_pipeline's post-processing does.
 */
export const PHOENIX_COLUMNS = [
  'EventID', 'Date', 'Year', 'Month', 'Day',
  'SourceActorFull', 'SourceActorEntity', 'SourceActorRole', 'SourceActorAttribute',
  'TargetActorFull', 'TargetActorEntity', 'TargetActorRole', 'TargetActorAttribute',
  'EventCode', 'EventRootCode', 'QuadClass', 'GoldsteinScore', 'Issues', 'Lat', 'Lon',
  'LocationName', 'StateName', 'CountryCode', 'SentenceID', 'URLs', 'NewsSources',
] as const;

/** Phoenix's "pentaclass": 01–02 → 0, 03–05 → 1, 06–08 → 2, 09–13 and 16 → 3, 14, 15 and 17–20 → 4. */
export const pentaClass = (root: string): number => {
  const r = Number(root);
  if (r <= 2) return 0;
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13 || r === 16) return 3;
  return 4;
};

/** Full code, entity, primary role and the other 3-letter codes joined with ";". */
const actorCells = (a: StoredActor | null): Cell[] => {
  if (!a) return ['', '', '', ''];
  const p = actorParts(a);
  const role = p.rest.find((c) => PHOENIX_ROLES.has(c)) ?? '';
  return [a.code, p.entity, role, p.rest.filter((c) => c !== role).join(';')];
};

const uniq = (xs: (string | null)[]): string => [...new Set(xs.filter((x): x is string => Boolean(x)))].join(';');

export const phoenixRow = (e: StoredEvent): Cell[] => {
  const [y, m, d] = e.date.split('-').map(Number);
  const merged = e.merged?.length ? e.merged : [{ id: e.id, docId: e.docId, sentence: e.sentence.index, url: e.article.url, publisher: e.article.publisher }];
  return [
    `${e.id}_${e.dictionary}`, compactDate(e.date), y, m, d,
    ...actorCells(e.source),
    ...actorCells(e.target),
    eventCode3(e.cameoCode), e.cameoRoot, pentaClass(e.cameoRoot), decimal(e.goldstein), '',
    ...((p) => [p.lat, p.lon, p.name, p.region, p.country])(placeParts(e)),
    uniq(merged.map((x) => `${x.docId}_${x.sentence + 1}`)) || `${e.docId}_${sentenceNumber(e)}`,
    uniq(merged.map((x) => x.url)),
    uniq(merged.map((x) => x.publisher)),
  ];
};

export const phoenix: DelimitedLayout = {
  name: 'phoenix',
  description: 'Phoenix: 26 tab-separated columns, no header',
  extension: 'tsv',
  delimiter: '\t',
  columns: PHOENIX_COLUMNS,
  header: false,
  row: phoenixRow,
};
