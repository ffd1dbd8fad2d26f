import type { StoredActor, StoredEvent } from '../queries.js';
import { actorParts, compactDate, compactTimestamp, decimal, displayName, eventCode3, type Cell } from './fields.js';
import type { DelimitedLayout } from './layout.js';
import { placeParts } from './place-cells.js';

/**
 * GDELT 2.0 Event table ("export" files): 61 tab-separated columns, no header row. Columns dyad has no data
 * for (ethnic and religion codes, tone, coordinates) are empty; a Geo_Type with no geography is 0, as GDELT
 * writes it.
 */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

/**
 * YYYY.FFFF with FFFF = ((month - 1) * 30 + day) / 365: GDELT's files compute it with the month counted from
 * 0 (2007-07-04 is 2007.5041, 2017-06-01 is 2017.4137 in its sample rows).
 */
export const fractionDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return (y + ((m - 1) * 30 + d) / 365).toFixed(4);
};

const actorCells = (a: StoredActor | null): Cell[] => {
  if (!a) return Array(10).fill('');
  const p = actorParts(a);
  return [a.code, displayName(a).toUpperCase(), p.country, p.knownGroup, '', '', '', p.sectors[0], p.sectors[1], p.sectors[2]];
};

const noGeo: Cell[] = [0, '', '', '', '', '', '', ''];

export const gdeltRow = (e: StoredEvent): Cell[] => {
  const code = eventCode3(e.cameoCode);
  const isRoot = e.article.leadSentence != null && e.sentence.index === e.article.leadSentence ? 1 : 0;
  return [
    e.id, compactDate(e.date), compactDate(e.date).slice(0, 6), e.date.slice(0, 4), fractionDate(e.date),
    ...actorCells(e.source),
    ...actorCells(e.target),
    isRoot, code, code.slice(0, 3), e.cameoRoot, e.quadClass, decimal(e.goldstein), e.numArticles, e.numSources, e.numArticles, '',
    ...noGeo,
    ...noGeo,
    // ActionGeo: GDELT's country codes are FIPS 10-4, which dyad does not carry, so they stay empty
    ...((p) => [p.gdeltType, p.fullName, '', '', '', p.lat, p.lon, ''])(placeParts(e)),
    compactTimestamp(e.article.ingestedAt), e.article.url ?? e.article.title ?? e.docId,
  ];
};

export const gdelt: DelimitedLayout = {
  name: 'gdelt',
  description: 'GDELT 2.0 Event table: 61 tab-separated columns, no header',
  extension: 'export.CSV',
  delimiter: '\t',
  columns: GDELT_COLUMNS,
  header: false,
  row: gdeltRow,
};
