/**
 * Weights laid out for scoring speed: an open-addressing table of 8-byte slots holding a feature key and either
 * its weights for classes 0–2 inline (three 10-bit numbers, in units of `INLINE_UNIT`) or where its entries
 * are in `more`. Most features only weigh the first three classes (the parser's transitions), so scoring them
 * costs one cache line; all slots of a configuration are touched before any is resolved, so misses overlap.
 */
import type { LinearModel } from './linear-model.js';

/** Packs an entry: class (< 32768) in bits 16–30, signed 16-bit weight in the low 16. */
const pack = (cls: number, val: number): number => (cls << 16) | (val & 0xffff);

/** Inline weights are stored divided by this (rounded) in 10 bits. */
const INLINE_UNIT = 64;
const INLINE_MAX = 511;

/** Sparse class weights by feature key, for fast scoring. */
export class WeightTable {
  /**
   * Slot `i` is `slots[2i]` (key; 0 = empty) and `slots[2i+1]`: when bit 31 is clear, the weights of classes
   * 0, 1, 2 in bits 0–9, 10–19, 20–29; else (bit 31 set) the offset in `more` (low 31 bits) of the number of
   * the feature's entries, which follow it.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** For each feature not stored inline: its number of entries, then the entries packed (class, weight). */
  private readonly more: Int32Array;
  /** Keeps the touching loop from being optimised away. */
  private sink = 0;

  /** Builds the table from a model's rows (weights within int16). */
  constructor(model: LinearModel) {
    let size = 16;
    while (size < model.rows * 1.5) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    const inline = (e0: number, e1: number): boolean => {
      for (let e = e0; e < e1; e++) if (model.cls[e] > 2 || Math.abs(Math.round(model.val[e] / INLINE_UNIT)) > INLINE_MAX) return false;
      return true;
    };
    let extra = 0;
    for (let r = 0; r < model.rows; r++) if (!inline(model.start[r], model.start[r + 1])) extra += 1 + model.start[r + 1] - model.start[r];
    this.more = new Int32Array(extra);
    let at = 0;
    for (let r = 0; r < model.rows; r++) {
      const key = model.keys[r] | 0;
      let i = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & this.mask;
      const e0 = model.start[r];
      const e1 = model.start[r + 1];
      this.slots[2 * i] = key;
      if (inline(e0, e1)) {
        let p = 0;
        for (let e = e0; e < e1; e++) p |= (Math.round(model.val[e] / INLINE_UNIT) & 0x3ff) << (10 * model.cls[e]);
        this.slots[2 * i + 1] = p;
        continue;
      }
      this.slots[2 * i + 1] = (1 << 31) | at;
      this.more[at++] = e1 - e0;
      for (let e = e0; e < e1; e++) this.more[at++] = pack(model.cls[e], model.val[e]);
    }
  }

  /** Adds the weights of the first `n` feature keys into `out` (indexed by class). */
  score(keys: Uint32Array, n: number, out: Float64Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const more = this.more;
    let touched = 0;
    for (let f = 0; f < n; f++) {
      const k = keys[f] | 0;
      touched |= slots[((k ^ (k >>> 15)) & mask) << 1];
    }
    this.sink = touched;
    for (let f = 0; f < n; f++) {
      const k = keys[f] | 0;
      let i = (k ^ (k >>> 15)) & mask;
      for (;;) {
        const sk = slots[i << 1];
        if (sk === k) {
          const p = slots[(i << 1) + 1];
          if (p >= 0) {
            out[0] += ((p << 22) >> 22) * INLINE_UNIT;
            out[1] += ((p << 12) >> 22) * INLINE_UNIT;
            out[2] += ((p << 2) >> 22) * INLINE_UNIT;
          } else {
            const at = p & 0x7fffffff;
            for (let e = at + 1, end = at + 1 + more[at]; e < end; e++) {
              const q = more[e];
              out[q >>> 16] += (q << 16) >> 16;
            }
          }
          break;
        }
        if (sk === 0) break;
        i = (i + 1) & mask;
      }
    }
  }
}
