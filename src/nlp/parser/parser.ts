/**
 * A greedy labelled arc-hybrid dependency parser with an averaged perceptron, trained with the dynamic oracle
 * and error exploration (Goldberg & Nivre 2012). The actions are SHIFT, LEFT-l and RIGHT-l for every label l,
 * scored together from sparse weight rows.
 */
import { ArcHybridState, GoldTree, LEFT, RIGHT, SHIFT, projectivize, transitionCosts } from './arc-hybrid.js';
import { ParserTable } from './parser-table.js';
import { AveragedWeights } from './averaged-perceptron.js';
import { fnv1a, makeRandom, mix, shuffle } from './hash.js';
import type { LinearModel } from './linear-model.js';
import { MAX_FEATURES, ROOT_TAG, ROOT_WORD, extractFeatures } from './parser-features.js';
import { UPOS_TAGS, normalizeForm } from './tagger.js';

/** Heads (1-based, 0 = root) and dependency labels, one per word. */
export interface ParseResult {
  head: number[];
  deprel: string[];
}

const TAG_ID = new Map(UPOS_TAGS.map((t, i) => [t, i + 2]));
const X_TAG = TAG_ID.get('X')!;

/** Word atoms (index 0 = root) for the parser's features. */
export const wordAtoms = (words: string[]): Int32Array => {
  const a = new Int32Array(words.length + 1);
  a[0] = ROOT_WORD;
  for (let i = 0; i < words.length; i++) a[i + 1] = fnv1a(normalizeForm(words[i]));
  return a;
};

/** Tag ids (index 0 = root) for the parser's features; unknown tags count as X. */
export const tagAtoms = (tags: string[]): Int32Array => {
  const a = new Int32Array(tags.length + 1);
  a[0] = ROOT_TAG;
  for (let i = 0; i < tags.length; i++) a[i + 1] = TAG_ID.get(tags[i]) ?? X_TAG;
  return a;
};

const CLOSED = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ', 'PUNCT', 'SYM', 'INTJ'].map((t) => TAG_ID.get(t)!));
const SUFFIXED = new Set(['NOUN', 'VERB', 'ADJ', 'ADV'].map((t) => TAG_ID.get(t)!));

/** Fine tag atoms (index 0 = root): the tag with the word for closed classes, with its last two letters for open ones. */
export const fineAtoms = (words: string[], tag: Int32Array): Int32Array => {
  const a = new Int32Array(words.length + 1);
  a[0] = ROOT_TAG;
  for (let i = 0; i < words.length; i++) {
    const t = tag[i + 1];
    const w = normalizeForm(words[i]);
    a[i + 1] = CLOSED.has(t) ? mix(t, fnv1a(w)) : SUFFIXED.has(t) ? mix(t + 64, fnv1a(w, Math.max(0, w.length - 2))) : t;
  }
  return a;
};

/** A trained parser. Classes of `model`: SHIFT, then LEFT-l for each label l, then RIGHT-l. */
export class Parser {
  private readonly state = new ArcHybridState();
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  private readonly table: ParserTable;

  /**
   * @param model action weights
   * @param labels dependency labels, by id
   */
  constructor(
    readonly model: LinearModel,
    readonly labels: string[],
  ) {
    this.scores = new Float64Array(1 + 2 * labels.length);
    this.table = new ParserTable(model);
  }

  /** Parses a tagged sentence (UPOS tags); heads are 1-based with 0 for the root. */
  parse(words: string[], tags: string[]): ParseResult {
    if (words.length !== tags.length) throw new Error('parse: words and tags differ in length');
    if (!words.length) return { head: [], deprel: [] };
    const tag = tagAtoms(tags);
    const s = this.parseAtoms(wordAtoms(words), tag, fineAtoms(words, tag));
    const head: number[] = new Array(words.length);
    const deprel: string[] = new Array(words.length);
    for (let i = 1; i <= words.length; i++) {
      head[i - 1] = s.head[i];
      deprel[i - 1] = this.labels[s.label[i]];
    }
    return { head, deprel };
  }

