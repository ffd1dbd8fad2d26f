/**
 * Integer hashing for features: strings are hashed once per word (FNV-1a over UTF-16 code units, no
 * allocation), and a feature is a template number mixed with a few integer atoms, then finalised.
 */

/** FNV-1a over `s.charCodeAt(from..to-1)`, as a signed 32-bit integer. */
export const fnv1a = (s: string, from = 0, to = s.length): number => {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
};

/** One mixing step: folds the integer `k` into the running hash `h` (multiply–rotate, as in xxHash). */
export const mix = (h: number, k: number): number => {
  h = Math.imul(h ^ k, 0x9e3779b1);
  return (h << 13) | (h >>> 19);
};

/** Finaliser (MurmurHash3's fmix32), giving a nonzero unsigned 32-bit feature key (0 marks an empty slot). */
export const finish = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
};

/** Spreads a small template number over all 32 bits, so templates cannot collide through small atoms. */
const seed = (t: number): number => Math.imul(t + 0x51ed27, 0x2545f491);

/** Feature key for template `t` over one atom. */
export const key1 = (t: number, a: number): number => finish(mix(seed(t), a));
/** Feature key for template `t` over two atoms. */
export const key2 = (t: number, a: number, b: number): number => finish(mix(mix(seed(t), a), b));
/** Feature key for template `t` over three atoms. */
export const key3 = (t: number, a: number, b: number, c: number): number => finish(mix(mix(mix(seed(t), a), b), c));
/** Feature key for template `t` over four atoms. */
export const key4 = (t: number, a: number, b: number, c: number, d: number): number =>
  finish(mix(mix(mix(mix(seed(t), a), b), c), d));

/** A small seeded PRNG (mulberry32) returning floats in [0, 1), so training runs are reproducible. */
export const makeRandom = (seed: number): (() => number) => {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Shuffles `a` in place (Fisher–Yates) with the given random source. */
export const shuffle = <T>(a: T[], random: () => number): T[] => {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
};
