import { francAll } from 'franc-min';
import { defineStage } from '../pipeline/index.js';
import { message } from '../doc/index.js';

// Function words (and the names of days and months) that are English and rarely words of the other languages news comes in ("in", "a", "as",
// "on" are left out: they are French, Spanish, Italian, German or Dutch words too).
// English function words that other languages also use: they count only towards the plain share of function words.
const SHARED = new Set(['in', 'a', 'an', 'as', 'on']);
const STOPWORDS = new Set(
  ('the of and to is that for with was by at from it be has have are said says were this its which will not his her ' +
    'their but after over they who had been would could should also more than against about if or he she we into ' +
    'between during while near since because did does what when where there these those our them him new two three week ' +
    'monday tuesday wednesday thursday friday saturday sunday january february june july october november december')
    .split(' '),
);

/**
 * Language of a text as an ISO 639-3 code. English news is recognised by its function words, cheaply; other
 * text goes to franc for a guess. Short text is 'und' (undetermined) and is treated as English.
 * A one-sentence story has few function words and franc guesses wildly on it ("Israel threatened to strike
 * Iran's nuclear facilities if diplomacy failed." reads as Spanish to it), so a short text with at least two
 * English function words or past forms in -ed is English.
 */
export const detectLanguage = (text: string): string => {
  const sample = text.slice(0, 3000);
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u4e00-\u9fff]+/g) ?? [];
  if (words.length < 6) return 'und';
  let hits = 0;
  let shared = 0;
  let pastForms = 0;
  for (const w of words) {
    if (STOPWORDS.has(w)) hits++;
    else if (SHARED.has(w)) shared++;
    else if (w.length >= 5 && w.endsWith('ed')) pastForms++;
  }
  if ((hits + shared) / words.length >= 0.12) return 'eng';
  // past tenses and participles in -ed are English too, and rare as word endings in the other languages
  const evidence = hits + pastForms;
  if (words.length <= 60 && evidence >= 2 && evidence / words.length >= 0.06) return 'eng';
  const guesses = francAll(sample, { minLength: 20 });
  // a short text franc finds nearly as English as its best guess is English, the language the coder reads
  // ("Venezuela's government shut down seven opposition radio stations." is 'fra' 1.0, 'eng' 0.99 to it)
  if (words.length <= 60 && (guesses.find(([lang]) => lang === 'eng')?.[1] ?? 0) >= 0.95) return 'eng';
  return guesses[0][0];
};

export const detectLanguageStage = defineStage({
  name: 'detectLanguage',
  requires: [],
  assigns: ['language'],
  run: (doc) => {
    const language = detectLanguage(doc.text);
    if (language !== 'eng' && language !== 'und') {
      const reason = `not in English (detected "${language}"); skipped`;
      message(doc, 'detectLanguage', 'not-english', reason);
      return { ...doc, language, skipped: reason };
    }
    return { ...doc, language };
  },
});
