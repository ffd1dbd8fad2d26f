import type { Token } from '../doc/index.js';
import type { PhraseMatch } from '../actors/phrase-trie.js';
import type { Place } from './types.js';
import { placeKeys } from './place-keys.js';

type Node = { next: Map<string, Node> | null; values: Place[] | null };

const EMPTY: readonly Place[] = Object.freeze([]);

/**
 * A word trie of place names over look-up keys, with the same reading methods as the actors' PhraseTrie
 * (`longestAt`, `matchAll`), built for 30,000 names: keys go in already split, leaves hold no map, and each
 * name's places are kept in rank order (best first) by `rank` once the build is done.
 */
export class PlaceTrie {
  private root: Node = { next: new Map(), values: null };
  // nodes holding more than one place: the only ones `sortValues` has to visit
  private shared: Place[][] = [];
  /** Names × places held. */
  size = 0;

  /** Adds a place under a name given as look-up keys (see `placeKeys`). */
  addKeys(keys: readonly string[], value: Place): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      const next = (node.next ??= new Map());
      let n = next.get(k);
      if (!n) next.set(k, (n = { next: null, values: null }));
      node = n;
    }
    const values = (node.values ??= []);
    if (!values.includes(value)) {
      if (values.push(value) === 2) this.shared.push(values);
      this.size++;
    }
  }

  add(name: string, value: Place): void {
    this.addKeys(placeKeys(name), value);
  }

  /** The places of a name given as look-up keys, ranked; empty when none. */
  valuesOf(keys: readonly string[]): readonly Place[] {
    let node: Node | undefined = this.root;
    for (let i = 0; i < keys.length && node; i++) node = node.next?.get(keys[i]);
    return node?.values ?? EMPTY;
  }

  /** Sorts every name's places (stable), e.g. by rank once the build is done. */
  sortValues(compare: (a: Place, b: Place) => number): void {
    for (const values of this.shared) values.sort(compare);
  }

  /** The longest name that starts at token `i` and ends before `end`, or null. */
  longestAt(tokens: Token[], i: number, end: number): PhraseMatch<Place> | null {
    let node = this.root;
    let bestEnd = -1;
    let best: Place[] | null = null;
    for (let j = i; j < end; j++) {
      const n = node.next?.get(tokens[j].norm);
      if (!n) break;
      node = n;
      if (n.values) {
        best = n.values;
        bestEnd = j + 1;
      }
    }
    return best ? { tokenStart: i, tokenEnd: bestEnd, values: best } : null;
  }

  /** Every longest name in tokens [from, to), left to right, without overlaps. */
  matchAll(tokens: Token[], from: number, to: number): PhraseMatch<Place>[] {
    const out: PhraseMatch<Place>[] = [];
    for (let i = from; i < to; ) {
      const m = this.root.next!.has(tokens[i].norm) ? this.longestAt(tokens, i, to) : null;
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
