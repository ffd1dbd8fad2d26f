import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parquetReadObjects } from 'hyparquet';
import { CSV_COLUMNS } from '../../cli/format-events.js';
import type { StoredEvent } from '../queries.js';
import {
  CSV_EXPORT_COLUMNS, csvRow, formatLine, fractionDate, GDELT_COLUMNS, gdeltRow, ICEWS_COLUMNS, icewsRow, LAYOUTS, parquetBytes, pentaClass,
  PHOENIX_COLUMNS, phoenixRow, ploverRecord, POLECAT_COLUMNS, polecatRow, writeEvents,
} from './index.js';

/** Latvia's government (the foreign minister) consults Poland's, as a query returns it. */
const consult = (over: Partial<StoredEvent> = {}): StoredEvent => ({
  id: 17,
  articleId: 5,
  docId: 'wire-7',
  clusterId: 3,
  date: '2022-03-04',
  sentence: { index: 1, start: 30, end: 120 },
  source: { code: 'LVAGOV', country: 'LVA', sector: 'GOV', text: 'Latvian Foreign Minister Ilze Ozola', name: 'Ilze Ozola', entry: 'person:lva-ozola', dictionary: 'people.v1', span: { start: 30, end: 65 } },
  target: { code: 'POLGOV', country: 'POL', sector: 'GOV', text: 'Polish officials', name: 'POL', entry: 'role:officials', dictionary: 'roles.v1', span: { start: 70, end: 86 } },
  cameoCode: '040',
  cameoRoot: '04',
  cameoName: 'Consult, not specified below',
  plover: { type: 'CONSULT', mode: 'visit', context: 'diplomatic' },
  goldstein: 1,
  quadClass: 1,
  modality: 'asserted',
  place: 'Warsaw',
  placeDetail: { country: 'POL', region: 'Mazovia', lat: 52.23, lon: 21.01, kind: 'city' },
  verb: { start: 66, end: 69 },
  evidence: { start: 30, end: 86, text: 'Latvian Foreign Minister Ilze Ozola met\tPolish officials' },
  ruleId: '04.meet',
  dictionary: 'cameo-verbs.v1#abc',
  article: { url: 'https://wire.example/7', title: 'Talks', source: 'Example Wire', publisher: 'Example Wire', date: '2022-03-04', ingestedAt: '2026-01-02T03:04:05.678Z', leadSentence: 1, language: 'eng' },
  numArticles: 4,
  numSources: 3,
  ...over,
});

/** The row as {column: cell}, so each column is checked by its name. */
const byName = (columns: readonly string[], cells: unknown[] | null) => {
  assert.ok(cells);
  assert.equal(cells.length, columns.length, 'one cell per column');
  return Object.fromEntries(columns.map((c, i) => [c, cells[i] == null ? '' : String(cells[i])]));
};

