import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { DICTIONARY_DIR } from '../paths.js';
import { importPetrarch } from './import-petrarch.js';
import { PhraseTrie } from './phrase-trie.js';
import { phraseKeys } from '../nlp/normalize-word.js';
import { DictionaryError, lineOf, readYaml } from './read-yaml.js';
import type { ActorEntry, DatedRole } from './types.js';

// world-countries ships its data as JSON (ODbL-1.0); read it as such.
const countries = createRequire(import.meta.url)('world-countries/countries.json') as Countries;

export type ActorDictionary = {
  trie: PhraseTrie<ActorEntry>;
  /** People by the last word of their names ("zelenskyy"), for a bare surname in the text. */
  surnames: Map<string, ActorEntry[]>;
  /** Versions of every file that went in, e.g. ["world-countries@5", "roles.v1", ...]. */
  versions: string[];
};

// world-countries codes that CAMEO spells otherwise.
const CAMEO_CODE: Record<string, string> = { UNK: 'XKX' };
// ISO two-letter codes in altSpellings collide with English words ("IN", "IT", "AT"); keep only longer forms.
const usableAlt = (s: string) => s.length > 3 || /\./.test(s);

/** Plural of a demonym: "American" → "Americans"; "Chinese", "British", "French" have none. */
export const demonymPlural = (d: string): string | null => (/(ese|sh|ch|ss|s|x|z)$/i.test(d) ? null : d + 's');

const fromWorldCountries = (trie: PhraseTrie<ActorEntry>): void => {
  const dictionary = 'world-countries@5';
  // territories first, so that a name they share with a state ("American") goes to the state, added later
  const ordered = [...countries].sort((a, b) => Number(a.independent ?? false) - Number(b.independent ?? false));
  for (const c of ordered) {
    const code = CAMEO_CODE[c.cca3] ?? c.cca3;
    const country: ActorEntry = { id: `country:${code}`, kind: 'country', name: c.name.common, country: code, dictionary };
    for (const n of [c.name.common, c.name.official, ...c.altSpellings.filter(usableAlt)]) trie.add(n, country);
    const demonym: ActorEntry = { id: `demonym:${code}`, kind: 'demonym', name: c.name.common, country: code, dictionary };
    const eng = c.demonyms?.eng;
    for (const d of new Set([eng?.m, eng?.f].filter((x): x is string => !!x))) {
      trie.add(d, demonym);
      const plural = demonymPlural(d);
      if (plural) trie.add(plural, demonym);
    }
    const capital: ActorEntry = { id: `capital:${code}`, kind: 'capital', name: c.name.common, country: code, sector: 'GOV', dictionary };
    for (const cap of c.capital ?? []) trie.add(cap, capital);
  }
};

type Raw = Record<string, unknown>;
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)]);
const str = (v: unknown): string => (v == null ? '' : String(v));

const need = (file: string, text: string, cond: unknown, where: string, reason: string) => {
  if (!cond) throw new DictionaryError(file, lineOf(text, where), reason);
};

