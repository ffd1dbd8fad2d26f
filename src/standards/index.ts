import { CAMEO_EVENT_CODES } from './cameo-event-codes.data.js';
import { CAMEO_TO_PLOVER, PLOVER_TYPES } from './plover.data.js';
import type { CameoCode, CameoPloverRow, PloverType } from './types.js';

export * from './types.js';
export { CAMEO_EVENT_CODES } from './cameo-event-codes.data.js';
export { CAMEO_TO_PLOVER, PLOVER_TYPES, PLOVER_CONTEXTS, PLOVER_SECTORS } from './plover.data.js';
export { CAMEO_ACTOR_TYPES, CAMEO_COUNTRIES } from './cameo-actors.data.js';

const byCode = new Map<string, CameoCode>(CAMEO_EVENT_CODES.map((c) => [c.code, c]));
const ploverByCameo = new Map<string, CameoPloverRow>(CAMEO_TO_PLOVER.map((r) => [r.cameo, r]));
const ploverTypes = new Map<string, PloverType>(PLOVER_TYPES.map((t) => [t.type, t]));

/** The CAMEO code's record, or undefined for a code the standard does not have. */
export const cameoCode = (code: string): CameoCode | undefined => byCode.get(code);

export const isCameoCode = (code: string): boolean => byCode.has(code);

/** Parent codes from the most specific to the root: 1312 → [1312, 131, 13]. */
const lineage = (code: string): string[] => {
  const out: string[] = [];
  for (let n = code.length; n >= 2; n--) out.push(code.slice(0, n));
  return out;
};

/** Goldstein score of a code; a sub code without one (1213) takes its base code's. */
export const goldstein = (code: string): number | null => {
  for (const c of lineage(code)) {
    const g = byCode.get(c)?.goldstein;
    if (g !== null && g !== undefined) return g;
  }
  return null;
};

/**
 * PLOVER type, mode and context of a CAMEO code by the CAMEO→PLOVER map, from the most specific code
 * that the map lists (1312 is not listed: 131 is). Root-level codes map through their base code "x0".
 */
export const ploverFor = (code: string): CameoPloverRow | undefined => {
  for (const c of lineage(code)) {
    const r = ploverByCameo.get(c) ?? (c.length === 2 ? ploverByCameo.get(c + '0') : undefined);
    if (r) return r;
  }
  return undefined;
};

export const ploverType = (type: string): PloverType | undefined => ploverTypes.get(type);
