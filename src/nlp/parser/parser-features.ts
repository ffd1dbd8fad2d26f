/**
 * Feature templates of the parser, after Zhang & Nivre (2011) adapted to arc-hybrid: words and tags of
 * s0..s2 and b0..b2, the left/right-most children of s0, s1 and b0 with their labels, distances, valencies
 * and label sets. Each feature is a template number mixed with integer atoms (word hashes, tag and label ids);
 * no strings are built at parse time.
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
/** Most features a configuration can produce. */
export const MAX_FEATURES = 160;

const NO_LABEL = 99;
const EXP_NOFINE = !!process.env.DYAD_NOFINE;

const bucket = (d: number): number => (d <= 5 ? d : d <= 8 ? 6 : d <= 12 ? 7 : 8);

/**
 * Writes the feature keys of state `s` into `out` and returns how many there are.
 * @param word word atom of each position (0 = root)
 * @param tag tag id of each position (0 = root)
 * @param fine fine tag atom of each position (0 = root): the tag with the word (closed classes) or its ending
 */
export const extractFeatures = (s: ArcHybridState, word: Int32Array, tag: Int32Array, fine: Int32Array, out: Uint32Array): number => {
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

  const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2t = T(s2), s2w = W(s2);
  const b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
  const s0l1 = s0 >= 0 ? s.l1[s0] : -1, s0l2 = s0 >= 0 ? s.l2[s0] : -1;
  const s0r1 = s0 >= 0 ? s.r1[s0] : -1, s0r2 = s0 >= 0 ? s.r2[s0] : -1;
  const s1l1 = s1 >= 0 ? s.l1[s1] : -1, s1r1 = s1 >= 0 ? s.r1[s1] : -1, s1r2 = s1 >= 0 ? s.r2[s1] : -1;
  const b0l1 = s.l1[b0], b0l2 = s.l2[b0];
  const s0l1t = T(s0l1), s0l2t = T(s0l2), s0r1t = T(s0r1), s0r2t = T(s0r2);
  const s1l1t = T(s1l1), s1r1t = T(s1r1), s1r2t = T(s1r2), b0l1t = T(b0l1), b0l2t = T(b0l2);
  const s0l1l = L(s0l1), s0l2l = L(s0l2), s0r1l = L(s0r1), s0r2l = L(s0r2);
  const s1l1l = L(s1l1), s1r1l = L(s1r1), b0l1l = L(b0l1), b0l2l = L(b0l2);
  // distances: root at the end of the buffer gets its own bucket
  const d0 = s0 < 0 ? 0 : b0 === 0 ? 9 : bucket(b0 - s0);
  const d1 = s1 < 0 ? 0 : bucket(s0 - s1);
  const s0vl = s0 >= 0 ? s.nl[s0] : 0, s0vr = s0 >= 0 ? s.nr[s0] : 0;
  const s1vl = s1 >= 0 ? s.nl[s1] : 0, s1vr = s1 >= 0 ? s.nr[s1] : 0, b0vl = s.nl[b0];

  let k = 0;
  // unigrams
  out[k++] = key1(1, s0w);
  out[k++] = key1(2, s0t);
  out[k++] = key2(3, s0w, s0t);
  out[k++] = key1(4, s1w);
  out[k++] = key1(5, s1t);
  out[k++] = key2(6, s1w, s1t);
  out[k++] = key1(7, b0w);
  out[k++] = key1(8, b0t);
  out[k++] = key2(9, b0w, b0t);
  out[k++] = key1(10, b1w);
  out[k++] = key1(11, b1t);
  out[k++] = key2(12, b1w, b1t);
  out[k++] = key1(13, b2w);
  out[k++] = key1(14, b2t);
  out[k++] = key1(15, s2t);
  out[k++] = key1(16, s2w);
  // s0–b0 pairs
  out[k++] = key4(20, s0w, s0t, b0w, b0t);
  out[k++] = key3(21, s0w, s0t, b0w);
  out[k++] = key3(22, s0w, b0w, b0t);
  out[k++] = key3(23, s0w, s0t, b0t);
  out[k++] = key3(24, s0t, b0w, b0t);
  out[k++] = key2(25, s0w, b0w);
  out[k++] = key2(26, s0t, b0t);
  // s1–s0 pairs
  out[k++] = key4(30, s1w, s1t, s0w, s0t);
  out[k++] = key3(31, s1w, s1t, s0w);
  out[k++] = key3(32, s1w, s0w, s0t);
  out[k++] = key3(33, s1w, s1t, s0t);
  out[k++] = key3(34, s1t, s0w, s0t);
  out[k++] = key2(35, s1w, s0w);
  out[k++] = key2(36, s1t, s0t);
  // buffer pairs and tag trigrams
  out[k++] = key2(40, b0t, b1t);
  out[k++] = key2(41, b0w, b1t);
  out[k++] = key2(42, b0t, b1w);
  out[k++] = key2(43, b0w, b1w);
  out[k++] = key3(44, b0t, b1t, b2t);
  out[k++] = key3(45, s0t, b0t, b1t);
  out[k++] = key3(46, s1t, s0t, b0t);
  out[k++] = key3(47, s2t, s1t, s0t);
  out[k++] = key3(48, s1t, s0t, b1t);
  out[k++] = key3(49, s0w, b0t, b1t);
  out[k++] = key3(50, s1t, s0w, b0t);
  out[k++] = key3(51, s1t, s0t, b0w);
  // children: unigrams
  out[k++] = key2(60, W(s0l1), s0l1t);
  out[k++] = key1(61, s0l1t);
  out[k++] = key1(62, s0l1l);
  out[k++] = key2(63, W(s0r1), s0r1t);
  out[k++] = key1(64, s0r1t);
  out[k++] = key1(65, s0r1l);
  out[k++] = key1(66, s0l2t);
  out[k++] = key1(67, s0l2l);
  out[k++] = key1(68, s0r2t);
  out[k++] = key1(69, s0r2l);
  out[k++] = key1(70, s1l1t);
  out[k++] = key1(71, s1l1l);
  out[k++] = key1(72, s1r1t);
  out[k++] = key1(73, s1r1l);
  out[k++] = key2(74, W(b0l1), b0l1t);
  out[k++] = key1(75, b0l1t);
  out[k++] = key1(76, b0l1l);
  out[k++] = key1(77, b0l2t);
  out[k++] = key1(78, b0l2l);
  out[k++] = key2(79, W(s1r1), s1r1t);
  // children: in context
  out[k++] = key3(80, s0t, s0l1t, b0t);
  out[k++] = key3(81, s0t, s0r1t, b0t);
  out[k++] = key3(82, s0t, b0t, b0l1t);
  out[k++] = key3(83, s0t, s0l1t, s0l2t);
  out[k++] = key3(84, s0t, s0r1t, s0r2t);
  out[k++] = key3(85, b0t, b0l1t, b0l2t);
  out[k++] = key3(86, s1t, s0t, s0l1t);
  out[k++] = key3(87, s1t, s0t, s0r1t);
  out[k++] = key3(88, s1t, s1r1t, s0t);
  out[k++] = key3(89, s1t, s1l1t, s0t);
  out[k++] = key3(90, s1t, s1r1t, s1r2t);
  out[k++] = key3(91, s0w, s0l1l, b0t);
  out[k++] = key3(92, s0w, s0r1l, b0t);
  out[k++] = key3(93, s0t, s0l1l, s0l2l);
  out[k++] = key3(94, s0t, s0r1l, s0r2l);
  out[k++] = key3(95, b0t, b0l1l, b0l2l);
  out[k++] = key3(96, s1t, s1r1l, s0t);
  out[k++] = key3(97, s0t, s0l1l, s0r1l);
  // distance
  out[k++] = key2(100, s0w, d0);
  out[k++] = key2(101, s0t, d0);
  out[k++] = key2(102, b0w, d0);
  out[k++] = key2(103, b0t, d0);
  out[k++] = key3(104, s0w, b0w, d0);
  out[k++] = key3(105, s0t, b0t, d0);
  out[k++] = key2(106, s1w, d1);
  out[k++] = key2(107, s1t, d1);
  out[k++] = key2(108, s0w, d1);
  out[k++] = key2(109, s0t, d1);
  out[k++] = key3(110, s1w, s0w, d1);
  out[k++] = key3(111, s1t, s0t, d1);
  out[k++] = key4(112, s1t, s0t, d1, d0);
  // valency
  out[k++] = key2(120, s0w, s0vl);
  out[k++] = key2(121, s0t, s0vl);
  out[k++] = key2(122, s0w, s0vr);
  out[k++] = key2(123, s0t, s0vr);
  out[k++] = key2(124, s1w, s1vr);
  out[k++] = key2(125, s1t, s1vr);
  out[k++] = key2(126, s1t, s1vl);
  out[k++] = key2(127, b0w, b0vl);
  out[k++] = key2(128, b0t, b0vl);
  // label sets
  out[k++] = key3(130, s0t, s0 >= 0 ? s.lsetLo[s0] : 0, s0 >= 0 ? s.lsetHi[s0] : 0);
  out[k++] = key3(131, s0t, s0 >= 0 ? s.rsetLo[s0] : 0, s0 >= 0 ? s.rsetHi[s0] : 0);
  out[k++] = key3(132, b0t, s.lsetLo[b0], s.lsetHi[b0]);
  out[k++] = key3(133, s1t, s1 >= 0 ? s.rsetLo[s1] : 0, s1 >= 0 ? s.rsetHi[s1] : 0);
  out[k++] = key3(134, s0w, s0 >= 0 ? s.rsetLo[s0] : 0, s0 >= 0 ? s.rsetHi[s0] : 0);
  // stack depth (small) and whether the buffer is down to the root
  out[k++] = key2(140, sp < 4 ? sp : 4, b0 === 0 ? 1 : 0);
  out[k++] = key3(141, s0t, sp < 4 ? sp : 4, b0 === 0 ? 1 : 0);
  if (EXP_NOFINE) return k;
  // fine tags
  const F = (p: number) => (p < 0 ? NO_TAG : fine[p]);
  const s0f = F(s0), s1f = F(s1), b0f = F(b0), b1f = F(b1);
  out[k++] = key1(150, s0f);
  out[k++] = key1(151, b0f);
  out[k++] = key1(152, s1f);
  out[k++] = key1(153, b1f);
  out[k++] = key2(154, s0f, b0f);
  out[k++] = key2(155, s1f, s0f);
  out[k++] = key3(156, s1f, s0f, b0f);
  out[k++] = key3(157, s0f, b0f, b1f);
  out[k++] = key2(158, b0f, b0l1t);
  out[k++] = key2(159, s0f, s0r1t);
  out[k++] = key3(160, s1f, s1r1t, s0f);
  out[k++] = key2(161, s0f, d0);
  out[k++] = key3(162, s1f, s0f, d1);
  out[k++] = key3(163, s2t, s1f, s0f);
  return k;
};
