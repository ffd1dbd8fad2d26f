/**
 * The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the buffer
 * (Ballesteros & Nivre 2013) and a single-root constraint, plus its dynamic oracle: the cost of each
 * transition is the number of gold arcs it makes unreachable (Goldberg & Nivre 2012, 2013).
 *
 * Words are numbered 1..n; 0 is the artificial root. SHIFT moves the first buffer word b0 onto the stack;
 * LEFT pops s0 and makes b0 its head; RIGHT pops s0 and makes s1 its head.
 */

/** Transition: push b0. */
export const SHIFT = 0;
/** Transition: s0 ← b0 (pop s0). */
export const LEFT = 1;
/** Transition: s1 → s0 (pop s0). */
export const RIGHT = 2;

/** A parser configuration with the bookkeeping the features need (children, valency, label sets). */
export class ArcHybridState {
  n = 0;
  /** Stack of word indices; `stack[sp-1]` is s0. */
  stack = new Int32Array(64);
  sp = 0;
  /** Next buffer word (1..n); `b > n` means only the root is left in the buffer. */
  b = 1;
  head = new Int32Array(64);
  label = new Int32Array(64);
  /** Leftmost, second-leftmost, rightmost and second-rightmost child of each word, -1 if none. */
  l1 = new Int32Array(64);
  l2 = new Int32Array(64);
  r1 = new Int32Array(64);
  r2 = new Int32Array(64);
  /** Number of left and right children. */
  nl = new Int32Array(64);
  nr = new Int32Array(64);
  /** Bit sets of the labels of left and right children (labels 0..31 in lo, 32..63 in hi). */
  lsetLo = new Int32Array(64);
  lsetHi = new Int32Array(64);
  rsetLo = new Int32Array(64);
  rsetHi = new Int32Array(64);
  inStack = new Uint8Array(64);

  /** Starts a sentence of `n` words: empty stack, all words and the root in the buffer. */
  reset(n: number): void {
    if (n + 1 > this.head.length) {
      const m = Math.max(n + 1, this.head.length * 2);
      this.stack = new Int32Array(m);
      for (const k of ['head', 'label', 'l1', 'l2', 'r1', 'r2', 'nl', 'nr', 'lsetLo', 'lsetHi', 'rsetLo', 'rsetHi'] as const) {
        this[k] = new Int32Array(m);
      }
      this.inStack = new Uint8Array(m);
    }
    this.n = n;
    this.sp = 0;
    this.b = 1;
    const e = n + 1;
    this.head.fill(-1, 0, e);
    this.label.fill(-1, 0, e);
    this.l1.fill(-1, 0, e);
    this.l2.fill(-1, 0, e);
    this.r1.fill(-1, 0, e);
    this.r2.fill(-1, 0, e);
    this.nl.fill(0, 0, e);
    this.nr.fill(0, 0, e);
    this.lsetLo.fill(0, 0, e);
    this.lsetHi.fill(0, 0, e);
    this.rsetLo.fill(0, 0, e);
    this.rsetHi.fill(0, 0, e);
    this.inStack.fill(0, 0, e);
  }

  /** The first buffer item: a word, or 0 (the root) once the words are used up. */
  b0(): number {
    return this.b <= this.n ? this.b : 0;
  }

  /** True when the parse is complete. */
  terminal(): boolean {
    return this.sp === 0 && this.b > this.n;
  }

  /** Whether transition `t` is allowed (the root takes exactly one dependent, and only as the last arc). */
  legal(t: number): boolean {
    if (t === SHIFT) return this.b <= this.n;
    if (t === LEFT) return this.sp > 0 && (this.b <= this.n || this.sp === 1);
    return this.sp > 1;
  }

  /** Applies transition `t`; for arcs, `lab` is the label id of the new arc. */
  apply(t: number, lab: number): void {
    if (t === SHIFT) {
      const w = this.b++;
      this.stack[this.sp++] = w;
      this.inStack[w] = 1;
      return;
    }
    const d = this.stack[--this.sp];
    this.inStack[d] = 0;
    const h = t === LEFT ? this.b0() : this.stack[this.sp - 1];
    this.head[d] = h;
    this.label[d] = lab;
    if (d < h || h === 0) {
      // a left child (the root's only child counts as left: the root sits at the end)
      this.l2[h] = this.l1[h];
      this.l1[h] = d;
      this.nl[h]++;
      if (lab < 32) this.lsetLo[h] |= 1 << lab;
      else this.lsetHi[h] |= 1 << (lab - 32);
    } else {
      this.r2[h] = this.r1[h];
      this.r1[h] = d;
      this.nr[h]++;
      if (lab < 32) this.rsetLo[h] |= 1 << lab;
      else this.rsetHi[h] |= 1 << (lab - 32);
    }
  }
}

