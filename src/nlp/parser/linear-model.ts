/**
 * A compact, read-only sparse linear model: feature key (uint32 hash) → a row of (class, quantised weight)
 * entries, sorted by class. Rows are found through an open-addressing table built when the model is made.
 */

/** Sparse quantised weights with a hash index; scores are sums of integer weights (times `scale`). */
export class LinearModel {
  private readonly slotKey: Uint32Array;
  private readonly slotRow: Int32Array;
  private readonly mask: number;

  /**
   * @param nClasses number of classes (at most 256)
   * @param keys feature keys, one per row, ascending
   * @param start row `r` holds entries `start[r] .. start[r+1]-1`
   * @param cls class of each entry (ascending within a row)
   * @param val quantised weight of each entry
   * @param scale real weight = `val * scale`
   */
  constructor(
    readonly nClasses: number,
    readonly keys: Uint32Array,
    readonly start: Uint32Array,
    readonly cls: Uint8Array,
    readonly val: Int8Array | Int16Array,
    readonly scale: number,
  ) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slotKey = new Uint32Array(size);
    this.slotRow = new Int32Array(size);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r];
      let i = (k ^ (k >>> 15)) & this.mask;
      while (this.slotKey[i] !== 0) i = (i + 1) & this.mask;
      this.slotKey[i] = k;
      this.slotRow[i] = r;
    }
  }

  /** Number of feature rows. */
  get rows(): number {
    return this.keys.length;
  }

  /** Row index of a feature key, or -1 when the model has no weights for it. */
  find(key: number): number {
    const sk = this.slotKey;
    const m = this.mask;
    let i = (key ^ (key >>> 15)) & m;
    for (;;) {
      const k = sk[i];
      if (k === key) return this.slotRow[i];
      if (k === 0) return -1;
      i = (i + 1) & m;
    }
  }

  /** Adds row `r`'s weights for classes `from..to-1` into `out[0..to-from-1]`. */
  addRow(r: number, out: Float64Array, from: number, to: number): void {
    const cls = this.cls;
    const val = this.val;
    const end = this.start[r + 1];
    for (let e = this.start[r]; e < end; e++) {
      const c = cls[e];
      if (c < from) continue;
      if (c >= to) break;
      out[c - from] += val[e];
    }
  }
}

/** Quantises dense real rows (`weights[r * nClasses + c]`) into a LinearModel, dropping zero entries and rows. */
export const quantise = (nClasses: number, keys: Uint32Array, weights: Float32Array, bits: 8 | 16): LinearModel => {
  const qmax = bits === 8 ? 127 : 32767;
  let top = 0;
  for (let i = 0; i < weights.length; i++) {
    const a = Math.abs(weights[i]);
    if (a > top) top = a;
  }
  const scale = top / qmax || 1;
  const order = Uint32Array.from(keys.keys()).sort((a, b) => keys[a] - keys[b]);
  let rows = 0;
  let entries = 0;
  for (let r = 0; r < keys.length; r++) {
    let any = false;
    for (let c = r * nClasses; c < (r + 1) * nClasses; c++) {
      if (Math.round(weights[c] / scale) !== 0) {
        entries++;
        any = true;
      }
    }
    if (any) rows++;
  }
  const outKeys = new Uint32Array(rows);
  const start = new Uint32Array(rows + 1);
  const cls = new Uint8Array(entries);
  const val = bits === 8 ? new Int8Array(entries) : new Int16Array(entries);
  let row = 0;
  let e = 0;
  for (const r of order) {
    const before = e;
    for (let c = 0; c < nClasses; c++) {
      const q = Math.round(weights[r * nClasses + c] / scale);
      if (q === 0) continue;
      cls[e] = c;
      val[e++] = q;
    }
    if (e > before) {
      outKeys[row++] = keys[r];
      start[row] = e;
    }
  }
  return new LinearModel(nClasses, outKeys, start, cls, val, scale);
};

/**
 * Joins two models over the same feature keys into one whose classes are `a`'s then `b`'s (b's shifted by
 * `a.nClasses`), so one lookup per feature finds both. Each block keeps its own quantisation scale; only
 * scores within a block are compared, so the joined model's `scale` is `a`'s.
 */
export const joinModels = (a: LinearModel, b: LinearModel): LinearModel => {
  if (a.val.BYTES_PER_ELEMENT !== b.val.BYTES_PER_ELEMENT) throw new Error('joinModels: different weight widths');
  const keys: number[] = [];
  const start: number[] = [0];
  const cls: number[] = [];
  const val: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.rows || j < b.rows) {
    const ka = i < a.rows ? a.keys[i] : Infinity;
    const kb = j < b.rows ? b.keys[j] : Infinity;
    const k = Math.min(ka, kb);
    if (ka === k) {
      for (let e = a.start[i]; e < a.start[i + 1]; e++) cls.push(a.cls[e]), val.push(a.val[e]);
      i++;
    }
    if (kb === k) {
      for (let e = b.start[j]; e < b.start[j + 1]; e++) cls.push(b.cls[e] + a.nClasses), val.push(b.val[e]);
      j++;
    }
    keys.push(k);
    start.push(cls.length);
  }
  const Val = a.val instanceof Int8Array ? Int8Array : Int16Array;
  return new LinearModel(a.nClasses + b.nClasses, Uint32Array.from(keys), Uint32Array.from(start), Uint8Array.from(cls), Val.from(val), a.scale);
};

/** Drops entries whose magnitude is under `minAbs` quantised units, requantising to `bits` (for smaller files). */
export const prune = (m: LinearModel, minAbs: number, bits: 8 | 16): LinearModel => {
  const qmax = bits === 8 ? 127 : 32767;
  const oldMax = m.val instanceof Int8Array ? 127 : 32767;
  // keep the same real range: clip at the old quantile-based top value
  const factor = qmax / oldMax;
  const keys: number[] = [];
  const start: number[] = [0];
  const cls: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    const before = cls.length;
    for (let e = m.start[r]; e < m.start[r + 1]; e++) {
      if (Math.abs(m.val[e]) < minAbs) continue;
      const q = Math.round(m.val[e] * factor);
      if (q === 0) continue;
      cls.push(m.cls[e]);
      val.push(q);
    }
    if (cls.length > before) {
      keys.push(m.keys[r]);
      start.push(cls.length);
    }
  }
  const Val = bits === 8 ? Int8Array : Int16Array;
  return new LinearModel(m.nClasses, Uint32Array.from(keys), Uint32Array.from(start), Uint8Array.from(cls), Val.from(val), m.scale / factor);
};