test('GDELT 2.0: 61 columns in the codebook order, no header, tab-separated, codes with leading zeros', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual([GDELT_COLUMNS[0], GDELT_COLUMNS[5], GDELT_COLUMNS[15], GDELT_COLUMNS[26], GDELT_COLUMNS[30], GDELT_COLUMNS[35], GDELT_COLUMNS[51], GDELT_COLUMNS[59], GDELT_COLUMNS[60]], [
    'GLOBALEVENTID', 'Actor1Code', 'Actor2Code', 'EventCode', 'GoldsteinScale', 'Actor1Geo_Type', 'ActionGeo_Type', 'DATEADDED', 'SOURCEURL',
  ]);
  const r = byName(GDELT_COLUMNS, gdeltRow(consult()));
  assert.deepEqual(r, {
    GLOBALEVENTID: '17', SQLDATE: '20220304', MonthYear: '202203', Year: '2022', FractionDate: '2022.1753',
    Actor1Code: 'LVAGOV', Actor1Name: 'ILZE OZOLA', Actor1CountryCode: 'LVA', Actor1KnownGroupCode: '', Actor1EthnicCode: '', Actor1Religion1Code: '', Actor1Religion2Code: '',
    Actor1Type1Code: 'GOV', Actor1Type2Code: '', Actor1Type3Code: '',
    Actor2Code: 'POLGOV', Actor2Name: 'POLAND', Actor2CountryCode: 'POL', Actor2KnownGroupCode: '', Actor2EthnicCode: '', Actor2Religion1Code: '', Actor2Religion2Code: '',
    Actor2Type1Code: 'GOV', Actor2Type2Code: '', Actor2Type3Code: '',
    IsRootEvent: '1', EventCode: '040', EventBaseCode: '040', EventRootCode: '04', QuadClass: '1', GoldsteinScale: '1.0',
    NumMentions: '4', NumSources: '3', NumArticles: '4', AvgTone: '',
    Actor1Geo_Type: '0', Actor1Geo_FullName: '', Actor1Geo_CountryCode: '', Actor1Geo_ADM1Code: '', Actor1Geo_ADM2Code: '', Actor1Geo_Lat: '', Actor1Geo_Long: '', Actor1Geo_FeatureID: '',
    Actor2Geo_Type: '0', Actor2Geo_FullName: '', Actor2Geo_CountryCode: '', Actor2Geo_ADM1Code: '', Actor2Geo_ADM2Code: '', Actor2Geo_Lat: '', Actor2Geo_Long: '', Actor2Geo_FeatureID: '',
    ActionGeo_Type: '4', ActionGeo_FullName: 'Warsaw, Mazovia, Poland', ActionGeo_CountryCode: '', ActionGeo_ADM1Code: '', ActionGeo_ADM2Code: '', ActionGeo_Lat: '52.23', ActionGeo_Long: '21.01', ActionGeo_FeatureID: '',
    DATEADDED: '20260102030405', SOURCEURL: 'https://wire.example/7',
  });
  // a sub-code keeps its base and root; an IGO's known group comes from its code; no source is ten empty cells
  const sub = byName(GDELT_COLUMNS, gdeltRow(consult({
    cameoCode: '0311', cameoRoot: '03', goldstein: -2.5, source: null,
    target: { code: 'IGOUNO', country: null, sector: null, text: 'the United Nations', name: 'United Nations', entry: 'org:un', dictionary: 'orgs', span: { start: 0, end: 1 } },
    sentence: { index: 3, start: 0, end: 1 },
  })));
  assert.deepEqual([sub.EventCode, sub.EventBaseCode, sub.EventRootCode, sub.GoldsteinScale, sub.IsRootEvent], ['0311', '031', '03', '-2.5', '0']);
  assert.deepEqual([sub.Actor1Code, sub.Actor1Name, sub.Actor1Type1Code], ['', '', '']);
  assert.deepEqual([sub.Actor2Code, sub.Actor2Name, sub.Actor2CountryCode, sub.Actor2KnownGroupCode], ['IGOUNO', 'UNITED NATIONS', '', 'UNO']);
  // GDELT's FractionDate counts months from 0, as its own files do
  assert.equal(fractionDate('2007-07-04'), '2007.5041');
  assert.equal(fractionDate('2017-06-01'), '2017.4137');
});

test('ICEWS: the 20-column header exactly, country names not codes, sector labels, 1-based sentence numbers', () => {
  assert.equal(
    ICEWS_COLUMNS.join('\t'),
    'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude',
  );
  const r = byName(ICEWS_COLUMNS, icewsRow(consult()));
  assert.deepEqual(r, {
    'Event ID': '17', 'Event Date': '2022-03-04', 'Source Name': 'Ilze Ozola', 'Source Sectors': 'Government', 'Source Country': 'Latvia',
    'Event Text': 'Consult, not specified below', 'CAMEO Code': '040', Intensity: '1',
    'Target Name': 'Government (Poland)', 'Target Sectors': 'Government', 'Target Country': 'Poland',
    'Story ID': '5', 'Sentence Number': '2', Publisher: 'Example Wire', City: 'Warsaw', District: '', Province: 'Mazovia', Country: 'Poland', Latitude: '52.23', Longitude: '21.01',
  });
  assert.equal(LAYOUTS.icews.header, true);
});

