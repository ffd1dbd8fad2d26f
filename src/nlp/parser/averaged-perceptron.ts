/**
 * Training-time weights of an averaged perceptron over hashed features. Rows (one weight per class) are
 * allocated on a feature's first update, in chunks of typed arrays. Averaging uses the trick of Daumé (2006):
 * keep `w` and `u = Σ time·Δ`; the average after `time` steps is `w − u / time`.
 */
import { LinearModel, quantise } from './linear-model.js';

const CHUNK_BITS = 13;
const CHUNK_ROWS = 1 << CHUNK_BITS;

/** Perceptron weights for `nClasses` classes, keyed by nonzero uint32 feature keys. */
export class AveragedWeights {
  private slotKey = new Uint32Array(1 << 16);
  private slotRow = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  private rowKeys = new Uint32Array(1 << 16);
  private w: Float32Array[] = [];
  private u: Float64Array[] = [];
  /** Number of feature rows allocated so far. */
  rows = 0;

  /** @param nClasses number of classes scored per feature */
  constructor(readonly nClasses: number) {}

  /** Row of `key`, or -1. */
  find(key: number): number {
    let i = (key ^ (key >>> 15)) & this.mask;
    for (;;) {
      const k = this.slotKey[i];
      if (k === key) return this.slotRow[i];
      if (k === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  private insert(key: number): number {
    if ((this.rows + 1) * 2 > this.slotKey.length) this.grow();
    let i = (key ^ (key >>> 15)) & this.mask;
    while (this.slotKey[i] !== 0) {
      if (this.slotKey[i] === key) return this.slotRow[i];
      i = (i + 1) & this.mask;
    }
    const r = this.rows++;
    this.slotKey[i] = key;
    this.slotRow[i] = r;
    if (r >= this.rowKeys.length) {
      const k = new Uint32Array(this.rowKeys.length * 2);
      k.set(this.rowKeys);
      this.rowKeys = k;
    }
    this.rowKeys[r] = key;
    if ((r & (CHUNK_ROWS - 1)) === 0) {
      this.w.push(new Float32Array(CHUNK_ROWS * this.nClasses));
      this.u.push(new Float64Array(CHUNK_ROWS * this.nClasses));
    }
    return r;
  }

  private grow(): void {
    const size = this.slotKey.length * 2;
    const keys = new Uint32Array(size);
    const rows = new Int32Array(size);
    const mask = size - 1;
    for (let r = 0; r < this.rows; r++) {
      const k = this.rowKeys[r];
      let i = (k ^ (k >>> 15)) & mask;
      while (keys[i] !== 0) i = (i + 1) & mask;
      keys[i] = k;
      rows[i] = r;
    }
    this.slotKey = keys;
    this.slotRow = rows;
    this.mask = mask;
  }

  /** Adds the current weights of classes `from..to-1` for `n` feature keys into `out[0..to-from-1]` (zeroed first). */
  score(keys: Uint32Array, n: number, out: Float64Array, from = 0, to = this.nClasses): void {
    out.fill(0, 0, to - from);
    const C = this.nClasses;
    for (let f = 0; f < n; f++) {
      const r = this.find(keys[f]);
      if (r < 0) continue;
      const w = this.w[r >>> CHUNK_BITS];
      const base = (r & (CHUNK_ROWS - 1)) * C;
      for (let c = from; c < to; c++) out[c - from] += w[base + c];
    }
  }

  /** Adds `delta` to class `cls` of each of the `n` features, at training step `time`. */
  update(keys: Uint32Array, n: number, cls: number, delta: number, time: number): void {
    const C = this.nClasses;
    for (let f = 0; f < n; f++) {
      const r = this.insert(keys[f]);
      const i = (r & (CHUNK_ROWS - 1)) * C + cls;
      this.w[r >>> CHUNK_BITS][i] += delta;
      this.u[r >>> CHUNK_BITS][i] += time * delta;
    }
  }

  /** The averaged weights after `time` steps, as dense rows (`rows × nClasses`). */
  average(time: number): Float32Array {
    const C = this.nClasses;
    const avg = new Float32Array(this.rows * C);
    for (let r = 0; r < this.rows; r++) {
      const w = this.w[r >>> CHUNK_BITS];
      const u = this.u[r >>> CHUNK_BITS];
      const base = (r & (CHUNK_ROWS - 1)) * C;
      for (let c = 0; c < C; c++) avg[r * C + c] = w[base + c] - u[base + c] / time;
    }
    return avg;
  }

  /** The averaged weights after `time` steps, quantised (`top` maps to the largest integer; default: their maximum). */
  toModel(time: number, bits: 8 | 16 = 16, avg = this.average(time), top?: number): LinearModel {
    return quantise(this.nClasses, this.rowKeys.subarray(0, this.rows), avg, bits, top);
  }
}
