import { CAMEO_COUNTRIES } from '../../standards/index.js';
import type { StoredEvent } from '../queries.js';

const countryNames = new Map<string, string>();
for (const c of CAMEO_COUNTRIES) if (!countryNames.has(c.code)) countryNames.set(c.code, c.name);

/** The English name of a country code (ISO3 / CAMEO), for layouts that want names (ICEWS, POLECAT). */
export const countryName = (code: string | null | undefined): string => (code ? countryNames.get(code) ?? code : '');

/** An event's place split into the parts the layouts ask for: city, region, country, coordinates. */
export const placeParts = (e: StoredEvent) => {
  const d = e.placeDetail;
  const kind = d?.kind ?? null;
  return {
    name: e.place ?? '',
    city: kind === 'city' ? e.place ?? '' : '',
    region: kind === 'region' ? e.place ?? '' : d?.region ?? '',
    country: d?.country ?? '',
    countryName: countryName(d?.country),
    lat: d?.lat ?? '',
    lon: d?.lon ?? '',
    /** GDELT's Geo_Type: 1 country, 4 world city, 5 world state (first-level region); 0 when unresolved. */
    gdeltType: d?.lat == null ? 0 : kind === 'country' ? 1 : kind === 'region' ? 5 : 4,
    fullName: [kind === 'country' ? '' : e.place, d?.region && d.region !== e.place ? d.region : '', countryName(d?.country)].filter((x) => x).join(', '),
  };
};
