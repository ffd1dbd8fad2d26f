import { normalizeWord, phraseKeys } from '../nlp/normalize-word.js';

const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const CAPS = /^[A-Z]+$/;
// what phraseKeys splits on besides single spaces: hyphens, commas, a possessive 's, other white space
const SPLITS = /[-,'’]|[^\S ]/;

/**
 * Look-up keys of a place name, split the way the tokenizer splits text: words, hyphens, a possessive 's and
 * commas each a key of their own ("Washington, D.C." → washington , d.c.).
 */
export const placeKeys = (name: string): string[] => {
  // the common cases, done without phraseKeys' regular expressions; same keys
  if (PLAIN.test(name)) {
    const words = name.split(' ');
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (w.length > 3 || w.length < 2 || !CAPS.test(w)) words[i] = w.toLowerCase();
    }
    return words;
  }
  if (!SPLITS.test(name)) return name.split(' ').filter(Boolean).map(normalizeWord);
  return phraseKeys(name.includes(',') ? name.replace(/,/g, ' , ') : name);
};

// Letters that Unicode does not decompose into a base letter and a mark, so folding diacritics keeps them.
const FOLD: Record<string, string> = { ı: 'i', İ: 'I', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe', ħ: 'h', Ħ: 'H' };
const FOLDABLE = /[ıİøØłŁđĐßæÆœŒħĦ]/;
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');
const APOSTROPHES = /['’‘`´ʼʻ]/;
const APOSTROPHES_ALL = new RegExp(APOSTROPHES.source, 'g');
const ARABIC_ARTICLE = /^(?:al|el|as|ar|ad|an|ash|at|az|adh|ath)[-\s]+(?=\S{3})/i;
// a coarse test that any of the above may apply, to let most names through with one test
const MAY_VARY = new RegExp(`${FOLDABLE.source}|${APOSTROPHES.source}|^Saint |^[AaEe][a-zA-Z]{1,2}[-\\s]`);

/** ISO2 codes of the states where GeoNames writes the Arabic article into names ("Ar Raqqah"). */
export const ARABIC_NAMES: ReadonlySet<string> = new Set(['AE', 'BH', 'DZ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE']);

/**
 * Other spellings of a name that news text writes: without apostrophes and ʻ ("Kramators’k" → "Kramatorsk",
 * "N'Djamena" → "NDjamena"), with letters folded that lose no mark ("Diyarbakır" → "Diyarbakir"), "St." for
 * "Saint", and, for Arab states, without the article ("Ar Raqqah" → "Raqqah"). The name itself not included.
 */
export const nameVariants = (name: string, iso2 = ''): string[] => {
  const out: string[] = [];
  if (!MAY_VARY.test(name)) return out;
  let base = name;
  if (FOLDABLE.test(base)) out.push((base = base.replace(FOLDABLE_ALL, (c) => FOLD[c])));
  if (APOSTROPHES.test(base)) out.push((base = base.replace(APOSTROPHES_ALL, '')));
  if (base.startsWith('Saint ')) out.push('St. ' + base.slice(6), 'St ' + base.slice(6));
  if (ARABIC_NAMES.has(iso2) && ARABIC_ARTICLE.test(base)) out.push(base.replace(ARABIC_ARTICLE, ''));
  return out;
};

/** Whether the character at `at` is a capital letter. */
export const startsUpper = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[at];
  return ch !== ch.toLowerCase();
};

/** Whether a word of tokens [from, to) starts with a capital: "southern Lebanon", "Kursk region" are names, "march" is not. */
export const anyUpper = (text: string, tokens: readonly { start: number }[], from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (startsUpper(text, tokens[i].start)) return true;
  return false;
};
