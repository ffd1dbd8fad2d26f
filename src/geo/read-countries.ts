import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

// world-countries ships its data as JSON (ODbL-1.0); read it as such.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;

/** world-countries codes that dyad spells otherwise (Kosovo has no ISO code; dyad and CAMEO use XKX). */
export const DYAD_CODE: Readonly<Record<string, string>> = { UNK: 'XKX' };

export type CountryRecord = { iso2: string; iso3: string; name: string; names: string[]; lat: number; lon: number };

// Two- and three-letter altSpellings are ISO codes that collide with words ("IN", "AT"); names with a comma are
// index forms ("Korea, Republic of"); names in other scripts never meet English text; and these are English
// words or adjectives, not names of the country.
const NOT_NAMES: ReadonlySet<string> = new Set(['Island', 'Mann', 'Thai', 'Togolese', 'Prathet', 'Mexicanos', 'Portuguesa', 'the Abode of Peace']);
const usable = (s: string): boolean =>
  s.length > 3 && !s.includes(',') && !NOT_NAMES.has(s) && /^[\x20-\x7e]+$/.test(s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));

/** Every country and territory in world-countries: codes, English names and centroid. */
export const readCountries = (): CountryRecord[] =>
  countries.map((c) => ({
    iso2: c.cca2,
    iso3: DYAD_CODE[c.cca3] ?? c.cca3,
    name: c.name.common,
    names: [...new Set([c.name.common, c.name.official, ...c.altSpellings].filter(usable))],
    lat: c.latlng[0],
    lon: c.latlng[1],
  }));
