/**
 * Feature templates of the parser, after Zhang & Nivre (2011) adapted to arc-hybrid: words, tags and fine
 * tags of s0..s2 and b0..b2, the left/right-most children of s0, s1 and b0 with their labels, distances,
 * valencies and label sets, kept where they earned their cost in ablations on EWT dev. Each feature is a
 * template number mixed with integer atoms (word hashes, tag and label ids); no strings are built at parse time.
 * The first LABEL_FEATURES templates also score arc labels; the rest score the transitions only.
 */
import type { ArcHybridState } from './arc-hybrid.js';
import { key1, key2, key3, key4 } from './hash.js';

/** Word atom for "no such position". */
export const NO_WORD = 0x2f2f2f2f;
/** Word atom of the artificial root. */
export const ROOT_WORD = 0x7e7e7e7e;
/** Tag id for "no such position". */
export const NO_TAG = 0;
/** Tag id of the artificial root. */
export const ROOT_TAG = 1;
/** The first LABEL_FEATURES features of a configuration also score the arc labels. */
export const LABEL_FEATURES = 71;
/** Most features a configuration can produce. */
export const MAX_FEATURES = 128;

/** Per-word atoms of a sentence for the parser's features (index 0 = the root). */
export interface SentenceAtoms {
  /** Hash of the normalised word. */
  word: Int32Array;
  /** Tag id (unknown tags count as X). */
  tag: Int32Array;
  /** Fine tag: the tag with the word for closed classes, with its last two letters for open ones. */
  fine: Int32Array;
  /** Fine and coarse word cluster (0 = unknown word). */
  cf: Int32Array;
  cc: Int32Array;
}

const NO_LABEL = 99;

const bucket = (d: number): number => (d <= 5 ? d : d <= 8 ? 6 : d <= 12 ? 7 : 8);

/**
 * Writes the feature keys of state `s` into `out` and returns how many there are.
 * @param word word atom of each position (0 = root)
 * @param tag tag id of each position (0 = root)
 * @param fine fine tag atom of each position (0 = root): the tag with the word (closed classes) or its ending
 */