  /** Parses from word, tag and fine-tag atoms (index 0 = root); the result is in the returned (reused) state. */
  parseAtoms(word: Int32Array, tag: Int32Array, fine: Int32Array): ArcHybridState {
    const s = this.state;
    const L = this.labels.length;
    const sc = this.scores;
    const feats = this.feats;
    const { slots, mask, more } = this.table;
    s.reset(word.length - 1);
    while (!s.terminal()) {
      const nf = extractFeatures(s, word, tag, fine, feats);
      sc.fill(0);
      for (let f = 0; f < nf; f++) {
        const k = feats[f] | 0;
        let i = (k ^ (k >>> 15)) & mask;
        for (;;) {
          const at = i << 2;
          const sk = slots[at];
          if (sk === k) {
            let p = slots[at + 1];
            sc[p >>> 16] += (p << 16) >> 16;
            const meta = slots[at + 3];
            const n = meta & 0xff;
            if (n > 1) {
              p = slots[at + 2];
              sc[p >>> 16] += (p << 16) >> 16;
              for (let e = meta >>> 8, end = e + n - 2; e < end; e++) {
                p = more[e];
                sc[p >>> 16] += (p << 16) >> 16;
              }
            }
            break;
          }
          if (sk === 0) break;
          i = (i + 1) & mask;
        }
      }
      s.apply(...decode(bestAction(s, sc, L), L));
    }
    return s;
  }
}

/** The best-scoring legal action (0 = SHIFT, 1..L = LEFT-l, L+1..2L = RIGHT-l). */
const bestAction = (s: ArcHybridState, sc: Float64Array, L: number): number => {
  let best = -1;
  if (s.legal(SHIFT)) best = 0;
  if (s.legal(LEFT)) for (let c = 1; c <= L; c++) if (best < 0 || sc[c] > sc[best]) best = c;
  if (s.legal(RIGHT)) for (let c = L + 1; c <= 2 * L; c++) if (best < 0 || sc[c] > sc[best]) best = c;
  return best;
};

/** Transition and label of an action id. */
const decode = (a: number, L: number): [number, number] => (a === 0 ? [SHIFT, -1] : a <= L ? [LEFT, a - 1] : [RIGHT, a - 1 - L]);

/** A training or evaluation sentence: words, the tags to parse with, gold heads and labels. */
export interface ParseSentence {
  words: string[];
  tags: string[];
  head: number[];
  deprel: string[];
}

/** Options for trainParser. */
export interface ParserTrainOptions {
  epochs: number;
  /** Sentences (with predicted tags) to pick the best epoch on; without them the last epoch is kept. */
  dev?: ParseSentence[];
  /** From this epoch on, follow the model's own (possibly wrong) transition with probability `exploreP`. */
  exploreFrom?: number;
  exploreP?: number;
  seed?: number;
  /** Quantisation width of the saved weights. */
  bits?: 8 | 16;
  log?: (line: string) => void;
}

/** Attachment scores; `las` compares universal labels (subtypes stripped, as CoNLL 2018), `lasFull` whole labels. */
export interface Scores {
  uas: number;
  las: number;
  lasFull: number;
  words: number;
}

/** Scores a parser on sentences (punctuation included). */
export const evaluateParser = (parser: Parser, sentences: ParseSentence[]): Scores => {
  let words = 0;
  let ua = 0;
  let la = 0;
  let lf = 0;
  for (const s of sentences) {
    const p = parser.parse(s.words, s.tags);
    for (let i = 0; i < s.words.length; i++) {
      words++;
      if (p.head[i] !== s.head[i]) continue;
      ua++;
      if (p.deprel[i] === s.deprel[i]) lf++;
      if (p.deprel[i].split(':')[0] === s.deprel[i].split(':')[0]) la++;
    }
  }
  return { uas: ua / words, las: la / words, lasFull: lf / words, words };
};

