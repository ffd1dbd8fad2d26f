/**
 * A greedy labelled arc-hybrid dependency parser with an averaged perceptron, trained with the dynamic oracle
 * and error exploration (Goldberg & Nivre 2012). The actions are SHIFT, LEFT-l and RIGHT-l for every label l;
 * an action's score is its transition's score (from all features) plus its label's score for that direction
 * (from the first LABEL_FEATURES features), and the best legal action is taken.
 */
import { ArcHybridState, GoldTree, LEFT, RIGHT, SHIFT, projectivize, transitionCosts } from './arc-hybrid.js';
import { WeightTable } from './weight-table.js';
import { AveragedWeights } from './averaged-perceptron.js';
import { fnv1a, makeRandom, mix, shuffle } from './hash.js';
import { type LinearModel, joinModels, maxAbs } from './linear-model.js';
import type { ClusterTable } from './clusters.js';
import { LABEL_FEATURES, MAX_FEATURES, ROOT_TAG, ROOT_WORD, extractFeatures, type SentenceAtoms } from './parser-features.js';
import { UPOS_TAGS, normalizeForm } from './tagger.js';

/** Heads (1-based, 0 = root) and dependency labels, one per word. */
export interface ParseResult {
  head: number[];
  deprel: string[];
}

const TAG_ID = new Map(UPOS_TAGS.map((t, i) => [t, i + 2]));
const X_TAG = TAG_ID.get('X')!;

const CLOSED = new Set(['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ', 'PUNCT', 'SYM', 'INTJ'].map((t) => TAG_ID.get(t)!));
const SUFFIXED = new Set(['NOUN', 'VERB', 'ADJ', 'ADV'].map((t) => TAG_ID.get(t)!));

export type { SentenceAtoms };

/** Computes the parser's per-word atoms for a tagged sentence. */
export const sentenceAtoms = (words: string[], tags: string[], clusters: ClusterTable | null = null): SentenceAtoms => {
  const n = words.length;
  const word = new Int32Array(n + 1);
  const tag = new Int32Array(n + 1);
  const fine = new Int32Array(n + 1);
  const cf = new Int32Array(n + 1);
  const cc = new Int32Array(n + 1);
  word[0] = ROOT_WORD;
  tag[0] = fine[0] = ROOT_TAG;
  cf[0] = cc[0] = -2;
  for (let i = 0; i < n; i++) {
    const w = normalizeForm(words[i]);
    const t = TAG_ID.get(tags[i]) ?? X_TAG;
    word[i + 1] = fnv1a(w);
    tag[i + 1] = t;
    fine[i + 1] = CLOSED.has(t) ? mix(t, word[i + 1]) : SUFFIXED.has(t) ? mix(t + 64, fnv1a(w, Math.max(0, w.length - 2))) : t;
    if (clusters) {
      const c = clusters.lookup(word[i + 1]);
      cf[i + 1] = c;
      cc[i + 1] = c ? 1 + Math.floor((c - 1) / clusters.fanout) : 0;
    }
  }
  return { word, tag, fine, cf, cc };
};

/** A trained parser. Classes of `model`: SHIFT, LEFT, RIGHT, then the label of a left arc for each label, then of a right arc. */
export class Parser {
  private readonly state = new ArcHybridState();
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  private readonly table: WeightTable;

  /**
   * @param model transition and label weights (one quantisation scale)
   * @param labels dependency labels, by id
   * @param clusters word clusters the model was trained with, if any
   */
  constructor(
    readonly model: LinearModel,
    readonly labels: string[],
    readonly clusters: ClusterTable | null = null,
  ) {
    this.scores = new Float64Array(3 + 2 * labels.length);
    this.table = new WeightTable(model);
  }

  /** Parses a tagged sentence (UPOS tags); heads are 1-based with 0 for the root. */
  parse(words: string[], tags: string[]): ParseResult {
    if (words.length !== tags.length) throw new Error('parse: words and tags differ in length');
    if (!words.length) return { head: [], deprel: [] };
    const a = sentenceAtoms(words, tags, this.clusters);
    const s = this.parseAtoms(a);
    const head: number[] = new Array(words.length);
    const deprel: string[] = new Array(words.length);
    for (let i = 1; i <= words.length; i++) {
      head[i - 1] = s.head[i];
      deprel[i - 1] = this.labels[s.label[i]];
    }
    return { head, deprel };
  }

  /** Parses from a sentence's atoms (index 0 = root); the result is in the returned (reused) state. */
  parseAtoms(a: SentenceAtoms): ArcHybridState {
    const s = this.state;
    const L = this.labels.length;
    const sc = this.scores;
    const feats = this.feats;
    const table = this.table;
    s.reset(a.word.length - 1);
    while (!s.terminal()) {
      const nf = extractFeatures(s, a, feats);
      sc.fill(0);
      table.score(feats, nf, sc);
      const act = bestAction(s, sc, 3, sc, L);
      if (act === 0) s.apply(SHIFT, -1);
      else if (act <= L) s.apply(LEFT, act - 1);
      else s.apply(RIGHT, act - 1 - L);
    }
    return s;
  }
}

