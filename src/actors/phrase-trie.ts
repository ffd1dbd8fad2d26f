import type { Token } from '../doc/index.js';
import { phraseKeys } from '../nlp/normalize-word.js';

type Node<T> = { next: Map<string, Node<T>>; values: T[] };

export type PhraseMatch<T> = { tokenStart: number; tokenEnd: number; values: T[] };

/** A word trie over look-up keys: finds the longest dictionary phrase at each token. */
export class PhraseTrie<T> {
  private root: Node<T> = { next: new Map(), values: [] };
  size = 0;

  add(phrase: string, value: T): void {
    // "St Andrews" and "St. Andrews", "Mt Kenya" and "Mt. Kenya" are written both ways
    const dotted = /\b(St|Mt|Ft)\b(?!\.)/.test(phrase) ? phrase.replace(/\b(St|Mt|Ft)\b(?!\.)/g, '$1.') : null;
    if (dotted) this.addKeys(phraseKeys(dotted), value);
    this.addKeys(phraseKeys(phrase), value);
  }

  private addKeys(keys: string[], value: T): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) node.next.set(k, (n = { next: new Map(), values: [] }));
      node = n;
    }
    if (!node.values.includes(value)) {
      // later entries come first: a dictionary loaded later is layered over the ones before it
      node.values.unshift(value);
      this.size++;
    }
  }

  /** The longest phrase that starts at token `i` and ends before `end`, or null. */
  longestAt(tokens: Token[], i: number, end: number): PhraseMatch<T> | null {
    let node = this.root;
    let best: PhraseMatch<T> | null = null;
    for (let j = i; j < end; j++) {
      const n = node.next.get(tokens[j].norm);
      if (!n) break;
      node = n;
      if (n.values.length) best = { tokenStart: i, tokenEnd: j + 1, values: n.values };
    }
    return best;
  }

  /** Every longest match in tokens [from, to), left to right, without overlaps. */
  matchAll(tokens: Token[], from: number, to: number): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.root.next.has(tokens[i].norm) ? this.longestAt(tokens, i, to) : null;
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