export const extractFeatures = (s: ArcHybridState, a: SentenceAtoms, out: Uint32Array): number => {
  const word = a.word;
  const tag = a.tag;
  const fine = a.fine;
  const cf = a.cf;
  const cc = a.cc;
  const st = s.stack;
  const sp = s.sp;
  const n = s.n;
  const s0 = sp > 0 ? st[sp - 1] : -1;
  const s1 = sp > 1 ? st[sp - 2] : -1;
  const s2 = sp > 2 ? st[sp - 3] : -1;
  const b0 = s.b <= n ? s.b : 0;
  const b1 = s.b + 1 <= n ? s.b + 1 : s.b + 1 === n + 1 ? 0 : -1;
  const b2 = s.b + 2 <= n ? s.b + 2 : s.b + 2 === n + 1 ? 0 : -1;
  const W = (p: number) => (p < 0 ? NO_WORD : word[p]);
  const T = (p: number) => (p < 0 ? NO_TAG : tag[p]);
  const L = (p: number) => (p < 0 ? NO_LABEL : s.label[p]);

  const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2);
  const b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const s0l1 = s0 >= 0 ? s.l1[s0] : -1, s0l2 = s0 >= 0 ? s.l2[s0] : -1;
  const s0r1 = s0 >= 0 ? s.r1[s0] : -1;
  const s1l1 = s1 >= 0 ? s.l1[s1] : -1, s1r1 = s1 >= 0 ? s.r1[s1] : -1;
  const b0l1 = s.l1[b0], b0l2 = s.l2[b0];
  const s0l1t = T(s0l1), s0l2t = T(s0l2), s0r1t = T(s0r1);
  const s1l1t = T(s1l1), s1r1t = T(s1r1), b0l1t = T(b0l1), b0l2t = T(b0l2);
  const s0l1l = L(s0l1), s0l2l = L(s0l2), s0r1l = L(s0r1);
  const b0l1l = L(b0l1), b0l2l = L(b0l2);
  // distances: root at the end of the buffer gets its own bucket
  const d0 = s0 < 0 ? 0 : b0 === 0 ? 9 : bucket(b0 - s0);
  const d1 = s1 < 0 ? 0 : bucket(s0 - s1);
  const s0vl = s0 >= 0 ? s.nl[s0] : 0, s0vr = s0 >= 0 ? s.nr[s0] : 0;
  const b0vl = s.nl[b0];

  const F = (p: number) => (p < 0 ? NO_TAG : fine[p]);
  const s0f = F(s0), s1f = F(s1), b0f = F(b0), b1f = F(b1);
  let k = 0;
  // features that score both the transitions and the labels
  out[k++] = key1(1, s0w);
  out[k++] = key2(3, s0w, s0t);
  out[k++] = key1(8, b0t);
  out[k++] = key2(9, b0w, b0t);
  out[k++] = key1(11, b1t);
  out[k++] = key4(20, s0w, s0t, b0w, b0t);
  out[k++] = key2(25, s0w, b0w);
  out[k++] = key2(26, s0t, b0t);
  out[k++] = key4(30, s1w, s1t, s0w, s0t);
  out[k++] = key2(35, s1w, s0w);
  out[k++] = key2(36, s1t, s0t);
  out[k++] = key3(45, s0t, b0t, b1t);
  out[k++] = key3(46, s1t, s0t, b0t);
  out[k++] = key2(60, W(s0l1), s0l1t);
  out[k++] = key1(61, s0l1t);
  out[k++] = key1(62, s0l1l);
  out[k++] = key1(76, b0l1l);
  out[k++] = key3(91, s0w, s0l1l, b0t);
  out[k++] = key3(93, s0t, s0l1l, s0l2l);
  out[k++] = key3(95, b0t, b0l1l, b0l2l);
  out[k++] = key3(97, s0t, s0l1l, s0r1l);
  out[k++] = key3(104, s0w, b0w, d0);
  out[k++] = key2(121, s0t, s0vl);
  out[k++] = key3(130, s0t, s0 >= 0 ? s.lsetLo[s0] : 0, s0 >= 0 ? s.lsetHi[s0] : 0);
  out[k++] = key3(132, b0t, s.lsetLo[b0], s.lsetHi[b0]);
  out[k++] = key3(134, s0w, s0 >= 0 ? s.rsetLo[s0] : 0, s0 >= 0 ? s.rsetHi[s0] : 0);
  out[k++] = key1(150, s0f);
  out[k++] = key2(154, s0f, b0f);
  out[k++] = key2(155, s1f, s0f);
  out[k++] = key3(156, s1f, s0f, b0f);
  out[k++] = key2(161, s0f, d0);
  out[k++] = key3(162, s1f, s0f, d1);
  out[k++] = key3(21, s0w, s0t, b0w);
  out[k++] = key3(22, s0w, b0w, b0t);
  out[k++] = key3(23, s0w, s0t, b0t);
  out[k++] = key3(24, s0t, b0w, b0t);
  out[k++] = key3(31, s1w, s1t, s0w);
  out[k++] = key3(32, s1w, s0w, s0t);
  out[k++] = key3(33, s1w, s1t, s0t);
  out[k++] = key3(34, s1t, s0w, s0t);
  out[k++] = key2(41, b0w, b1t);
  out[k++] = key2(43, b0w, b1w);
  out[k++] = key3(47, s2t, s1t, s0t);
  out[k++] = key3(48, s1t, s0t, b1t);
  out[k++] = key3(49, s0w, b0t, b1t);
  out[k++] = key3(50, s1t, s0w, b0t);
  out[k++] = key3(51, s1t, s0t, b0w);
  out[k++] = key3(82, s0t, b0t, b0l1t);
  out[k++] = key3(86, s1t, s0t, s0l1t);
  out[k++] = key3(87, s1t, s0t, s0r1t);
  out[k++] = key3(89, s1t, s1l1t, s0t);
  out[k++] = key3(92, s0w, s0r1l, b0t);
  out[k++] = key2(100, s0w, d0);
  out[k++] = key2(102, b0w, d0);
  out[k++] = key2(108, s0w, d1);
  out[k++] = key3(110, s1w, s0w, d1);
  out[k++] = key4(112, s1t, s0t, d1, d0);
  out[k++] = key2(120, s0w, s0vl);
  out[k++] = key2(122, s0w, s0vr);
  out[k++] = key2(127, b0w, b0vl);
  out[k++] = key3(157, s0f, b0f, b1f);
  out[k++] = key3(160, s1f, s1r1t, s0f);
  out[k++] = key3(163, s2t, s1f, s0f);
  // word clusters (Koo et al. 2008): back-off for rare words
  const C = (p: number) => (p < 0 ? -1 : cf[p]);
  const CC = (p: number) => (p < 0 ? -1 : cc[p]);
  const s0c = C(s0), b0c = C(b0), s1c = C(s1), s0cc = CC(s0), b0cc = CC(b0), s1cc = CC(s1);
  out[k++] = key2(200, s0c, s0t);
  out[k++] = key2(201, b0c, b0t);
  out[k++] = key2(202, s1c, s1t);
  out[k++] = key3(204, s0c, s0t, b0t);
  out[k++] = key3(205, s0t, b0c, b0t);
  out[k++] = key2(206, s0cc, b0cc);
  out[k++] = key2(207, s1cc, s0cc);
  out[k++] = key3(210, s0cc, b0cc, d0);
  if (k !== LABEL_FEATURES) throw new Error('parser features: label feature count changed');
  // features that score the transitions only
  out[k++] = key2(12, b1w, b1t);
  out[k++] = key1(13, b2w);
  out[k++] = key2(40, b0t, b1t);
  out[k++] = key3(44, b0t, b1t, b2t);
  out[k++] = key1(66, s0l2t);
  out[k++] = key1(67, s0l2l);
  out[k++] = key2(74, W(b0l1), b0l1t);
  out[k++] = key3(81, s0t, s0r1t, b0t);
  out[k++] = key3(83, s0t, s0l1t, s0l2t);
  out[k++] = key3(85, b0t, b0l1t, b0l2t);
  out[k++] = key2(128, b0t, b0vl);
  out[k++] = key2(158, b0f, b0l1t);
  out[k++] = key1(203, C(b1));
  out[k++] = key2(208, s0c, b0c);
  out[k++] = key2(209, s1c, s0c);
  out[k++] = key3(211, s1cc, s0cc, b0cc);
  return k;
};
