/**
 * The parser's weights laid out for parsing speed: one open-addressing table whose 16-byte slots hold the
 * feature key, its three transition weights and where its label weights are, so scoring the transitions
 * costs one memory access per feature; label weights (left-arc labels, then right-arc labels) follow in
 * separate arrays and are read only when an arc is made.
 */
import type { LinearModel } from './linear-model.js';

/** Transition and label weights of a parser, by feature key. */
export class ParserTable {
  /**
   * Slot `i` is `slots[4i..4i+3]`: key; t0 (low 16 bits) and t1 (high 16 bits); t2 (low 16), the number of
   * left-arc label entries (bits 16–23) and right-arc ones (bits 24–31); offset of its first label entry.
   */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Label index (within its direction) and weight of each label entry. */
  readonly labelCls: Uint8Array;
  readonly labelVal: Int16Array;

  /**
   * @param model classes: SHIFT, LEFT, RIGHT, then `nLabels` left-arc labels, then `nLabels` right-arc labels
   * @param nLabels number of dependency labels (at most 255)
   */
  constructor(model: LinearModel, nLabels: number) {
    let size = 16;
    while (size < model.rows * 1.6) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    const nLabelEntries = model.cls.reduce((a, c) => a + (c >= 3 ? 1 : 0), 0);
    this.labelCls = new Uint8Array(nLabelEntries);
    this.labelVal = new Int16Array(nLabelEntries);
    let at = 0;
    for (let r = 0; r < model.rows; r++) {
      const key = model.keys[r] | 0;
      let i = (key ^ (key >>> 15)) & this.mask;
      while (this.slots[4 * i] !== 0) i = (i + 1) & this.mask;
      const t = [0, 0, 0];
      let nl = 0;
      let nr = 0;
      const first = at;
      for (let e = model.start[r]; e < model.start[r + 1]; e++) {
        const c = model.cls[e];
        if (c < 3) t[c] = model.val[e];
        else {
          const lab = c - 3;
          this.labelCls[at] = lab < nLabels ? lab : lab - nLabels;
          this.labelVal[at++] = model.val[e];
          if (lab < nLabels) nl++;
          else nr++;
        }
      }
      this.slots[4 * i] = key;
      this.slots[4 * i + 1] = (t[0] & 0xffff) | (t[1] << 16);
      this.slots[4 * i + 2] = (t[2] & 0xffff) | (nl << 16) | (nr << 24);
      this.slots[4 * i + 3] = first;
    }
  }

  /** Slot offset (4·slot) of a feature key, or -1 when the model has no weights for it. */
  find(key: number): number {
    const s = this.slots;
    const m = this.mask;
    const k = key | 0;
    let i = (k ^ (k >>> 15)) & m;
    for (;;) {
      const at = i << 2;
      const sk = s[at];
      if (sk === k) return at;
      if (sk === 0) return -1;
      i = (i + 1) & m;
    }
  }
}