/**
 * The best legal action (0 = SHIFT, 1..L = LEFT-l, L+1..2L = RIGHT-l), scoring SHIFT as `t[0]`, LEFT-l as
 * `t[1] + lab[at + l]` and RIGHT-l as `t[2] + lab[at + L + l]`.
 */
const bestAction = (s: ArcHybridState, t: Float64Array, at: number, lab: Float64Array, L: number): number => {
  let best = -1;
  let bestScore = -Infinity;
  if (s.legal(SHIFT)) {
    best = 0;
    bestScore = t[0];
  }
  if (s.legal(LEFT)) {
    for (let l = 0; l < L; l++) {
      const v = t[1] + lab[at + l];
      if (best < 0 || v > bestScore) (best = 1 + l), (bestScore = v);
    }
  }
  if (s.legal(RIGHT)) {
    for (let l = 0; l < L; l++) {
      const v = t[2] + lab[at + L + l];
      if (best < 0 || v > bestScore) (best = 1 + L + l), (bestScore = v);
    }
  }
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
  /** Word clusters for back-off features. */
  clusters?: ClusterTable | null;
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
    return { atoms: sentenceAtoms(s.words, s.tags, opt.clusters ?? null), gold: new GoldTree(projectivize(head)), label };
  });
  const A = 1 + 2 * L;
  const tw = new AveragedWeights(3);
  const lw = new AveragedWeights(2 * L);
  const random = makeRandom(opt.seed ?? 7);
  const state = new ArcHybridState();
  const feats = new Uint32Array(MAX_FEATURES);
  const tsc = new Float64Array(3);
  const lsc = new Float64Array(2 * L);
  const sc = new Float64Array(A);
  const tcost = new Float64Array(3);
  const cost = new Float64Array(A);
  const exploreFrom = opt.exploreFrom ?? 2;
  const exploreP = opt.exploreP ?? 0.9;
  const transitionOf = (a: number) => (a === 0 ? SHIFT : a <= L ? LEFT : RIGHT);
  let time = 1;
  let best: { parser: Parser; epoch: number; dev?: Scores } | null = null;
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    const t0 = performance.now();
    let wrong = 0;
    let steps = 0;
    for (const s of shuffle(data.slice(), random)) {
      state.reset(s.atoms.word.length - 1);
      while (!state.terminal()) {
        const nf = extractFeatures(state, s.atoms, feats);
        tw.score(feats, nf, tsc);
        lw.score(feats, LABEL_FEATURES, lsc);
        sc[0] = tsc[0];
        for (let l = 0; l < L; l++) {
          sc[1 + l] = tsc[1] + lsc[l];
          sc[1 + L + l] = tsc[2] + lsc[L + l];
        }
        transitionCosts(state, s.gold, tcost);
        // a labelled arc also costs one when its label is not the dependent's gold label
        const gl = state.sp > 0 ? s.label[state.stack[state.sp - 1]] : -1;
        cost[0] = tcost[SHIFT];
        for (let l = 0; l < L; l++) {
          cost[1 + l] = tcost[LEFT] + (l === gl ? 0 : 1);
          cost[1 + L + l] = tcost[RIGHT] + (l === gl ? 0 : 1);
        }
        const pred = bestAction(state, tsc, 0, lsc, L);
        let minCost = Infinity;
        for (let c = 0; c < A; c++) if (cost[c] < minCost) minCost = cost[c];
        let gold = -1;
        for (let c = 0; c < A; c++) if (cost[c] === minCost && (gold < 0 || sc[c] > sc[gold])) gold = c;
        if (cost[pred] > minCost) {
          const tg = transitionOf(gold);
          const tp = transitionOf(pred);
          if (tg !== tp) {
            tw.update(feats, nf, tg, 1, time);
            tw.update(feats, nf, tp, -1, time);
          }
          if (gold !== pred) {
            if (gold > 0) lw.update(feats, LABEL_FEATURES, gold - 1, 1, time);
            if (pred > 0) lw.update(feats, LABEL_FEATURES, pred - 1, -1, time);
          }
          wrong++;
        }
        const explore = epoch >= exploreFrom && random() < exploreP;
        state.apply(...decode(explore ? pred : gold, L));
        steps++;
        time++;
      }
    }
    // one quantisation scale for both blocks, since their scores are added
    const bits = opt.bits ?? 16;
    const tavg = tw.average(time);
    const lavg = lw.average(time);
    const top = Math.max(maxAbs(tavg), maxAbs(lavg));
    const parser = new Parser(joinModels(tw.toModel(time, bits, tavg, top), lw.toModel(time, bits, lavg, top)), labels, opt.clusters ?? null);
    const dev = opt.dev ? evaluateParser(parser, opt.dev) : undefined;
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    opt.log?.(
      `parser epoch ${epoch}: transition errors ${(wrong / steps).toFixed(4)}` +
        (dev ? `, dev UAS ${dev.uas.toFixed(4)} LAS ${dev.las.toFixed(4)} (full labels ${dev.lasFull.toFixed(4)})` : '') +
        ` [${tw.rows}+${lw.rows} rows, ${secs}s]`,
    );
    if (!best || !dev || !best.dev || dev.las > best.dev.las) best = { parser, epoch, dev };
  }
  return best!;
};
