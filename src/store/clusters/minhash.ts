/**
 * MinHash signatures of word shingles, and LSH band keys over them, to find near-duplicate articles: the same
 * wire story republished with small edits. Two texts' signatures agree in a share of positions that estimates
 * the Jaccard similarity of their shingle sets; texts that agree on all rows of at least one band land in the
 * same bucket and become candidates.
 */
export type MinHashOptions = {
  /** Words per shingle (default 4). */
  shingle?: number;
  /** Hash functions in a signature (default 128). */
  hashes?: number;
  /** LSH bands; hashes / bands rows each (default 32 bands of 4 rows: a pair with Jaccard 0.5 is a candidate 87% of the time, 0.7 over 99.9%). */
  bands?: number;
};

export const MINHASH_DEFAULTS = { shingle: 4, hashes: 128, bands: 32 } as const;

/** Murmur3's 32-bit finaliser: a bijection on 32-bit integers that mixes every bit. */
export const fmix32 = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** FNV-1a over a string's UTF-16 code units, mixed. */
export const hashString = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
};

const seedsFor = (n: number): Uint32Array => {
  const seeds = new Uint32Array(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    seeds[i] = x;
  }
  return seeds;
};
const seedCache = new Map<number, Uint32Array>();

/** Lower-cased words (letters and digits), the units shingles are made of. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Hashes of the text's shingles (runs of `shingle` words); a text shorter than one shingle is one shingle. */
export const shingleHashes = (text: string, shingle: number = MINHASH_DEFAULTS.shingle): Set<number> => {
  const w = words(text).map(hashString);
  const out = new Set<number>();
  if (!w.length) return out;
  const k = Math.min(shingle, w.length);
  for (let i = 0; i + k <= w.length; i++) {
    let h = 0;
    for (let j = 0; j < k; j++) h = fmix32((Math.imul(h, 31) + w[i + j]) >>> 0);
    out.add(h);
  }
  return out;
};

/**
 * The text's MinHash signature: for each of `hashes` permutations of the 32-bit space (fmix32 of the value
 * xor a fixed seed), the least permuted shingle hash. An empty text has every position 0xffffffff.
 */
export const minhash = (text: string, { shingle = MINHASH_DEFAULTS.shingle, hashes = MINHASH_DEFAULTS.hashes }: MinHashOptions = {}): Uint32Array => {
  let seeds = seedCache.get(hashes);
  if (!seeds) seedCache.set(hashes, (seeds = seedsFor(hashes)));
  const sig = new Uint32Array(hashes).fill(0xffffffff);
  for (const x of shingleHashes(text, shingle)) {
    for (let i = 0; i < hashes; i++) {
      const v = fmix32((x ^ seeds[i]) >>> 0);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
};

/** Share of positions where two signatures agree: an estimate of the Jaccard similarity of the shingle sets. */
export const similarity = (a: Uint32Array, b: Uint32Array): number => {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
};

export const isEmptySignature = (sig: Uint32Array): boolean => sig.every((v) => v === 0xffffffff);

/**
 * One bucket key per band: the band's number in the high bits and a 32-bit hash of its rows in the low ones,
 * so one integer column indexes every band (a safe integer: under 2^53).
 */
export const bandKeys = (sig: Uint32Array, { bands = MINHASH_DEFAULTS.bands }: MinHashOptions = {}): number[] => {
  const rows = Math.floor(sig.length / bands);
  if (rows < 1) throw new Error(`MinHash: ${bands} bands need at least as many hashes, got ${sig.length}`);
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < rows; r++) h = fmix32((Math.imul(h, 0x01000193) ^ sig[b * rows + r]) >>> 0);
    keys.push(b * 0x1_0000_0000 + h);
  }
  return keys;
};

/** A signature as bytes for a BLOB column (little-endian uint32s), and back. */
export const signatureBytes = (sig: Uint32Array): Buffer => {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
};

export const signatureFromBytes = (buf: Uint8Array): Uint32Array => {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const sig = new Uint32Array(b.length >>> 2);
  for (let i = 0; i < sig.length; i++) sig[i] = b.readUInt32LE(i * 4);
  return sig;
};
