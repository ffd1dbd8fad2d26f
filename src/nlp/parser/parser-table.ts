/**
 * The parser's weights laid out for parsing speed: an open-addressing table of 16-byte slots (feature key,
 * offset and count of its weight entries), and the entries themselves (action, weight) in two flat arrays,
 * so scoring a feature costs one probe and one contiguous read.
 */
import type { LinearModel } from './linear-model.js';

/** Sparse action weights of a parser, by feature key. */
export class ParserTable {
  /** Slot `i` is `slots[4i..4i+3]`: key, offset of its first entry, number of entries, unused. */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Action of each entry. */
  readonly cls: Uint8Array;
  /** Quantised weight of each entry. */
  readonly val: Int16Array;

  /** Builds the table from a model's rows. */
  constructor(model: LinearModel) {
    let size = 16;
    while (size < model.rows * 1.6) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    this.cls = model.cls;
    this.val = model.val instanceof Int16Array ? model.val : Int16Array.from(model.val);
    for (let r = 0; r < model.rows; r++) {
      const key = model.keys[r] | 0;
      let i = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[4 * i] !== 0) i = (i + 1) & this.mask;
      this.slots[4 * i] = key;
      this.slots[4 * i + 1] = model.start[r];
      this.slots[4 * i + 2] = model.start[r + 1] - model.start[r];
    }
  }
}