/** Trains a parser, keeping the epoch with the best labelled score on `dev`. */
export const trainParser = (train: ParseSentence[], opt: ParserTrainOptions): { parser: Parser; epoch: number; dev?: Scores } => {
  const labelCount = new Map<string, number>();
  for (const s of train) for (const d of s.deprel) labelCount.set(d, (labelCount.get(d) ?? 0) + 1);
  const labels = [...labelCount.keys()].sort((a, b) => labelCount.get(b)! - labelCount.get(a)! || (a < b ? -1 : 1));
  if (labels.length > 64) throw new Error(`trainParser: ${labels.length} labels, at most 64 supported`);
  const L = labels.length;
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const data = train.map((s) => {
    const head = new Int32Array(s.words.length + 1);
    for (let i = 0; i < s.words.length; i++) head[i + 1] = s.head[i];
    const label = new Int32Array(s.words.length + 1);
    for (let i = 0; i < s.words.length; i++) label[i + 1] = labelId.get(s.deprel[i])!;
    const tag = tagAtoms(s.tags);
    return { word: wordAtoms(s.words), tag, fine: fineAtoms(s.words, tag), gold: new GoldTree(projectivize(head)), label };
  });
  const A = 1 + 2 * L;
  const weights = new AveragedWeights(A);
  const random = makeRandom(opt.seed ?? 7);
  const state = new ArcHybridState();
  const feats = new Uint32Array(MAX_FEATURES);
  const sc = new Float64Array(A);
  const tcost = new Float64Array(3);
  const cost = new Float64Array(A);
  const exploreFrom = opt.exploreFrom ?? 2;
  const exploreP = opt.exploreP ?? 0.9;
  let time = 1;
  let best: { parser: Parser; epoch: number; dev?: Scores } | null = null;
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    const t0 = performance.now();
    let wrong = 0;
    let steps = 0;
    for (const s of shuffle(data.slice(), random)) {
      state.reset(s.word.length - 1);
      while (!state.terminal()) {
        const nf = extractFeatures(state, s.word, s.tag, s.fine, feats);
        weights.score(feats, nf, sc);
        transitionCosts(state, s.gold, tcost);
        // a labelled arc also costs one when its label is not the dependent's gold label
        const gl = state.sp > 0 ? s.label[state.stack[state.sp - 1]] : -1;
        cost[0] = tcost[SHIFT];
        for (let l = 0; l < L; l++) {
          cost[1 + l] = tcost[LEFT] + (l === gl ? 0 : 1);
          cost[1 + L + l] = tcost[RIGHT] + (l === gl ? 0 : 1);
        }
        const pred = bestAction(state, sc, L);
        let minCost = Infinity;
        for (let c = 0; c < A; c++) if (cost[c] < minCost) minCost = cost[c];
        let gold = -1;
        for (let c = 0; c < A; c++) if (cost[c] === minCost && (gold < 0 || sc[c] > sc[gold])) gold = c;
        if (cost[pred] > minCost) {
          weights.update(feats, nf, gold, 1, time);
          weights.update(feats, nf, pred, -1, time);
          wrong++;
        }
        const explore = epoch >= exploreFrom && random() < exploreP;
        state.apply(...decode(explore ? pred : gold, L));
        steps++;
        time++;
      }
    }
    const parser = new Parser(weights.toModel(time, opt.bits ?? 16), labels);
    const dev = opt.dev ? evaluateParser(parser, opt.dev) : undefined;
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    opt.log?.(
      `parser epoch ${epoch}: transition errors ${(wrong / steps).toFixed(4)}` +
        (dev ? `, dev UAS ${dev.uas.toFixed(4)} LAS ${dev.las.toFixed(4)} (full labels ${dev.lasFull.toFixed(4)})` : '') +
        ` [${weights.rows} rows, ${secs}s]`,
    );
    if (!best || !dev || !best.dev || dev.las > best.dev.las) best = { parser, epoch, dev };
  }
  return best!;
};
