import type { Token } from '../doc/index.js';
import type { PhraseMatch } from '../actors/phrase-trie.js';
import { anyUpper, startsUpper } from './place-keys.js';
import type { Gazetteer, Place, PlaceMention } from './types.js';

/** Prepositions that introduce where something happened ("in", "near") or where it came from ("from"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'outside', 'from', 'inside', 'into', 'across', 'around', 'throughout', 'toward', 'towards', 'off',
]);

// Words that may stand between the preposition and the name: "in the eastern city of Kharkiv",
// "near the border town of Sudzha", "in the occupied West Bank".
const FILLER: ReadonlySet<string> = new Set([
  'of', '-', 'city', 'town', 'village', 'capital', 'port', 'province', 'region', 'district', 'area', 'areas',
  'outskirts', 'suburb', 'suburbs', 'centre', 'center', 'heart', 'streets', 'coast', 'border', 'state', 'country',
  'camp', 'enclave', 'occupied', 'besieged', 'annexed', 'embattled', 'neighbouring', 'neighboring', 'nearby',
  'held', 'controlled', 'administered',
]);
// A capitalised word just before a name is part of it ("Camp David"), unless it looks like a demonym
// ("Ukrainian", "Chinese", "Turkish", "Iraqi").
const DEMONYM_LIKE = /(?:an|ese|ish|i|ic)$/;
const SKIP_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NUM', 'PROPN']);

// A capitalised word after a place makes it part of another name ("the Washington Post", "Kyiv Independent"),
// except these.
const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'on', 'last', 'this',
]);

/** How many words may stand between the preposition and the place. */
const MAX_GAP = 5;

const nameAt = (gazetteer: Gazetteer, text: string, tokens: Token[], i: number, to: number): PhraseMatch<Place> | null => {
  // ("the Gogra-Hot Springs area": a name glued by a hyphen to the word before it is part of a longer name)
  if (i >= 2 && tokens[i - 1].norm === '-' && !tokens[i - 1].ws && !tokens[i - 2].ws) return null;
  const m = gazetteer.trie.longestAt(tokens, i, to);
  return m && anyUpper(text, tokens, m.tokenStart, m.tokenEnd) ? m : null;
};

/**
 * The first place named after a preposition (in, at, near, outside, from, …) in tokens [from, to), with its span,
 * or null. It reads past a few words ("in the eastern city of Kharkiv"), prefers the more specific of
 * "Russia's Kursk region", takes a qualifier as a hint ("Tripoli, Lebanon", "Paris, Texas"), and leaves out a name
 * that a capitalised word continues or begins ("the Washington Post", "Camp David"). Allocates only for what it
 * returns.
 */
export const findPlace = (
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  gazetteer: Gazetteer,
  hintCountry?: string,
): PlaceMention | null => {
  for (let i = from; i < to - 1; i++) {
    if (!PLACE_PREPOSITIONS.has(tokens[i].norm)) continue;
    const limit = Math.min(to, i + 2 + MAX_GAP);
    for (let j = i + 1; j < limit; j++) {
      const m = nameAt(gazetteer, text, tokens, j, to);
      if (!m) {
        const t = tokens[j];
        if (SKIP_POS.has(t.pos) || FILLER.has(t.norm)) continue;
        break;
      }
      const before = tokens[j - 1];
      if (j > i + 1 && before.pos === 'PROPN' && startsUpper(text, before.start) && !DEMONYM_LIKE.test(before.norm)) break;
      let place = gazetteer.choose(m.values, hintCountry);
      if (!place) break;
      let end = m.tokenEnd;
      // "Ukraine's eastern Donetsk region", "Lebanon's Tripoli": the second place, read in the first's country
      if (end + 1 < to && tokens[end].norm === "'s") {
        for (let k = end + 1; k < Math.min(to, end + 4); k++) {
          const inner = nameAt(gazetteer, text, tokens, k, to);
          if (inner) {
            const p = gazetteer.choose(inner.values, place.country);
            if (p && p.kind !== 'country') {
              place = p;
              end = inner.tokenEnd;
            }
            break;
          }
          if (tokens[k].pos !== 'ADJ' && !FILLER.has(tokens[k].norm)) break;
        }
      }
      // "Tripoli, Lebanon", "Atlanta, Georgia"
      if (end + 1 < to && tokens[end].norm === ',') {
        const q = nameAt(gazetteer, text, tokens, end + 1, to);
        const qualified = q && gazetteer.qualify(m.values, q.values);
        if (q && qualified && end === m.tokenEnd) {
          place = qualified;
          end = q.tokenEnd;
        }
      }
      // "Solhan in northern Burkina Faso": a town placed in a country is that country's (a Solhan in Turkey is
      // not meant); where the gazetteer has no such town there, the event is at least in that country
      if (end + 1 < to && end === m.tokenEnd && tokens[end].norm === 'in') {
        let k = end + 1;
        while (k < to - 1 && tokens[k].pos === 'ADJ') k++;
        const q = nameAt(gazetteer, text, tokens, k, to);
        const country = q && gazetteer.choose(q.values);
        if (q && country?.kind === 'country' && country.country !== place.country) {
          place = gazetteer.qualify(m.values, q.values) ?? { ...country, name: place.name };
          end = q.tokenEnd;
        }
      }
      if (end < to && tokens[end].pos === 'PROPN' && startsUpper(text, tokens[end].start) && !TIME_WORDS.has(tokens[end].norm)) break;
      return { place, tokenStart: m.tokenStart, tokenEnd: end, start: tokens[m.tokenStart].start, end: tokens[end - 1].end, preposition: i };
    }
  }
  return null;
};
