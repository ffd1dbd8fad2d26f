import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { defineStage } from '../pipeline/index.js';
import type { Sentence, Token } from '../doc/index.js';
import { normalizeWord } from './normalize-word.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Splits `text.slice(from, to)` into sentences and tokens with wink-nlp, placing each token at its character
 * offset in the whole text. Whitespace tokens are folded into the `ws` of the token before them, so that
 * joining every token's text and `ws` gives the text back.
 */
// Past forms of news verbs that are also nouns, read as nouns after another noun by the tagger.
const IRREGULAR_PAST = new Map([['shot', 'shoot'], ['struck', 'strike'], ['hit', 'hit'], ['fought', 'fight'], ['took', 'take'], ['held', 'hold'], ['met', 'meet'], ['sent', 'send'], ['led', 'lead'], ['fired', 'fire'], ['seized', 'seize'], ['shelled', 'shell'], ['bombed', 'bomb'], ['raided', 'raid']]);
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'back', 'at', 'on']);
/** A guess at the base form of a past form in -ed ("abducted" → abduct, "stopped" → stop); the coder also tries the word less -d. */
const pastStems = new Map<string, string>();
const pastStem = (norm: string): string => {
  let lemma = pastStems.get(norm);
  if (lemma === undefined) {
    // the tagger's own lemma of the word read as a verb ("they alleged it" → allege), else the word less -ed
    const d = nlp.readDoc(`they ${norm} it`);
    const verb = (d.tokens().out(its.pos) as string[])[1] === 'VERB' ? (d.tokens().out(its.lemma as never) as string[])[1] : undefined;
    const stem = norm.slice(0, -2);
    lemma = verb && verb !== norm ? verb : /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss)$/.test(stem) ? stem.slice(0, -1) : stem;
    pastStems.set(norm, lemma);
  }
  return lemma;
};
const PERFECT = new Set(['has', 'have', 'had', "'ve", "'d"]);
const OBJECT_START = new Set(['DET', 'NUM', 'PROPN', 'NOUN', 'ADJ', 'PRON']);
/**
 * "Boko Haram militants abducted 276 schoolgirls": the tagger reads a past form after a plural noun or a name
 * as one more noun of the phrase. A word in -ed there, with an object after it, is the verb.
 */
