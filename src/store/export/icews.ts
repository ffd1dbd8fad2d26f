import type { StoredActor, StoredEvent } from '../queries.js';
import { actorName, actorParts, countryName, eventLabel, sectorLabel, sentenceNumber, type Cell } from './fields.js';
import type { DelimitedLayout } from './layout.js';
import { placeParts } from './place-cells.js';

/**
 * ICEWS coded event data (Dataverse .tab files): 20 tab-separated columns under a header row. Countries are
 * names, not codes; sectors are CAMEO labels joined by commas. Event ID with Event Date is unique.
 */
export const ICEWS_COLUMNS = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher',
  'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude',
] as const;

const side = (a: StoredActor | null): Cell[] => {
  if (!a) return ['', '', ''];
  const p = actorParts(a);
  return [actorName(a), p.sectors.map(sectorLabel).join(','), countryName(p.country)];
};

export const icewsRow = (e: StoredEvent): Cell[] => {
  const [sName, sSectors, sCountry] = side(e.source);
  const [tName, tSectors, tCountry] = side(e.target);
  return [
    e.id, e.date, sName, sSectors, sCountry, eventLabel(e), e.cameoCode, e.goldstein,
    tName, tSectors, tCountry, e.articleId, sentenceNumber(e), e.article.publisher ?? '',
    ...((p) => [p.city, '', p.region, p.countryName, p.lat, p.lon])(placeParts(e)),
  ];
};

export const icews: DelimitedLayout = {
  name: 'icews',
  description: 'ICEWS coded event data: 20 tab-separated columns with a header row',
  extension: 'tab',
  delimiter: '\t',
  columns: ICEWS_COLUMNS,
  header: true,
  row: icewsRow,
};
