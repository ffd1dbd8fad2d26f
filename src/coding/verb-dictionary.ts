import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_DIR } from '../paths.js';
import { DictionaryError, lineOf, readYaml } from '../actors/read-yaml.js';
import { isCameoCode } from '../standards/index.js';

/**
 * A word (any of its forms) or the TARGET slot; "TARGET:IGO|NGO|MIL" takes only an actor whose code has one of
 * these 3-letter parts (its country or a role): "expel TARGET:IGO|NGO" is an expulsion of an organisation;
 * "TARGET:PLACE" only a mention that names a place (a town, a region, a country): "capture TARGET:PLACE".
 */
export type PatternElement = { kind: 'word'; alts: string[] } | { kind: 'target'; only?: string[] };

export type VerbPattern = {
  id: string;
  code: string;
  head: 'verb' | 'noun';
  lemmas: string[];
  elements: PatternElement[];
  swap: boolean;
  /** Done by coordinated subjects to each other when no target is named ("X and Y failed to reach agreement"). */
  mutual?: boolean;
  /** Literal words after the head: the more, the more specific. */
  specificity: number;
  file: string;
};

export type VerbDictionary = {
  version: string;
  patterns: VerbPattern[];
  byVerb: Map<string, VerbPattern[]>;
  byNoun: Map<string, VerbPattern[]>;
};

const files = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^\d\d-.*\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** Compiles one pattern string ("threaten TARGET with sanction|sanctions") into its head and elements. */
export const compilePattern = (text: string): { lemmas: string[]; elements: PatternElement[] } => {
  const parts = text.trim().split(/\s+/);
  const lemmas = parts[0].toLowerCase().split('|');
  const elements: PatternElement[] = parts.slice(1).map((p) => {
    const [word, only] = p.split(':');
    if (word.toLowerCase() !== 'target') return { kind: 'word', alts: p.toLowerCase().split('|') };
    return only ? { kind: 'target', only: only.toUpperCase().split('|') } : { kind: 'target' };
  });
  return { lemmas, elements };
};

/** Literal words after the head make a pattern more specific; a typed TARGET half as much as a word. */
const specificityOf = (elements: PatternElement[]): number => elements.reduce((n, e) => n + (e.kind === 'word' ? 1 : e.only ? 0.5 : 0), 0);

/**
 * Loads and lints the verb dictionaries (one file per CAMEO root): every id unique, every code a CAMEO code of
 * that file's root, every pattern with a head. A problem names the file and line.
 */
export const loadVerbDictionary = ({ dir = join(DICTIONARY_DIR, 'verbs'), extra = [] as string[] } = {}): VerbDictionary => {
  const manifest = join(dir, 'index.yml');
  const base = existsSync(manifest) ? String((readYaml(manifest).data as { version?: string }).version ?? 'cameo-verbs') : 'cameo-verbs';
  const hash = createHash('sha256');
  const patterns: VerbPattern[] = [];
  const ids = new Map<string, string>();
  for (const file of [...files(dir), ...extra]) {
    const { data, text } = readYaml(file);
    hash.update(readFileSync(file));
    const d = (data ?? {}) as { root?: unknown; patterns?: Record<string, unknown>[] };
    const root = d.root == null ? null : String(d.root).padStart(2, '0');
    if (!Array.isArray(d.patterns)) throw new DictionaryError(file, 1, 'expected a "patterns" list');
    for (const p of d.patterns) {
      const id = String(p.id ?? '');
      const code = String(p.code ?? '');
      const where = () => lineOf(text, `id: ${id}`) ?? lineOf(text, id);
      if (!id) throw new DictionaryError(file, lineOf(text, String(p.pattern)), `pattern "${p.pattern}" has no id`);
      if (ids.has(id)) throw new DictionaryError(file, where(), `duplicate pattern id "${id}" (also in ${ids.get(id)})`);
      if (!isCameoCode(code)) throw new DictionaryError(file, where(), `pattern "${id}": unknown CAMEO code "${code}"`);
      if (root && !code.startsWith(root)) throw new DictionaryError(file, where(), `pattern "${id}": code ${code} is not in root ${root}`);
      if (typeof p.pattern !== 'string' || !p.pattern.trim()) throw new DictionaryError(file, where(), `pattern "${id}" has no pattern text`);
      ids.set(id, file);
      const { lemmas, elements } = compilePattern(p.pattern);
      for (const e of elements) {
        const bad = e.kind === 'target' ? e.only?.find((x) => !/^[A-Z]{3}$/.test(x) && x !== 'PLACE') : undefined;
        if (bad !== undefined) throw new DictionaryError(file, where(), `pattern "${id}": "${bad}" is not a 3-letter actor code part or PLACE`);
      }
      patterns.push({
        id,
        code,
        head: p.head === 'noun' ? 'noun' : 'verb',
        lemmas,
        elements,
        swap: p.swap === true,
        ...(p.mutual === true ? { mutual: true } : {}),
        specificity: specificityOf(elements),
        file,
      });
    }
  }
  const synonyms = join(dir, 'synonyms.yml');
  if (existsSync(synonyms)) {
    hash.update(readFileSync(synonyms));
    patterns.push(...expandSynonyms(synonyms, patterns, ids));
  }
  const byVerb = new Map<string, VerbPattern[]>();
  const byNoun = new Map<string, VerbPattern[]>();
  for (const p of patterns) {
    const index = p.head === 'noun' ? byNoun : byVerb;
    for (const l of p.lemmas) {
      const list = index.get(l) ?? [];
      list.push(p);
      index.set(l, list);
    }
  }
  for (const list of [...byVerb.values(), ...byNoun.values()]) list.sort((a, b) => b.specificity - a.specificity);
  return { version: `${base}#${hash.digest('hex').slice(0, 8)}`, patterns, byVerb, byNoun };
};

