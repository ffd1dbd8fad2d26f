/**
 * A greedy labelled arc-hybrid dependency parser with an averaged perceptron, trained with the dynamic oracle
 * and error exploration (Goldberg & Nivre 2012). One weight table scores the three transitions; a second
 * block of classes scores the label of each new arc (one set of labels per arc direction).
 */
import { ArcHybridState, GoldTree, LEFT, RIGHT, SHIFT, projectivize, transitionCosts } from './arc-hybrid.js';
import { ParserTable } from './parser-table.js';
import { AveragedWeights } from './averaged-perceptron.js';
import { fnv1a, makeRandom, mix, shuffle } from './hash.js';
import { type LinearModel, joinModels } from './linear-model.js';
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

/** A trained parser. Classes of `model`: SHIFT, LEFT, RIGHT, then the labels of left arcs, then of right arcs. */
export class Parser {
  private readonly state = new ArcHybridState();
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly found = new Int32Array(MAX_FEATURES);
  private readonly scores: Float64Array;
  private readonly table: ParserTable;

  /**
   * @param model joined transition and label weights
   * @param labels dependency labels, by id
   */
  constructor(
    readonly model: LinearModel,
    readonly labels: string[],
  ) {
    this.scores = new Float64Array(Math.max(3, labels.length));
    this.table = new ParserTable(model, labels.length);
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
    const found = this.found;
    const slots = this.table.slots;
    const mask = this.table.mask;
    const lcls = this.table.labelCls;
    const lval = this.table.labelVal;
    s.reset(word.length - 1);
    while (!s.terminal()) {
      const nf = extractFeatures(s, word, tag, fine, feats);
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      for (let f = 0; f < nf; f++) {
        // inlined ParserTable.find
        const k = feats[f] | 0;
        let i = (k ^ (k >>> 15)) & mask;
        let at = -1;
        for (;;) {
          const sk = slots[i << 2];
          if (sk === k) {
            at = i << 2;
            break;
          }
          if (sk === 0) break;
          i = (i + 1) & mask;
        }
        found[f] = at;
        if (at < 0) continue;
        const a = slots[at + 1];
        t0 += (a << 16) >> 16;
        t1 += a >> 16;
        t2 += (slots[at + 2] << 16) >> 16;
      }
      let t = -1;
      if (s.legal(SHIFT)) t = SHIFT;
      if (s.legal(LEFT) && (t < 0 || t1 > t0)) t = LEFT;
      if (s.legal(RIGHT) && (t < 0 || t2 > (t === SHIFT ? t0 : t1))) t = RIGHT;
      let lab = -1;
      if (t !== SHIFT) {
        sc.fill(0, 0, L);
        for (let f = 0; f < nf; f++) {
          const at = found[f];
          if (at < 0) continue;
          const meta = slots[at + 2];
          const nl = (meta >>> 16) & 0xff;
          let e = slots[at + 3];
          let end = e + nl;
          if (t === RIGHT) {
            e = end;
            end += meta >>> 24;
          }
          for (; e < end; e++) sc[lcls[e]] += lval[e];
        }
        lab = 0;
        for (let c = 1; c < L; c++) if (sc[c] > sc[lab]) lab = c;
      }
      s.apply(t, lab);
    }
    return s;
  }
}

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
  const tw = new AveragedWeights(3);
  const lw = new AveragedWeights(2 * L);
  const random = makeRandom(opt.seed ?? 7);
  const state = new ArcHybridState();
  const feats = new Uint32Array(MAX_FEATURES);
  const sc = new Float64Array(3);
  const lsc = new Float64Array(L);
  const cost = new Float64Array(3);
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
        tw.score(feats, nf, sc);
        transitionCosts(state, s.gold, cost);
        let pred = -1;
        let gold = -1;
        let minCost = Infinity;
        for (let c = 0; c < 3; c++) if (cost[c] < minCost) minCost = cost[c];
        for (let c = 0; c < 3; c++) {
          if (cost[c] === Infinity) continue;
          if (pred < 0 || sc[c] > sc[pred]) pred = c;
          if (cost[c] === minCost && (gold < 0 || sc[c] > sc[gold])) gold = c;
        }
        if (cost[pred] > minCost) {
          tw.update(feats, nf, gold, 1, time);
          tw.update(feats, nf, pred, -1, time);
          wrong++;
        }
        const explore = epoch >= exploreFrom && random() < exploreP;
        const t = explore ? pred : gold;
        let lab = -1;
        if (t !== SHIFT) {
          const d = state.stack[state.sp - 1];
          const from = t === LEFT ? 0 : L;
          lw.score(feats, nf, lsc, from, from + L);
          let pl = 0;
          for (let c = 1; c < L; c++) if (lsc[c] > lsc[pl]) pl = c;
          const gl = s.label[d];
          if (pl !== gl) {
            lw.update(feats, nf, from + gl, 1, time);
            lw.update(feats, nf, from + pl, -1, time);
          }
          lab = explore ? pl : gl;
        }
        state.apply(t, lab);
        steps++;
        time++;
      }
    }
    const parser = new Parser(joinModels(tw.toModel(time, opt.bits ?? 16), lw.toModel(time, opt.bits ?? 16)), labels);
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