test('Phoenix: 26 columns, no header, YYYYMMDD and split date, actor parts, pentaclass, merged ids joined with ";"', () => {
  assert.equal(PHOENIX_COLUMNS.length, 26);
  const r = byName(PHOENIX_COLUMNS, phoenixRow(consult({
    merged: [
      { id: 17, docId: 'wire-7', sentence: 1, url: 'https://wire.example/7', publisher: 'Example Wire' },
      { id: 21, docId: 'other-2', sentence: 0, url: 'https://other.example/2', publisher: 'Other' },
      { id: 25, docId: 'wire-7', sentence: 1, url: 'https://wire.example/7', publisher: 'Example Wire' },
    ],
  })));
  assert.deepEqual(r, {
    EventID: '17_cameo-verbs.v1#abc', Date: '20220304', Year: '2022', Month: '3', Day: '4',
    SourceActorFull: 'LVAGOV', SourceActorEntity: 'LVA', SourceActorRole: 'GOV', SourceActorAttribute: '',
    TargetActorFull: 'POLGOV', TargetActorEntity: 'POL', TargetActorRole: 'GOV', TargetActorAttribute: '',
    EventCode: '040', EventRootCode: '04', QuadClass: '1', GoldsteinScore: '1.0', Issues: '', Lat: '52.23', Lon: '21.01',
    LocationName: 'Warsaw', StateName: 'Mazovia', CountryCode: 'POL',
    SentenceID: 'wire-7_2;other-2_1', URLs: 'https://wire.example/7;https://other.example/2', NewsSources: 'Example Wire;Other',
  });
  const img = byName(PHOENIX_COLUMNS, phoenixRow(consult({ source: { ...consult().source!, code: 'IMGMUSISI', country: null, sector: null } })));
  assert.deepEqual([img.SourceActorEntity, img.SourceActorRole, img.SourceActorAttribute], ['IMG', '', 'MUS;ISI']);
  const quads = ['01', '02', '03', '05', '06', '08', '09', '13', '14', '15', '16', '17', '20'].map(pentaClass);
  assert.deepEqual(quads, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 3, 4, 4]);
});

test('POLECAT: the 40-column header exactly, PLOVER type, mode, intensity and quad; events without a PLOVER type are left out', () => {
  assert.equal(POLECAT_COLUMNS.length, 40);
  assert.equal(
    POLECAT_COLUMNS.join(', '),
    'Event ID, Event Date, Event Type, Event Mode, Intensity, Quad Code, Contexts, Actor Name, Actor Country, Actor COW, Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID, ' +
      'Recipient Name, Recipient Country, Recipient COW, Primary Recipient Sector, Recipient Sectors, Recipient Title, Recipient Name Raw, Wikipedia Recipient ID, ' +
      'Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, ' +
      'Source, Publication Date, Story People, Story Organizations, Story Locations, Language, Version',
  );
  const r = byName(POLECAT_COLUMNS, polecatRow(consult()));
  assert.deepEqual(r, {
    'Event ID': '17', 'Event Date': '2022-03-04', 'Event Type': 'CONSULT', 'Event Mode': 'visit', Intensity: '4', 'Quad Code': 'VERBAL COOPERATION', Contexts: 'diplomatic',
    'Actor Name': 'Ilze Ozola', 'Actor Country': 'Latvia', 'Actor COW': '367', 'Primary Actor Sector': 'Government', 'Actor Sectors': 'Government', 'Actor Title': '',
    'Actor Name Raw': 'Latvian Foreign Minister Ilze Ozola', 'Wikipedia Actor ID': '',
    'Recipient Name': 'Government (Poland)', 'Recipient Country': 'Poland', 'Recipient COW': '290', 'Primary Recipient Sector': 'Government', 'Recipient Sectors': 'Government',
    'Recipient Title': '', 'Recipient Name Raw': 'Polish officials', 'Wikipedia Recipient ID': '',
    Placename: 'Warsaw', City: 'Warsaw', District: '', Province: 'Mazovia', Country: 'Poland', Latitude: '52.23', Longitude: '21.01', 'GeoNames ID': '', 'Raw Placename': 'Warsaw', 'Feature Type': 'city',
    Source: 'Example Wire', 'Publication Date': '2022-03-04', 'Story People': '', 'Story Organizations': '', 'Story Locations': '', Language: 'en', Version: 'cameo-verbs.v1#abc',
  });
  assert.equal(polecatRow(consult({ plover: null })), null);
});