/**
 * synonyms.yml: WordNet synonyms accepted by review (scripts/wordnet-candidates.ts). Each entry copies the named
 * patterns with the synonym as head ("pull_back": head "pull", then "back"); it only adds: every pattern id must
 * exist and be headed by the entry's `of` (a head or a list of heads), and a single-word synonym must not be a head already, a phrasal one
 * not the start of a pattern already.
 */
const expandSynonyms = (file: string, own: VerbPattern[], ids: Map<string, string>): VerbPattern[] => {
  const { data, text } = readYaml(file);
  const list = (data as { synonyms?: Record<string, unknown>[] } | null)?.synonyms;
  if (!Array.isArray(list)) throw new DictionaryError(file, 1, 'expected a "synonyms" list');
  const byId = new Map(own.map((p) => [p.id, p]));
  const heads = new Set(own.filter((p) => p.head === 'verb').flatMap((p) => p.lemmas));
  const out: VerbPattern[] = [];
  for (const e of list) {
    const id = String(e.id ?? '');
    const at = text.indexOf(`id: ${id}`);
    const line = (needle?: string) => {
      const from = needle && at >= 0 ? text.indexOf(needle, at) : -1;
      return from >= 0 ? text.slice(0, from).split('\n').length : (lineOf(text, `id: ${id}`) ?? lineOf(text, String(e.lemma)));
    };
    const lemma = String(e.lemma ?? '').toLowerCase();
    const of = (Array.isArray(e.of) ? e.of : [e.of ?? '']).map(String);
    if (!id) throw new DictionaryError(file, line(), `synonym "${lemma}" has no id`);
    if (ids.has(id)) throw new DictionaryError(file, line(), `duplicate id "${id}" (also in ${ids.get(id)})`);
    ids.set(id, file);
    const [word, particle, ...more] = lemma.split('_');
    if (!/^[a-z][a-z-]*$/.test(word ?? '') || more.length || (particle != null && !/^[a-z]+$/.test(particle)))
      throw new DictionaryError(file, line(), `synonym "${id}": lemma "${lemma}" is not a verb or a two-word phrasal verb`);
    if (!/^\d{8}$/.test(String(e.synset ?? ''))) throw new DictionaryError(file, line(), `synonym "${id}": synset must be a WordNet offset (8 digits)`);
    if (particle == null && heads.has(word)) throw new DictionaryError(file, line(), `synonym "${id}": "${word}" is a head already; a synonym only adds`);
    if (particle != null && own.some((p) => p.head === 'verb' && p.lemmas.includes(word) && p.elements[0]?.kind === 'word' && p.elements[0].alts.includes(particle)))
      throw new DictionaryError(file, line(), `synonym "${id}": "${word} ${particle}" starts a pattern already; a synonym only adds`);
    const refs = Array.isArray(e.patterns) ? e.patterns.map(String) : [];
    if (!refs.length) throw new DictionaryError(file, line(), `synonym "${id}" names no patterns`);
    for (const ref of refs) {
      const p = byId.get(ref);
      if (!p) throw new DictionaryError(file, line(ref), `synonym "${id}": unknown pattern id "${ref}"`);
      if (p.head !== 'verb' || !p.lemmas.some((l) => of.includes(l)))
        throw new DictionaryError(file, line(ref), `synonym "${id}": pattern "${ref}" is not headed by "${of.join('" or "')}"`);
      const copyId = `${id}-${ref}`;
      if (ids.has(copyId)) throw new DictionaryError(file, line(ref), `duplicate pattern id "${copyId}" (also in ${ids.get(copyId)})`);
      ids.set(copyId, file);
      const elements: PatternElement[] = particle == null ? p.elements : [{ kind: 'word', alts: [particle] }, ...p.elements];
      out.push({ ...p, id: copyId, lemmas: [word], elements, specificity: specificityOf(elements), file });
    }
  }
  return out;
};
