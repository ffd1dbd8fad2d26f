/**
 * Reading and writing CoNLL-U (https://universaldependencies.org/format.html). Only syntactic words are kept:
 * multiword-token ranges (`3-4`) and empty nodes (`5.1`) are skipped on reading.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One syntactic word of a CoNLL-U sentence; `head` is 1-based, 0 = root, -1 = none given (`_`). */
export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A CoNLL-U sentence: its comment lines (without the leading `# `) and its words in order. */
export interface ConlluSentence {
  comments: string[];
  words: ConlluWord[];
}

/** Parses CoNLL-U text into sentences, skipping multiword-token ranges and empty nodes. */
export const readConllu = (text: string): ConlluSentence[] => {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], words: [] };
  const flush = () => {
    if (cur.words.length) out.push(cur);
    cur = { comments: [], words: [] };
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      cur.comments.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const c = line.split('\t');
    if (c.length < 10) throw new Error(`CoNLL-U: expected 10 columns, got ${c.length}: ${line}`);
    if (!/^\d+$/.test(c[0])) continue; // a range (3-4) or an empty node (5.1)
    cur.words.push({
      id: Number(c[0]),
      form: c[1],
      lemma: c[2],
      upos: c[3],
      xpos: c[4],
      feats: c[5],
      head: c[6] === '_' ? -1 : Number(c[6]),
      deprel: c[7],
      deps: c[8],
      misc: c[9],
    });
  }
  flush();
  return out;
};

/** Writes sentences as CoNLL-U text (one blank line after each sentence). */
export const writeConllu = (sentences: ConlluSentence[]): string => {
  const lines: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) lines.push('# ' + c);
    for (const w of s.words) {
      const head = w.head < 0 ? '_' : String(w.head);
      lines.push([w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, head, w.deprel, w.deps, w.misc].join('\t'));
    }
    lines.push('');
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
};

/** Builds a CoNLL-U sentence from parallel arrays (missing columns written as `_`). */
export const toConlluSentence = (words: string[], upos?: string[], head?: number[], deprel?: string[]): ConlluSentence => ({
  comments: [],
  words: words.map((form, i) => ({
    id: i + 1,
    form,
    lemma: '_',
    upos: upos?.[i] ?? '_',
    xpos: '_',
    feats: '_',
    head: head?.[i] ?? -1,
    deprel: deprel?.[i] ?? '_',
    deps: '_',
    misc: '_',
  })),
});

/** The one `*-{split}.conllu` file in a treebank folder (split: train, dev or test); for training scripts. */
export const treebankFile = (dir: string, split: string): string => {
  const names = readdirSync(dir).filter((f) => f.endsWith(`-${split}.conllu`));
  if (names.length !== 1) throw new Error(`${dir}: expected one *-${split}.conllu, found ${names.length}`);
  return join(dir, names[0]);
};