const retagPastForms = (tokens: Token[], base: number, end: number): void => {
  // "Norwegian diplomats mediated between ...": with no verb at all in the sentence, a past form after the
  // subject that the tagger read as an adjective is the verb
  let verbs = 0;
  for (let k = base; k < end; k++) if (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') verbs++;
  for (let k = base + 1; k + 1 < end; k++) {
    const w = tokens[k];
    if (verbs === 0 && w.pos === 'ADJ' && /^[a-z]{3,}ed$/.test(w.norm) && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN') && (OBJECT_START.has(tokens[k + 1].pos) || tokens[k + 1].pos === 'ADP')) {
      w.pos = 'VERB';
      w.lemma = pastStem(w.norm);
      verbs++;
      continue;
    }
  }
  for (let k = base + 1; k + 1 < end; k++) {
    const t = tokens[k];
    // "Chinese vessels had harassed its ships": a word in -ed after a perfect "have" is its participle
    if ((t.pos === 'NOUN' || t.pos === 'ADJ') && /^[a-z]{3,}ed$/.test(t.norm) && !/eed$/.test(t.norm) && PERFECT.has(tokens[k - 1].norm) && tokens[k - 1].pos === 'AUX') {
      t.pos = 'VERB';
      t.lemma = pastStem(t.norm);
      continue;
    }
    // "a panel of experts alleged that Rwanda ...": a word in -ed between a noun and "that" is a verb of saying
    if (t.pos === 'ADJ' && /^[a-z]{3,}ed$/.test(t.norm) && tokens[k + 1].norm === 'that' && (tokens[k - 1].pos === 'NOUN' || tokens[k - 1].pos === 'PROPN')) {
      t.pos = 'VERB';
      t.lemma = pastStem(t.norm);
      continue;
    }
    if (t.pos !== 'NOUN') continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const irregular = IRREGULAR_PAST.get(t.norm);
    if (irregular) {
      // "Jordan's military shot down Iranian drones"
      if ((prev.pos === 'NOUN' || prev.pos === 'PROPN') && (next.pos === 'DET' || next.pos === 'NUM' || PARTICLES.has(next.norm))) {
        t.pos = 'VERB';
        t.lemma = irregular;
      }
      continue;
    }
    if (!/^[a-z]{3,}ed$/.test(t.norm) || t.norm === 'hundred' || /eed$/.test(t.norm)) continue;
    // ("tortured detained civilians": a participle adjective may open the object)
    const objectNext = OBJECT_START.has(next.pos) || (next.pos === 'VERB' && /ed$/.test(next.norm));
    if (!((prev.pos === 'NOUN' && /s$/.test(prev.norm)) || prev.pos === 'PROPN') || !objectNext) continue;
    t.pos = 'VERB';
    t.lemma = pastStem(t.norm);
  }
};

export const tokenizeRange = (text: string, from: number, to: number, tokens: Token[], sentences: Sentence[], isDateline = false): void => {
  const part = text.slice(from, to);
  if (!part.trim()) return;
  const wdoc = nlp.readDoc(part);
  const words = wdoc.tokens().out() as string[];
  const types = wdoc.tokens().out(its.type) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lemmas = wdoc.tokens().out(its.lemma as any) as string[];
  const spans: number[][] = [];
  wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => spans.push(s.out(its.span) as unknown as number[]));
  const index: number[] = new Array(words.length).fill(-1);
  let cursor = 0;
  const base = tokens.length;
  for (let i = 0; i < words.length; i++) {
    if (types[i] === 'tabCRLF' || !words[i].trim()) continue;
    const w = words[i];
    let at = part.startsWith(w, cursor) ? cursor : part.indexOf(w, cursor);
    if (at < 0 || /\S/.test(part.slice(cursor, at))) {
      // wink gave a form that is not in the text (rare): keep the cursor, the gap stays in `ws`.
      at = cursor;
      while (at < part.length && /\s/.test(part[at])) at++;
      if (!part.startsWith(w, at)) continue;
    }
    index[i] = tokens.length;
    tokens.push({
      start: from + at,
      end: from + at + w.length,
      ws: '',
      pos: pos[i],
      lemma: lemmas[i].toLowerCase(),
      norm: normalizeWord(w),
      sentence: -1,
    });
    cursor = at + w.length;
  }
  for (let k = base; k < tokens.length; k++) {
    tokens[k].ws = text.slice(tokens[k].end, k + 1 < tokens.length ? tokens[k + 1].start : to);
  }

  for (const [s, e] of spans) {
    let first = -1;
    let last = -1;
    for (let i = s; i <= e; i++) {
      if (index[i] >= 0) {
        if (first < 0) first = index[i];
        last = index[i];
      }
    }
    if (first < 0) continue;
    const sentence: Sentence = {
      index: sentences.length,
      start: tokens[first].start,
      end: tokens[last].end,
      tokenStart: first,
      tokenEnd: last + 1,
      ...(isDateline ? { isDateline: true as const } : {}),
    };
    for (let k = first; k <= last; k++) tokens[k].sentence = sentence.index;
    sentences.push(sentence);
    retagPastForms(tokens, first, last + 1);
  }
};

export const tokenize = defineStage({
  name: 'tokenize',
  requires: ['dateline'],
  assigns: ['sentences', 'tokens'],
  run: (doc) => {
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    const body = doc.dateline ? doc.dateline.body : 0;
    if (doc.dateline) tokenizeRange(doc.text, 0, body, tokens, sentences, true);
    tokenizeRange(doc.text, body, doc.text.length, tokens, sentences);
    if (tokens.length && doc.dateline) {
      // the dateline's trailing whitespace belongs to its last token
      const last = tokens.findLast((t) => t.end <= body);
      const next = tokens.find((t) => t.start >= body);
      if (last && next) last.ws = doc.text.slice(last.end, next.start);
    }
    return { ...doc, tokens, sentences };
  },
});
