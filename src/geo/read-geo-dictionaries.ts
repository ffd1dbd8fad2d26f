import { join } from 'node:path';
import { DICTIONARY_DIR } from '../paths.js';
import { DictionaryError, lineOf, readYaml } from '../actors/read-yaml.js';
import type { PlaceKind } from './types.js';

export const GEO_DICTIONARY_DIR = join(DICTIONARY_DIR, 'geo');

/** A region of dictionaries/geo/regions.yml, with its group's country and words filled in. */
export type RegionRecord = {
  name: string;
  country: string;
  admin1?: string;
  lat: number;
  lon: number;
  /** Names that take the suffixes and prefixes: the name and its other spellings. */
  bases: string[];
  suffixes: string[];
  prefixes: string[];
  /** Whole names taken as they are. */
  phrases: string[];
  /** true or false when the file says; otherwise the loader decides (see regions.yml). */
  bare?: boolean;
};

export type AliasRecord = { name: string; names: string[]; country: string; lat: number; lon: number; kind: PlaceKind };

type Raw = Record<string, unknown>;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);

const check = (file: string, text: string, cond: unknown, where: string, reason: string): void => {
  if (!cond) throw new DictionaryError(file, lineOf(text, where), reason);
};

const checkPlace = (file: string, text: string, r: Raw, where: string): void => {
  check(file, text, typeof r.name === 'string' && r.name.trim(), where, 'a place needs a name');
  check(file, text, /^[A-Z]{3}$/.test(String(r.country)), where, `"${r.name}" needs a 3-letter country code, got "${r.country}"`);
  const lat = Number(r.lat);
  const lon = Number(r.lon);
  check(file, text, Number.isFinite(lat) && lat >= -90 && lat <= 90, where, `"${r.name}" needs lat in [-90, 90], got "${r.lat}"`);
  check(file, text, Number.isFinite(lon) && lon >= -180 && lon <= 180, where, `"${r.name}" needs lon in [-180, 180], got "${r.lon}"`);
};

/** Reads dictionaries/geo/regions.yml (format in the file's header). A bad entry stops the load with its line. */
export const readRegions = (file = join(GEO_DICTIONARY_DIR, 'regions.yml')): { version: string; regions: RegionRecord[] } => {
  const { data, text } = readYaml(file);
  const doc = (data ?? {}) as Raw;
  const regions: RegionRecord[] = [];
  for (const g of (doc.groups as Raw[] | undefined) ?? []) {
    const country = String(g.country);
    for (const r of (g.regions as Raw[] | undefined) ?? []) {
      const name = String(r.name);
      checkPlace(file, text, { ...r, country }, `name: ${name}`);
      check(file, text, r.bare === undefined || typeof r.bare === 'boolean', `name: ${name}`, `"${name}": bare is true or false`);
      regions.push({
        name,
        country,
        ...(r.admin1 != null ? { admin1: String(r.admin1) } : {}),
        lat: Number(r.lat),
        lon: Number(r.lon),
        bases: [name, ...list(r.also)],
        suffixes: list(r.suffixes ?? g.suffixes),
        prefixes: list(r.prefixes ?? g.prefixes),
        phrases: list(r.phrases),
        ...(typeof r.bare === 'boolean' ? { bare: r.bare } : {}),
      });
    }
  }
  return { version: String(doc.version ?? 'geo-regions'), regions };
};

const KINDS: readonly string[] = ['city', 'region', 'country'];

/** Reads dictionaries/geo/aliases.yml: the aliases, and the GeoNames names never to read as places. */
export const readAliases = (file = join(GEO_DICTIONARY_DIR, 'aliases.yml')): { version: string; aliases: AliasRecord[]; ignore: string[] } => {
  const { data, text } = readYaml(file);
  const doc = (data ?? {}) as Raw;
  const aliases: AliasRecord[] = [];
  for (const a of (doc.aliases as Raw[] | undefined) ?? []) {
    const name = String(a.name);
    checkPlace(file, text, a, `name: ${name}`);
    const names = list(a.names);
    check(file, text, names.length, `name: ${name}`, `alias "${name}" needs names: [...]`);
    check(file, text, KINDS.includes(String(a.kind)), `name: ${name}`, `alias "${name}": kind is one of ${KINDS.join(', ')}, got "${a.kind}"`);
    aliases.push({ name, names, country: String(a.country), lat: Number(a.lat), lon: Number(a.lon), kind: a.kind as PlaceKind });
  }
  return { version: String(doc.version ?? 'geo-aliases'), aliases, ignore: list(doc.ignore) };
};
