/**
 * A greedy left-to-right averaged-perceptron tagger for Universal POS tags. Features: the word (lowercased,
 * digits folded to 0) and its raw form, suffixes and prefixes, word shape, neighbouring words and suffixes,
 * and the two previous predicted tags.
 */
import { AveragedWeights } from './averaged-perceptron.js';
import { fnv1a, key1, key2, key3, makeRandom, shuffle } from './hash.js';
import { ClusterTable } from './clusters.js';
import type { LinearModel } from './linear-model.js';
import { WeightTable } from './weight-table.js';

/** The 17 Universal POS tags, in the order the tagger numbers them. */
export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];

const NT = UPOS_TAGS.length;
const START = NT; // tag atom before the sentence
const START2 = NT + 1;
const EDGE = 0x3c3c3c3c; // word atom past either end
const MAX_F = 80;

/** Word as the models see it: lowercased, every digit folded to 0. */
export const normalizeForm = (form: string): string => {
  const lower = form.toLowerCase();
  return /[0-9]/.test(lower) ? lower.replace(/[0-9]/g, '0') : lower;
};

/** A compact word shape: runs of upper, lower and digit characters collapsed (“McCain” → “XxXx”, “3.5” → “d.d”). */
export const wordShape = (form: string): string => {
  let out = '';
  let last = '';
  for (let i = 0; i < form.length && out.length < 8; i++) {
    const ch = form[i];
    const c = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd' : ch.toLowerCase() !== ch.toUpperCase() ? (ch === ch.toUpperCase() ? 'X' : 'x') : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
};

/** Per-word atoms of a sentence, computed once before tagging. */
interface WordAtoms {
  w: Int32Array;
  raw: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre2: Int32Array;
  pre3: Int32Array;
  suf5: Int32Array;
  shape: Int32Array;
  /** Fine and coarse word cluster (0 = not in the table). */
  cf: Int32Array;
  cc: Int32Array;
  /** Ambiguity class from the tag dictionary (0 = rare word). */
  amb: Int32Array;
}

const atomsOf = (words: string[], clusters: ClusterTable | null, dict: ClusterTable | null): WordAtoms => {
  const n = words.length;
  const a: WordAtoms = {
    w: new Int32Array(n),
    raw: new Int32Array(n),
    suf1: new Int32Array(n),
    suf2: new Int32Array(n),
    suf3: new Int32Array(n),
    suf4: new Int32Array(n),
    pre1: new Int32Array(n),
    pre2: new Int32Array(n),
    pre3: new Int32Array(n),
    suf5: new Int32Array(n),
    shape: new Int32Array(n),
    cf: new Int32Array(n),
    cc: new Int32Array(n),
    amb: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const raw = words[i];
    const lw = normalizeForm(raw);
    const L = lw.length;
    a.w[i] = fnv1a(lw);
    a.raw[i] = fnv1a(raw);
    a.suf1[i] = fnv1a(lw, Math.max(0, L - 1));
    a.suf2[i] = fnv1a(lw, Math.max(0, L - 2));
    a.suf3[i] = fnv1a(lw, Math.max(0, L - 3));
    a.suf4[i] = fnv1a(lw, Math.max(0, L - 4));
    a.pre1[i] = fnv1a(lw, 0, Math.min(L, 1));
    a.pre2[i] = fnv1a(lw, 0, Math.min(L, 2));
    a.pre3[i] = fnv1a(lw, 0, Math.min(L, 3));
    a.suf5[i] = fnv1a(lw, Math.max(0, L - 5));
    a.shape[i] = fnv1a(wordShape(raw));
    if (clusters) {
      const c = clusters.lookup(a.w[i]);
      a.cf[i] = c;
      a.cc[i] = c ? 1 + Math.floor((c - 1) / clusters.fanout) : 0;
    }
    if (dict) a.amb[i] = dict.lookup(a.w[i]);
  }
  return a;
};

/** Writes the feature keys for position `i` (previous tags `p1`, `p2`) into `out`; returns the count. */
const features = (a: WordAtoms, i: number, p1: number, p2: number, out: Uint32Array): number => {
  const n = a.w.length;
  const wm1 = i > 0 ? a.w[i - 1] : EDGE;
  const wm2 = i > 1 ? a.w[i - 2] : EDGE;
  const wp1 = i + 1 < n ? a.w[i + 1] : EDGE;
  const wp2 = i + 2 < n ? a.w[i + 2] : EDGE;
  const w = a.w[i];
  let k = 0;
  out[k++] = key1(1, 0);
  out[k++] = key1(2, w);
  out[k++] = key1(3, a.raw[i]);
  out[k++] = key1(4, a.suf1[i]);
  out[k++] = key1(5, a.suf2[i]);
  out[k++] = key1(6, a.suf3[i]);
  out[k++] = key1(7, a.suf4[i]);
  out[k++] = key1(8, a.pre1[i]);
  out[k++] = key1(9, a.pre2[i]);
  out[k++] = key1(10, a.shape[i]);
  out[k++] = key1(11, p1);
  out[k++] = key2(12, p1, p2);
  out[k++] = key2(13, p1, w);
  out[k++] = key1(14, wm1);
  out[k++] = key1(15, i > 0 ? a.suf3[i - 1] : EDGE);
  out[k++] = key1(16, wm2);
  out[k++] = key1(17, wp1);
  out[k++] = key1(18, i + 1 < n ? a.suf3[i + 1] : EDGE);
  out[k++] = key1(19, wp2);
  out[k++] = key2(20, wm1, w);
  out[k++] = key2(21, w, wp1);
  out[k++] = key2(22, i === 0 ? 1 : 0, a.shape[i]);
  out[k++] = key1(23, i + 1 < n ? a.shape[i + 1] : EDGE);
  out[k++] = key1(24, i > 0 ? a.shape[i - 1] : EDGE);
  out[k++] = key2(25, p1, a.suf3[i]);
  out[k++] = key2(26, p1, wp1);
  out[k++] = key2(27, wm1, wp1);
  out[k++] = key1(28, a.pre3[i]);
  out[k++] = key1(29, a.suf5[i]);
  out[k++] = key2(30, wp1, wp2);
  out[k++] = key2(31, wm1, p1);
  out[k++] = key1(32, i + 1 < n ? a.suf2[i + 1] : EDGE);
  out[k++] = key2(33, p1, a.shape[i]);
  out[k++] = key2(34, wm2, wm1);
  // word clusters (back-off for rare words)
  const E = -1;
  const cfm1 = i > 0 ? a.cf[i - 1] : E, cfp1 = i + 1 < n ? a.cf[i + 1] : E, cfp2 = i + 2 < n ? a.cf[i + 2] : E;
  const cfm2 = i > 1 ? a.cf[i - 2] : E;
  const ccm1 = i > 0 ? a.cc[i - 1] : E, ccp1 = i + 1 < n ? a.cc[i + 1] : E;
  const cf = a.cf[i], cc = a.cc[i];
  out[k++] = key1(40, cf);
  out[k++] = key1(41, cc);
  out[k++] = key1(42, cfm1);
  out[k++] = key1(43, cfp1);
  out[k++] = key1(44, ccm1);
  out[k++] = key1(45, ccp1);
  out[k++] = key1(46, cfp2);
  out[k++] = key1(47, cfm2);
  out[k++] = key2(48, p1, cf);
  out[k++] = key2(49, cf, cfp1);
  out[k++] = key2(50, cfm1, cf);
  out[k++] = key2(51, cc, a.shape[i]);
  out[k++] = key2(52, cf, a.suf2[i]);
  out[k++] = key2(53, p1, ccp1);
  // ambiguity classes of the word and the next two (a look-ahead the left-to-right tags cannot give)
  const ap1 = i + 1 < n ? a.amb[i + 1] : E, ap2 = i + 2 < n ? a.amb[i + 2] : E;
  out[k++] = key1(60, a.amb[i]);
  out[k++] = key1(61, ap1);
  out[k++] = key1(62, ap2);
  out[k++] = key2(63, p1, a.amb[i]);
  out[k++] = key2(64, a.amb[i], ap1);
  out[k++] = key3(65, p1, a.amb[i], ap1);
  out[k++] = key2(66, w, ap1);
  out[k++] = key2(67, ap1, ap2);
  return k;
};

/** A trained tagger: `tag(words)` gives one UPOS tag per word. */
export class Tagger {
  private readonly feats = new Uint32Array(MAX_F);
  private readonly scores = new Float64Array(NT);

  private readonly table: WeightTable;

  /**
   * @param model weights over the UPOS_TAGS classes
   * @param clusters word clusters the model was trained with, if any
   */
  constructor(
    readonly model: LinearModel,
    readonly clusters: ClusterTable | null = null,
    readonly dict: ClusterTable | null = null,
  ) {
    this.table = new WeightTable(model);
  }

  /** Tags a tokenised sentence, returning tag ids (indices into UPOS_TAGS). */
  tagIds(words: string[]): Uint8Array {
    const a = atomsOf(words, this.clusters, this.dict);
    const out = new Uint8Array(words.length);
    let p1 = START;
    let p2 = START2;
    for (let i = 0; i < words.length; i++) {
      const nf = features(a, i, p1, p2, this.feats);
      this.scores.fill(0);
      this.table.score(this.feats, nf, this.scores);
      let best = 0;
      for (let c = 1; c < NT; c++) if (this.scores[c] > this.scores[best]) best = c;
      out[i] = best;
      p2 = p1;
      p1 = best;
    }
    return out;
  }

  /** Tags a tokenised sentence with UPOS tags. */
  tag(words: string[]): string[] {
    return Array.from(this.tagIds(words), (t) => UPOS_TAGS[t]);
  }
}

/** A sentence for tagger training: words and their gold UPOS tags. */
export interface TaggedSentence {
  words: string[];
  tags: string[];
}

/** Options for trainTagger. */
export interface TaggerTrainOptions {
  epochs: number;
  /** Sentences to pick the best epoch on; without them the last epoch is kept. */
  dev?: TaggedSentence[];
  seed?: number;
  /** Word clusters for back-off features. */
  clusters?: ClusterTable | null;
  /** Build a tag dictionary from the training words seen at least `minCount` times (tags with at least `minShare` of a word's uses). */
  tagDict?: { minCount: number; minShare: number } | null;
  log?: (line: string) => void;
}

/**
 * A tag dictionary: each frequent word's ambiguity class (the set of tags it takes often enough), numbered
 * by first appearance, as a hash → class-number table.
 */
export const buildTagDictionary = (train: TaggedSentence[], minCount: number, minShare: number): ClusterTable => {
  const tagIndex = new Map(UPOS_TAGS.map((t, i) => [t, i]));
  const counts = new Map<number, Int32Array>();
  for (const s of train) {
    s.words.forEach((w, i) => {
      const h = fnv1a(normalizeForm(w)) >>> 0;
      let c = counts.get(h);
      if (!c) counts.set(h, (c = new Int32Array(NT)));
      c[tagIndex.get(s.tags[i]) ?? NT - 1]++;
    });
  }
  const classOf = new Map<number, number>();
  const entries: [number, number][] = [];
  for (const [h, c] of counts) {
    const total = c.reduce((x, y) => x + y, 0);
    if (total < minCount) continue;
    let mask = 0;
    for (let t = 0; t < NT; t++) if (c[t] >= minShare * total) mask |= 1 << t;
    let id = classOf.get(mask);
    if (id === undefined) classOf.set(mask, (id = classOf.size + 1));
    entries.push([h, id]);
  }
  entries.sort((x, y) => x[0] - y[0]);
  return new ClusterTable(Uint32Array.from(entries, (e) => e[0]), Uint16Array.from(entries, (e) => e[1]), 1);
};

/** Share of words whose predicted tag equals the gold tag. */
export const tagAccuracy = (tagger: Tagger, sentences: TaggedSentence[]): number => {
  let right = 0;
  let all = 0;
  for (const s of sentences) {
    const pred = tagger.tag(s.words);
    for (let i = 0; i < pred.length; i++) if (pred[i] === s.tags[i]) right++;
    all += pred.length;
  }
  return all ? right / all : 0;
};

/** Trains the tagger with the averaged perceptron, keeping the epoch that tags `dev` best. */
export const trainTagger = (train: TaggedSentence[], opt: TaggerTrainOptions): { tagger: Tagger; epoch: number; devAccuracy: number } => {
  const weights = new AveragedWeights(NT);
  const random = makeRandom(opt.seed ?? 1);
  const feats = new Uint32Array(MAX_F);
  const scores = new Float64Array(NT);
  const tagIndex = new Map(UPOS_TAGS.map((t, i) => [t, i]));
  const dict = opt.tagDict ? buildTagDictionary(train, opt.tagDict.minCount, opt.tagDict.minShare) : null;
  const data = train.map((s) => ({ atoms: atomsOf(s.words, opt.clusters ?? null, dict), gold: s.tags.map((t) => tagIndex.get(t) ?? NT - 1) }));
  let time = 1;
  let best: { tagger: Tagger; epoch: number; devAccuracy: number } | null = null;
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    let right = 0;
    let all = 0;
    for (const s of shuffle(data.slice(), random)) {
      let p1 = START;
      let p2 = START2;
      for (let i = 0; i < s.gold.length; i++) {
        const nf = features(s.atoms, i, p1, p2, feats);
        weights.score(feats, nf, scores);
        let guess = 0;
        for (let c = 1; c < NT; c++) if (scores[c] > scores[guess]) guess = c;
        const gold = s.gold[i];
        if (guess !== gold) {
          weights.update(feats, nf, gold, 1, time);
          weights.update(feats, nf, guess, -1, time);
        } else right++;
        all++;
        time++;
        p2 = p1;
        p1 = guess;
      }
    }
    const tagger = new Tagger(weights.toModel(time, 16), opt.clusters ?? null, dict);
    const devAccuracy = opt.dev ? tagAccuracy(tagger, opt.dev) : 0;
    opt.log?.(`tagger epoch ${epoch}: train ${(right / all).toFixed(4)}${opt.dev ? ` dev ${devAccuracy.toFixed(4)}` : ''} (${weights.rows} features)`);
    if (!best || !opt.dev || devAccuracy > best.devAccuracy) best = { tagger, epoch, devAccuracy };
  }
  return best!;
};
