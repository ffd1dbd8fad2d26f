/**
 * The parser's weights laid out for parsing speed: an open-addressing table of 16-byte slots holding the
 * feature key, its first two (action, weight) entries inline and where the rest are. Most features have one
 * or two entries, so scoring a feature usually costs a single cache line.
 */
import type { LinearModel } from './linear-model.js';

/** Packs an entry: action in the high 16 bits, signed 16-bit weight in the low 16. */
const pack = (cls: number, val: number): number => (cls << 16) | (val & 0xffff);

/** Sparse action weights of a parser, by feature key. */
export class ParserTable {
  /**
   * Slot `i` is `slots[4i..4i+3]`: key (0 = empty); entry 0; entry 1; offset of entries 2.. in `more`
   * (high 24 bits) and the number of entries (low 8 bits).
   */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Entries beyond the first two of each feature, packed like the inline ones. */
  readonly more: Int32Array;

  /** Builds the table from a model's rows (at most 255 entries per row, weights within int16). */
  constructor(model: LinearModel) {
    let size = 16;
    while (size < model.rows * 1.5) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    let extra = 0;
    for (let r = 0; r < model.rows; r++) extra += Math.max(0, model.start[r + 1] - model.start[r] - 2);
    this.more = new Int32Array(extra);
    let at = 0;
    for (let r = 0; r < model.rows; r++) {
      const key = model.keys[r] | 0;
      let i = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[4 * i] !== 0) i = (i + 1) & this.mask;
      const e0 = model.start[r];
      const n = model.start[r + 1] - e0;
      if (n > 255) throw new Error('ParserTable: a feature has more than 255 weights');
      this.slots[4 * i] = key;
      this.slots[4 * i + 1] = pack(model.cls[e0], model.val[e0]);
      if (n > 1) this.slots[4 * i + 2] = pack(model.cls[e0 + 1], model.val[e0 + 1]);
      this.slots[4 * i + 3] = (at << 8) | n;
      for (let e = e0 + 2; e < e0 + n; e++) this.more[at++] = pack(model.cls[e], model.val[e]);
    }
  }
}
