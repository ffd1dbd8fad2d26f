import type { StoredActor, StoredEvent } from '../queries.js';
import { actorName, actorParts, countryCow, countryName, ploverIntensity, ploverQuad, sectorLabel, type Cell } from './fields.js';
import type { DelimitedLayout } from './layout.js';
import { placeParts } from './place-cells.js';

/**
 * POLECAT (PLOVER-coded weekly files): 40 tab-separated columns under a header row. Events without a PLOVER
 * type are left out. There is no URL or text column: provenance is the publisher and publication date.
 */
export const POLECAT_COLUMNS = [
  'Event ID', 'Event Date', 'Event Type', 'Event Mode', 'Intensity', 'Quad Code', 'Contexts',
  'Actor Name', 'Actor Country', 'Actor COW', 'Primary Actor Sector', 'Actor Sectors', 'Actor Title', 'Actor Name Raw', 'Wikipedia Actor ID',
  'Recipient Name', 'Recipient Country', 'Recipient COW', 'Primary Recipient Sector', 'Recipient Sectors', 'Recipient Title', 'Recipient Name Raw', 'Wikipedia Recipient ID',
  'Placename', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude', 'GeoNames ID', 'Raw Placename', 'Feature Type',
  'Source', 'Publication Date', 'Story People', 'Story Organizations', 'Story Locations', 'Language', 'Version',
] as const;

const side = (a: StoredActor | null): Cell[] => {
  if (!a) return ['', '', '', '', '', '', '', ''];
  const p = actorParts(a);
  const sectors = p.sectors.map(sectorLabel);
  return [actorName(a), countryName(p.country) || p.entity, countryCow(p.country), sectors[0] ?? '', sectors.join(';'), '', a.text, ''];
};

export const polecatRow = (e: StoredEvent): Cell[] | null => {
  if (!e.plover) return null;
  return [
    e.id, e.date, e.plover.type, e.plover.mode ?? '', ploverIntensity(e), ploverQuad(e), e.plover.context ?? '',
    ...side(e.source),
    ...side(e.target),
    // Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type
    ...((p) => [p.name, p.city, '', p.region, p.countryName, p.lat, p.lon, '', p.name, p.name ? e.placeDetail?.kind ?? '' : ''])(placeParts(e)),
    e.article.publisher ?? '', e.article.date, '', '', '', e.article.language === 'eng' || !e.article.language ? 'en' : e.article.language, e.dictionary,
  ];
};

export const polecat: DelimitedLayout = {
  name: 'polecat',
  description: 'POLECAT: 40 tab-separated columns with a header row (PLOVER-coded events only)',
  extension: 'txt',
  delimiter: '\t',
  columns: POLECAT_COLUMNS,
  header: true,
  row: polecatRow,
};
