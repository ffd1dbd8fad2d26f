/**
 * Look-up key of a word: lower case, no diacritics, typographic apostrophes made plain. Two- and three-letter
 * words in capitals keep them ("US", "UN", "EU", "IS"), so the acronyms do not match "us", "is".
 */
export const normalizeWord = (word: string): string => {
  if (word.length <= 3 && word.length >= 2 && /^[A-Z]+$/.test(word)) return word;
  let w = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´]/g, "'");
  return w;
};

/**
 * Splits a dictionary phrase into look-up keys the way the tokenizer splits running text (hyphens and a
 * possessive 's are tokens of their own), so phrases and text meet on the same keys.
 */
export const phraseKeys = (phrase: string): string[] => {
  const out: string[] = [];
  for (const piece of phrase.trim().split(/\s+/)) {
    for (const part of piece.split(/(-)/)) {
      if (!part) continue;
      const m = /^(.+?)(['’]s)$/i.exec(part);
      // ("Kurdistan Workers' Party": a plural's possessive mark is a token of its own too)
      const plural = m ? null : /^(.+s)(['’])$/i.exec(part);
      if (m && m[1].length > 1) out.push(normalizeWord(m[1]), normalizeWord(m[2]));
      else if (plural) out.push(normalizeWord(plural[1]), normalizeWord(plural[2]));
      else out.push(normalizeWord(part));
    }
  }
  return out;
};