/** Reads one actor data file (any of the layouts in docs/actor-dictionaries.md) into the trie. */
export const loadActorFile = (file: string, trie: PhraseTrie<ActorEntry>, people = new Map<string, ActorEntry>(), orgs = new Map<string, string>()): string => {
  if (/\.txt$/i.test(file)) {
    // a PETRARCH/TABARI dictionary
    const dictionary = `petrarch:${file.split('/').pop()}`;
    for (const { names, entry } of importPetrarch(readFileSync(file, 'utf8'), file, dictionary)) {
      for (const n of names) {
        trie.add(n, entry);
        if (entry.kind === 'role' && !/s$/i.test(n)) trie.add(n + 's', entry);
      }
    }
    return dictionary;
  }
  const { data, text } = readYaml(file);
  const doc = (data ?? {}) as Raw;
  const dictionary = str(doc.version) || file.split('/').pop()!;
  for (const [k, v] of Object.entries((doc.orgs as Raw | undefined) ?? {})) orgs.set(k, str(v));
  for (const a of (doc.aliases as Raw[] | undefined) ?? []) {
    const country = str(a.country);
    need(file, text, /^[A-Z]{3}$/.test(country), country || 'aliases', `alias needs a 3-letter country code, got "${country}"`);
    const sector = str(a.sector);
    const entry: ActorEntry = sector
      ? { id: `seat:${country}${sector}`, kind: 'capital', name: asList(a.names)[0], country, sector, dictionary }
      : { id: `country:${country}`, kind: 'country', name: asList(a.names)[0], country, dictionary };
    for (const n of asList(a.names)) trie.add(n, entry);
  }
  for (const a of (doc.demonyms as Raw[] | undefined) ?? []) {
    const country = str(a.country);
    need(file, text, /^[A-Z]{3}$/.test(country), country || 'demonyms', `demonym needs a 3-letter country code, got "${country}"`);
    const entry: ActorEntry = { id: `demonym:${country}`, kind: 'demonym', name: country, country, dictionary };
    for (const n of asList(a.names)) trie.add(n, entry);
  }
  for (const o of (doc.organizations as Raw[] | undefined) ?? []) {
    const id = str(o.id);
    need(file, text, id && o.code, id || 'organizations', `organisation "${id}" needs an id and a code`);
    const code = str(o.code);
    const entry: ActorEntry = {
      id: `org:${id}`,
      kind: 'org',
      name: asList(o.names)[0] ?? id,
      code,
      country: str(o.country) || code.slice(0, 3),
      sector: str(o.sector),
      dictionary,
    };
    for (const n of asList(o.names)) trie.add(n, entry);
  }
  const members = new Set(asList(doc.members).map((w) => w.toLowerCase()));
  for (const r of (doc.roles as Raw[] | undefined) ?? []) {
    const sector = str(r.sector);
    need(file, text, /^[A-Z]{3}$/.test(sector), sector || 'roles', `role needs a 3-letter sector code, got "${sector}"`);
    for (const w of asList(r.words)) {
      const member = members.has(w.toLowerCase());
      trie.add(w, { id: `role:${w.toLowerCase()}`, kind: 'role', name: w, sector, dictionary, ...(member ? { member } : {}) });
    }
  }
  for (const m of (doc.modifiers as Raw[] | undefined) ?? []) {
    for (const w of asList(m.words)) trie.add(w, { id: `modifier:${w.toLowerCase()}`, kind: 'modifier', name: w, sector: str(m.sector), dictionary });
  }
  for (const p of (doc.people as Raw[] | undefined) ?? []) {
    const id = str(p.id);
    const roles = ((p.roles as Raw[] | undefined) ?? []).map(
      (r): DatedRole => ({
        title: str(r.title),
        sector: str(r.sector),
        start: str(r.start),
        end: r.end == null ? null : str(r.end),
        ...(r.country ? { country: str(r.country) } : {}),
        ...(r.org ? { org: str(r.org) } : {}),
      }),
    );
    need(file, text, id && p.name && p.country, id || 'people', `person "${id}" needs an id, a name and a country`);
    for (const r of roles) {
      need(file, text, /^\d{4}-\d{2}-\d{2}$/.test(r.start) && (r.end === null || /^\d{4}-\d{2}-\d{2}$/.test(r.end)), id, `person "${id}": role dates must be YYYY-MM-DD`);
    }
    // the same person in two files (a minister who later led an armed group) is one entry with all roles
    const seen = people.get(id);
    const entry: ActorEntry = seen ?? { id: `person:${id}`, kind: 'person', name: str(p.name), country: str(p.country), roles: [], dictionary, ...(p.org ? { org: str(p.org) } : {}) };
    for (const r of roles) if (!entry.roles!.some((o) => o.start === r.start && o.title === r.title)) entry.roles!.push(r);
    people.set(id, entry);
    const names = [str(p.name), ...asList(p.variants)];
    // a file may keep its people out of the bare-surname index (`surnames: false`)
    entry.names = doc.surnames === false ? (entry.names ?? []) : [...new Set([...(entry.names ?? []), ...names])];
    for (const n of names) trie.add(n, entry);
  }
  return dictionary;
};

const dataFiles = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...dataFiles(p));
    else if (/\.(ya?ml|json)$/.test(e.name)) out.push(p);
  }
  return out;
};

/** The built-in actor dictionary (world-countries plus dictionaries/actors), with user files layered on top. */
export const loadActorDictionary = ({ extra = [] as string[], dir = join(DICTIONARY_DIR, 'actors') } = {}): ActorDictionary => {
  const trie = new PhraseTrie<ActorEntry>();
  fromWorldCountries(trie);
  const versions = ['world-countries@5'];
  const people = new Map<string, ActorEntry>();
  const orgs = new Map<string, string>();
  for (const f of [...dataFiles(dir), ...extra]) versions.push(loadActorFile(f, trie, people, orgs));
  const surnames = new Map<string, ActorEntry[]>();
  const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'PRK', 'KOR', 'VNM']);
  const addSurname = (key: string | undefined, p: ActorEntry) => {
    if (!key || key.length < 2) return;
    const list = surnames.get(key) ?? [];
    if (!list.includes(p)) list.push(p);
    surnames.set(key, list);
  };
  for (const p of people.values()) {
    for (const n of p.names ?? [p.name]) {
      const keys = phraseKeys(n);
      const last = keys[keys.length - 1];
      if (keys.length < 2 || !last) continue;
      if (last.length >= 3) addSurname(last, p);
      // Chinese, Korean and Vietnamese names put the family name first: "Xi Jinping" is Xi, "Kim Jong Un" Kim
      if (p.country && FAMILY_NAME_FIRST.has(p.country)) addSurname(keys[0], p);
    }
  }
  // `org: NAT` in a person's role is the short name of an organisation whose full code a file's `orgs` gives
  for (const p of people.values()) {
    if (p.org) p.org = orgs.get(p.org) ?? p.org;
    for (const r of p.roles ?? []) if (r.org) r.org = orgs.get(r.org) ?? r.org;
  }
  return { trie, surnames, versions };
};