test("CSV: the columns of `dyad code --format csv` first, in order, then the store's; RFC 4180 quoting", () => {
  assert.deepEqual(CSV_EXPORT_COLUMNS.slice(0, CSV_COLUMNS.length), [...CSV_COLUMNS]);
  const r = byName(CSV_EXPORT_COLUMNS, csvRow(consult()));
  assert.deepEqual(
    [r.docId, r.source, r.source_country, r.target, r.cameo, r.cameo_root, r.goldstein, r.evidence, r.event_id, r.cluster_id, r.num_articles, r.num_sources, r.url],
    ['wire-7', 'LVAGOV', 'LVA', 'POLGOV', '040', '04', '1', 'Latvian Foreign Minister Ilze Ozola met Polish officials', '17', '3', '4', '3', 'https://wire.example/7'],
  );
  const line = formatLine(LAYOUTS.csv, csvRow(consult({ cameoName: 'Threaten, with "force"' })));
  assert.match(line, /,"Threaten, with ""force""",/);
});

test('delimited writers: header rows only where the layout has one, tabs inside text become spaces, one line per event', () => {
  const out = (format: 'gdelt' | 'icews' | 'phoenix' | 'polecat' | 'csv') => {
    let s = '';
    const r = writeEvents([consult(), consult({ id: 18, plover: null })], format, (c) => (s += c as string));
    return { lines: s.trimEnd().split('\n'), r };
  };
  for (const f of ['gdelt', 'phoenix'] as const) {
    const { lines } = out(f);
    assert.equal(lines.length, 2, f);
    assert.equal(lines[0].split('\t').length, LAYOUTS[f].columns.length, f);
    assert.match(lines[0], /^17[\t_]/);
  }
  const icews = out('icews').lines;
  assert.equal(icews[0], ICEWS_COLUMNS.join('\t'));
  assert.equal(icews.length, 3);
  const polecat = out('polecat');
  assert.deepEqual([polecat.lines.length, polecat.r.rows, polecat.r.left], [2, 1, 1]);
  const csv = out('csv').lines;
  assert.ok(csv[0].startsWith('docId,date,source,'));
  assert.ok(!csv[1].includes('\t'));
});

test('PLOVER JSON: required id, date, actor, event; recipient, mode, context, text offsets and citation', () => {
  const rec = ploverRecord(consult());
  assert.ok(rec);
  assert.deepEqual(
    { ...rec, coded_date: undefined, coded_time: undefined },
    {
      id: '17',
      date: '2022-03-04',
      actor: [{ code: 'LVA', sector: 'GOV', entity_text: 'Latvian Foreign Minister Ilze Ozola', identifier_text: 'Ilze Ozola', country_name: 'Latvia', other_sector_codes: [] }],
      recipient: [{ code: 'POL', sector: 'GOV', entity_text: 'Polish officials', identifier_text: 'Government (Poland)', country_name: 'Poland', other_sector_codes: [] }],
      event: ['CONSULT'],
      event_text: ['Latvian Foreign Minister Ilze Ozola met\tPolish officials'],
      quad_code: 1,
      event_scale: 4,
      mode: ['visit'],
      context: ['diplomatic'],
      event_loc: { extracted_place: 'Warsaw', country: 'POL', region: 'Mazovia', lat: 52.23, lon: 21.01 },
      link: 'story-3',
      text_info: { sequence: 2, start: 30, end: 86 },
      cite_info: { corpus: 'dyad', citation: 'wire-7', url: 'https://wire.example/7', title: 'Talks', language: 'en', publication: 'Example Wire', coder: 'dyad', codebook: 'cameo-verbs.v1#abc' },
      coder: 'dyad',
      coded_date: undefined,
      coded_time: undefined,
    },
  );
  assert.equal(rec.coded_date, '2026-01-02');
  assert.equal(ploverRecord(consult({ plover: null })), null);
});

test('Parquet: read back, every row and typed column, codes kept as strings with their zeros', async () => {
  const { bytes, rows } = parquetBytes([consult(), consult({ id: 18, source: null, goldstein: null, cameoCode: '0311', cameoRoot: '03' })]);
  assert.equal(rows, 2);
  assert.equal(new TextDecoder().decode(bytes.subarray(0, 4)), 'PAR1');
  const back = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
  assert.equal(back.length, 2);
  assert.equal(back[0].event_id, 17n);
  assert.equal(back[0].cameo, '040');
  assert.equal(back[0].source, 'LVAGOV');
  assert.equal(back[0].goldstein, 1);
  assert.equal(back[0].quad_class, 1);
  assert.equal(back[0].num_sources, 3);
  assert.equal(back[1].cameo, '0311');
  assert.equal(back[1].source, null);
  assert.equal(back[1].goldstein, null);
});
