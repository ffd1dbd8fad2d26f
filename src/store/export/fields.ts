import { CAMEO_ACTOR_TYPES, CAMEO_COUNTRIES, cameoCode, ploverType } from '../../standards/index.js';
import type { StoredActor, StoredEvent } from '../queries.js';

/** A value of a delimited file: null and undefined are empty; text loses tabs and line breaks. */
export type Cell = string | number | null | undefined;

export const tsvCell = (v: Cell): string => (v == null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export const csvCell = (v: Cell): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** 2022-03-04 → 20220304 */
export const compactDate = (iso: string): string => iso.slice(0, 10).replace(/-/g, '');

/** An ISO timestamp as YYYYMMDDHHMMSS (UTC). */
export const compactTimestamp = (iso: string): string => iso.replace(/[-:T]/g, '').slice(0, 14);

/** The event code as GDELT and Phoenix write it: three digits at least, so a root-level "04" is "040". */
export const eventCode3 = (code: string): string => (code.length === 2 ? `${code}0` : code);

/** A float with one decimal at least, as GDELT writes Goldstein scores ("1.0", "-10.0", "1.9"). */
export const decimal = (n: number | null | undefined): string => (n == null ? '' : Number.isInteger(n) ? n.toFixed(1) : String(n));

const countries = new Map<string, { name: string; cow: string }>();
for (const c of CAMEO_COUNTRIES) if (!countries.has(c.code)) countries.set(c.code, { name: c.name, cow: c.cow });
const typeLabels = new Map(CAMEO_ACTOR_TYPES.map((t) => [t.code, t.label]));

/** The country's name, as ICEWS and POLECAT write it; '' for a code that is not a country. */
export const countryName = (code: string | null | undefined): string => (code ? countries.get(code)?.name ?? '' : '');

/** Correlates of War number of the country; '' where there is none. */
export const countryCow = (code: string | null | undefined): string => {
  const cow = code ? countries.get(code)?.cow : undefined;
  return cow && cow !== '000' ? cow : '';
};

export const isCountry = (code: string): boolean => countries.has(code);

/** CAMEO label of a role or sector code: GOV → Government. */
export const sectorLabel = (code: string): string => typeLabels.get(code) ?? code;

/** Non-state top-level codes: international and non-governmental organisations, multinationals, militant groups. */
export const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'NGM', 'INT', 'UNO', 'EUR', 'ISM']);

/** Phoenix's primary agents (SourceActorRole). */
export const PHOENIX_ROLES = new Set(['GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL']);

/** CAMEO's role and sector codes (the rest of CAMEO_ACTOR_TYPES are kinds of organisation: UNO, PKO, NGO, ...). */
export const ROLE_CODES = new Set(
  'COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD PTY PRM UNK'.split(' '),
);

/** A full CAMEO actor code in parts: the top entity (country or IGO/NGO/...) and the 3-letter codes after it. */
export const actorParts = (a: StoredActor) => {
  const entity = a.code.slice(0, 3);
  const rest = (a.code.slice(3).match(/.{3}/g) ?? []) as string[];
  const fromSector = (a.sector?.match(/.{3}/g) ?? []) as string[];
  const roles = rest.filter((c) => ROLE_CODES.has(c));
  return {
    entity,
    rest,
    /** Role and sector codes in order: the actor's sector where it has one, else those in its code. */
    sectors: fromSector.length ? fromSector : roles,
    /** A known group after a non-state entity: IGOUNO → UNO, IGOWSTNAT → NAT. */
    knownGroup: NON_STATE.has(entity) ? (rest.filter((c) => !ROLE_CODES.has(c)).at(-1) ?? '') : '',
    /** The actor's country: its own, else the code's entity where that is a country. */
    country: a.country ?? (isCountry(entity) ? entity : ''),
  };
};

/** The actor's own name where it has one that is a name, not a code: "Ilze Ozola", "Russia"; else the country's name, else the text. */
export const displayName = (a: StoredActor): string => {
  if (a.name && !/^[A-Z]{3,}$/.test(a.name)) return a.name;
  return countryName(actorParts(a).country) || a.text;
};

/** A readable name of an actor: its dictionary name, else "Government (Russia)" built from the code, else its text. */
export const actorName = (a: StoredActor): string => {
  if (a.name && !/^[A-Z]{3,}$/.test(a.name)) return a.name;
  const p = actorParts(a);
  const country = countryName(p.country);
  if (p.sectors.length && country) return `${sectorLabel(p.sectors[0])} (${country})`;
  return country || a.text;
};

/** ICEWS-style event label: the ICEWS name of the code where it differs, else CAMEO's. */
export const eventLabel = (e: StoredEvent): string => cameoCode(e.cameoCode)?.icewsName ?? e.cameoName;

/** PLOVER intensity of the event's type and mode (the mode's score where it has one). */
export const ploverIntensity = (e: StoredEvent): number | null => {
  if (!e.plover) return null;
  const t = ploverType(e.plover.type);
  if (!t) return null;
  const m = e.plover.mode ? t.modes.find((x) => x.mode === e.plover!.mode) : undefined;
  return m?.score ?? t.score;
};

export const ploverQuad = (e: StoredEvent): string => (e.plover ? ploverType(e.plover.type)?.quad ?? '' : '');

/** The sentence number as the formats count it: from 1. */
export const sentenceNumber = (e: StoredEvent): number => e.sentence.index + 1;
