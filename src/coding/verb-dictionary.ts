import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARY_DIR } from '../paths.js';
import { DictionaryError, lineOf, readYaml } from '../actors/read-yaml.js';
import { isCameoCode } from '../standards/index.js';

export type PatternElement = { kind: 'word'; alts: string[] } | { kind: 'target' };

export type VerbPattern = {
  id: string;
  code: string;
  head: 'verb' | 'noun';
  lemmas: string[];
  elements: PatternElement[];
  swap: boolean;
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
  const parts = text.trim().toLowerCase().split(/\s+/);
  const lemmas = parts[0].split('|');
  const elements: PatternElement[] = parts.slice(1).map((p) => (p === 'target' ? { kind: 'target' } : { kind: 'word', alts: p.split('|') }));
  return { lemmas, elements };
};

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
      patterns.push({
        id,
        code,
        head: p.head === 'noun' ? 'noun' : 'verb',
        lemmas,
        elements,
        swap: p.swap === true,
        specificity: elements.filter((e) => e.kind === 'word').length,
        file,
      });
    }
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