/** Gold heads (1-based, 0 = root) with each word's children, for the dynamic oracle. */
export class GoldTree {
  readonly kidStart: Int32Array;
  readonly kids: Int32Array;

  /** @param head `head[i]` for words i = 1..n (`head[0]` unused) */
  constructor(readonly head: Int32Array) {
    const n = head.length - 1;
    this.kidStart = new Int32Array(n + 2);
    for (let i = 1; i <= n; i++) this.kidStart[head[i] + 1]++;
    for (let i = 1; i <= n + 1; i++) this.kidStart[i] += this.kidStart[i - 1];
    this.kids = new Int32Array(n);
    const at = this.kidStart.slice(0, n + 1);
    for (let i = 1; i <= n; i++) this.kids[at[head[i]]++] = i; // ascending within each word
  }
}

/**
 * Fills `cost[t]` with the number of gold arcs transition t loses in state `s` (Infinity when illegal).
 * For a projective gold tree, following any zero-cost transition keeps the gold tree reachable.
 */
export const transitionCosts = (s: ArcHybridState, g: GoldTree, cost: Float64Array): void => {
  const gh = g.head;
  const sp = s.sp;
  const b = s.b;
  const n = s.n;
  const s0 = sp > 0 ? s.stack[sp - 1] : -1;
  const s1 = sp > 1 ? s.stack[sp - 2] : -1;
  // children of s0 still in the buffer (lost by either arc from s0)
  let s0kids = 0;
  if (s0 >= 0) for (let k = g.kidStart[s0 + 1] - 1; k >= g.kidStart[s0] && g.kids[k] >= b; k--) s0kids++;
  if (s.legal(SHIFT)) {
    const h = gh[b];
    let c = h !== 0 && h !== s0 && s.inStack[h] ? 1 : 0;
    for (let k = g.kidStart[b]; k < g.kidStart[b + 1]; k++) if (s.inStack[g.kids[k]]) c++;
    cost[SHIFT] = c;
  } else cost[SHIFT] = Infinity;
  if (s.legal(LEFT)) {
    const b0 = b <= n ? b : 0;
    const h = gh[s0];
    let c = s0kids;
    if (h !== b0 && (h === s1 || (h === 0 ? b0 !== 0 : h >= b))) c++;
    cost[LEFT] = c;
  } else cost[LEFT] = Infinity;
  if (s.legal(RIGHT)) {
    const h = gh[s0];
    let c = s0kids;
    if (h !== s1 && (h === 0 || h >= b)) c++;
    cost[RIGHT] = c;
  } else cost[RIGHT] = Infinity;
};

/** True when the tree given by `head` (1..n, 0 = root) has no crossing arcs. */
export const isProjective = (head: ArrayLike<number>): boolean => nonProjectiveArc(head) < 0;

/** The dependent of the shortest non-projective arc, or -1 if the tree is projective. */
const nonProjectiveArc = (head: ArrayLike<number>): number => {
  const n = head.length - 1;
  let best = -1;
  let bestLen = Infinity;
  for (let d = 1; d <= n; d++) {
    const h = head[d];
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    if (hi - lo >= bestLen) continue;
    for (let k = lo + 1; k < hi; k++) {
      // every word between h and d must descend from h
      let a = k;
      while (a !== 0 && a !== h) a = head[a];
      if (a !== h) {
        best = d;
        bestLen = hi - lo;
        break;
      }
    }
  }
  return best;
};

/** Makes a tree projective by lifting the shortest non-projective arc to the grandparent until none is left. */
export const projectivize = (head: Int32Array): Int32Array => {
  const h = head.slice();
  for (let guard = 0; guard < 10 * h.length; guard++) {
    const d = nonProjectiveArc(h);
    if (d < 0) return h;
    h[d] = h[h[d]];
  }
  return h;
};
