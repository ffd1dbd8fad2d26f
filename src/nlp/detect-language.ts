import { franc } from 'franc-min';
import { defineStage } from '../pipeline/index.js';
import { message } from '../doc/index.js';

const STOPWORDS = new Set(
  'the of and to in a is that for on with as was by at from it be has have are said were an this its which will not his their but after over they who had been would also more than against about'.split(' '),
);

/**
 * Language of a text as an ISO 639-3 code. English news is recognised by its function words, cheaply; other
 * text goes to franc for a guess. Short text is 'und' (undetermined) and is treated as English.
 */
export const detectLanguage = (text: string): string => {
  const sample = text.slice(0, 3000);
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u4e00-\u9fff]+/g) ?? [];
  if (words.length < 6) return 'und';
  let hits = 0;
  for (const w of words) if (STOPWORDS.has(w)) hits++;
  if (hits / words.length >= 0.12) return 'eng';
  return franc(sample, { minLength: 20 });
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
