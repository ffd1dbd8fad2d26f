/**
 * A compact, read-only sparse linear model: feature key (uint32 hash) → a row of (class, quantised weight)
 * entries, sorted by class; the form models are trained into, saved in and loaded from (WeightTable lays one
 * out for scoring).
 */

/** Sparse quantised weights: rows of (class, integer weight) entries keyed by feature; real weight = val · scale. */
export class LinearModel {
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
  ) {}

  /** Number of feature rows. */
  get rows(): number {
    return this.keys.length;
  }
}

/** Largest magnitude in an array. */
export const maxAbs = (a: Float32Array): number => {
  let top = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]);
    if (x > top) top = x;
  }
  return top;
};

/**
 * Quantises dense real rows (`weights[r * nClasses + c]`) into a LinearModel, dropping zero entries and rows.
 * The scale maps `top` (by default the largest magnitude) to the largest integer of the width.
 */
export const quantise = (nClasses: number, keys: Uint32Array, weights: Float32Array, bits: 8 | 16, top = maxAbs(weights)): LinearModel => {
  const qmax = bits === 8 ? 127 : 32767;
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
      const q = Math.max(-qmax, Math.min(qmax, Math.round(weights[r * nClasses + c] / scale)));
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
 * Prunes a model for size and speed: drops whole rows whose largest weight is under `rowMin`, and in the rows
 * kept, entries under `entryMin` (both in the model's quantisation units); then requantises to `bits`.
 */
export const prune = (m: LinearModel, rowMin: number, entryMin: number, bits: 8 | 16): LinearModel => {
  const oldMax = m.val instanceof Int8Array ? 127 : 32767;
  const factor = (bits === 8 ? 127 : 32767) / oldMax;
  const keys: number[] = [];
  const start: number[] = [0];
  const cls: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < m.rows; r++) {
    let top = 0;
    for (let e = m.start[r]; e < m.start[r + 1]; e++) top = Math.max(top, Math.abs(m.val[e]));
    if (top < rowMin) continue;
    const before = cls.length;
    for (let e = m.start[r]; e < m.start[r + 1]; e++) {
      const q = Math.round(m.val[e] * factor);
      if (Math.abs(m.val[e]) < entryMin || q === 0) continue;
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

/** Joins two models with the same scale into one whose classes are `a`'s then `b`'s (shifted by `a.nClasses`). */
export const joinModels = (a: LinearModel, b: LinearModel): LinearModel => {
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
