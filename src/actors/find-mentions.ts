import { defineStage } from '../pipeline/index.js';
import type { Mention, MentionPiece, Token } from '../doc/index.js';
import type { ActorDictionary } from './load-actor-dictionary.js';
import type { PhraseMatch } from './phrase-trie.js';
import type { ActorEntry } from './types.js';
import type { Gazetteer, Place } from '../geo/index.js';

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const TIME_WORDS = new Set('today tonight yesterday tomorrow overnight week month year weekend monday tuesday wednesday thursday friday saturday sunday morning evening night'.split(' '));
// capitalised words that are not names of people or groups
const NOT_NAMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow'.split(' '),
);

const inNounPhrase = (t: Token, prev: Token | undefined, next: Token | undefined): boolean => {
  if (NP_POS.has(t.pos)) return true;
  if (t.norm === "'s" || t.norm === "'") return !!prev && NP_POS.has(prev.pos);
  // "Algeria's leading human rights activist", "the ruling party": a participle in -ing between a possessive
  // or determiner and a noun modifies the noun
  if (t.pos === 'VERB' && t.norm.endsWith('ing') && (prev?.norm === "'s" || prev?.pos === 'DET') && next && (next.pos === 'NOUN' || next.pos === 'ADJ')) return true;
  // a hyphen inside a word ("Kyiv-based", "al-Qaeda") joins its neighbours
  if (t.norm === '-' && prev && next && !prev.ws && !t.ws) return NP_POS.has(next.pos) || next.pos === 'PUNCT';
  return false;
};

/**
 * Finds actor mentions: noun-phrase chunks (over part-of-speech tags) that hold at least one dictionary
 * phrase. A dictionary phrase may bridge words a chunk would split ("Secretary of State", "Bosnia and
 * Herzegovina"). The mention keeps every phrase it holds as a piece; resolution decides who it is.
 */
const placeEntries = new WeakMap<Place, ActorEntry>();
/** A gazetteer place as an actor entry: it gives a country, no sector. */
const placeEntry = (place: Place): ActorEntry => {
  let e = placeEntries.get(place);
  if (!e) placeEntries.set(place, (e = { id: `place:${place.country}:${place.name}`, kind: 'place', name: place.name, country: place.country, dictionary: 'gazetteer' }));
  return e;
};

const LANGUAGE_WORDS = new Set(['language', 'languages', 'dialect', 'alphabet', 'script', 'literature', 'cuisine', 'grammar']);
/** Participles that, hyphened after an actor, make a phrase about a place it holds. */
const HOLDING = new Set(['held', 'controlled', 'occupied', 'run', 'ruled', 'administered', 'dominated', 'besieged']);

/** Dictionary matches, with the gazetteer's cities and regions where no dictionary phrase stands. */
// Titles that stand before a person's name: a town after one is a surname ("President Bush", "General Mansfield").
const PERSON_TITLES = new Set(
  'president premier minister chancellor king queen prince princess emir sheikh sultan pope general gen. senator sen. governor gov. secretary ambassador envoy commander colonel col. judge mayor mr. mr mrs. mrs ms. ms dr. dr lawmaker spokesman spokeswoman leader'.split(' '),
);
const actorMatches = (tokens: Token[], from: number, to: number, dict: ActorDictionary, places?: { gazetteer: Gazetteer; text: string }): PhraseMatch<ActorEntry>[] => {
  const all = dict.trie.matchAll(tokens, from, to);
  // "Volker Turk", "Daniel English": a nationality word right after a first name no dictionary knows is a surname
  const matches = all.filter(
    (m) =>
      !(
        m.tokenEnd - m.tokenStart === 1 &&
        m.tokenStart - 1 > from &&
        m.values.every((e) => e.kind === 'demonym') &&
        !['NOUN', 'PROPN', 'CCONJ', 'ADJ'].includes(tokens[m.tokenEnd]?.pos ?? '') &&
        tokens[m.tokenStart - 1].pos === 'PROPN' &&
        !NOT_NAMES.has(tokens[m.tokenStart - 1].norm) &&
        !PERSON_TITLES.has(tokens[m.tokenStart - 1].norm) &&
        !all.some((o) => o !== m && o.tokenStart <= m.tokenStart - 1 && m.tokenStart - 1 < o.tokenEnd)
      ) &&
      // "Apple Daily", "Shell Foundation": a company's name running into another capitalised word is part of
      // another name
      !(
        m.values.every((e) => e.kind === 'org' && /BUS$/.test(e.code ?? '')) &&
        m.tokenEnd < to &&
        tokens[m.tokenEnd].pos === 'PROPN' &&
        !NOT_NAMES.has(tokens[m.tokenEnd].norm) &&
        !all.some((o) => o !== m && o.tokenStart <= m.tokenEnd && m.tokenEnd < o.tokenEnd)
      ),
  );
  if (!places) return matches;
  const found = places.gazetteer.matchAll(tokens, from, to, { text: places.text });
  if (!found.length) return matches;
  const inDictionary = (k: number) => matches.some((m) => m.tokenStart <= k && k < m.tokenEnd);
  // a place name that runs into another capitalised name is part of a person's name ("Romy Rutherford")
  const nameNext = (k: number) => k >= from && k < to && tokens[k].pos === 'PROPN' && !NOT_NAMES.has(tokens[k].norm) && !inDictionary(k);
  const extra = found
    .filter((p) => p.place.kind !== 'country' && !matches.some((m) => m.tokenStart < p.tokenEnd && p.tokenStart < m.tokenEnd))
    .filter((p) => !nameNext(p.tokenStart - 1) && !nameNext(p.tokenEnd) && !(p.tokenStart - 1 >= from && PERSON_TITLES.has(tokens[p.tokenStart - 1].norm)))
    // ("the Gogra-Hot Springs area": a name glued by a hyphen to a word before it is part of a longer name)
    .filter((p) => !(p.tokenStart - 2 >= from && tokens[p.tokenStart - 1].norm === '-' && !tokens[p.tokenStart - 1].ws && !tokens[p.tokenStart - 2].ws))
    .map((p) => ({ tokenStart: p.tokenStart, tokenEnd: p.tokenEnd, values: [placeEntry(p.place)] }));
  return extra.length ? [...matches, ...extra].sort((a, b) => a.tokenStart - b.tokenStart) : matches;
};

/** "ethnic Albanians": an ethnic group, not citizens of the state of that name; they take the country of their context. */
const ethnicEntry = (e: ActorEntry): ActorEntry => ({ id: `ethnic:${e.country}`, kind: 'role', name: e.name, sector: 'CVL', dictionary: e.dictionary });

export const findMentionsIn = (
  tokens: Token[],
  from: number,
  to: number,
  sentence: number,
  dict: ActorDictionary,
  places?: { gazetteer: Gazetteer; text: string },
): Mention[] => {
  const text = places?.text;
  // names of states, bodies and people are written with a capital: "nationals", "turkey", "china" are not them
  const proper = (m: PhraseMatch<ActorEntry>): PhraseMatch<ActorEntry> | null => {
    if (!text) return m;
    // ("the Kremlin", "al-Shabaab": some word of the name has one)
    for (let k = m.tokenStart; k < m.tokenEnd; k++) {
      const c = text[tokens[k].start];
      if (c !== undefined && c !== c.toLowerCase()) return m;
    }
    const values = m.values.filter((e) => e.kind === 'role' || e.kind === 'modifier' || e.kind === 'demonym');
    return values.length ? (values.length === m.values.length ? m : { ...m, values }) : null;
  };
  const matches = actorMatches(tokens, from, to, dict, places)
    .map(proper)
    .filter((m): m is PhraseMatch<ActorEntry> => m !== null)
    // "the rebel-held suburbs", "Russian-occupied Kherson": the actor names who holds a place, the phrase is the place
    .filter((m) => !(tokens[m.tokenEnd]?.norm === '-' && tokens[m.tokenEnd].start === tokens[m.tokenEnd - 1].end && HOLDING.has(tokens[m.tokenEnd + 1]?.norm ?? '')))
    .map((m) =>
    m.tokenStart > from && tokens[m.tokenStart - 1].norm === 'ethnic' && m.values.some((e) => e.kind === 'demonym')
      ? { ...m, values: m.values.filter((e) => e.kind === 'demonym').map(ethnicEntry) }
      : m,
  );
  const covered = new Int32Array(to - from).fill(-1);
  matches.forEach((m, k) => {
    for (let i = m.tokenStart; i < m.tokenEnd; i++) covered[i - from] = k;
  });
  const mentions: Mention[] = [];
  let i = from;
  while (i < to) {
    const inChunk = (j: number) => covered[j - from] >= 0 || inNounPhrase(tokens[j], tokens[j - 1], tokens[j + 1]);
    if (!inChunk(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && inChunk(j)) {
      // "Niger's junta a one-week ultimatum": a determiner after a noun starts the next noun phrase
      if (j > i && tokens[j].pos === 'DET' && covered[j - from] < 0 && ['NOUN', 'PROPN', 'NUM'].includes(tokens[j - 1].pos)) break;
      j++;
    }
    // "found Navalny guilty", "attacked Ukraine early": an adjective after the noun is not part of its phrase
    while (j - 1 > i && tokens[j - 1].pos === 'ADJ' && covered[j - 1 - from] < 0 && ['NOUN', 'PROPN'].includes(tokens[j - 2].pos)) j--;
    // "the Security Council today", "Baghdad next week": a time word closing the phrase is no part of the name
    while (j - 1 > i && covered[j - 1 - from] < 0 && TIME_WORDS.has(tokens[j - 1].norm)) {
      j--;
      while (j - 1 > i && covered[j - 1 - from] < 0 && (tokens[j - 1].norm === 'next' || tokens[j - 1].norm === 'last' || tokens[j - 1].norm === 'this')) j--;
    }
    // chunk [i, j): collect the matches inside it
    const pieces: MentionPiece[] = [];
    let last = -1;
    for (let k = i; k < j; k++) {
      const m = covered[k - from];
      if (m >= 0 && m !== last) {
        const match = matches[m];
        pieces.push({
          start: tokens[match.tokenStart].start,
          end: tokens[match.tokenEnd - 1].end,
          tokenStart: match.tokenStart,
          tokenEnd: match.tokenEnd,
          entries: match.values,
        });
        last = m;
      }
    }
    // a proper name no dictionary knows: the last run of capitalised words outside every piece
    let nameEnd = -1;
    let nameStart = -1;
    for (let k = j - 1; k >= i; k--) {
      const unmatched = covered[k - from] < 0 && tokens[k].pos === 'PROPN' && !NOT_NAMES.has(tokens[k].norm);
      if (unmatched && nameEnd < 0) nameEnd = k + 1;
      if (nameEnd >= 0) {
        if (unmatched) nameStart = k;
        else break;
      }
    }
    const name = nameStart >= 0 ? { start: tokens[nameStart].start, end: tokens[nameEnd - 1].end } : undefined;
    // a bare surname may be a person of the registry ("Zelenskyy said"); resolution checks who was in office
    const namesakes = name && nameStart === nameEnd - 1 ? dict.surnames.get(tokens[nameEnd - 1].norm) : undefined;
    if (namesakes) {
      const t = nameEnd - 1;
      pieces.push({ start: tokens[t].start, end: tokens[t].end, tokenStart: t, tokenEnd: t + 1, entries: namesakes, surname: true });
    }
    // ("the use of the Russian language": a nationality that names a language, not its people)
    const language = !name && LANGUAGE_WORDS.has(tokens[j - 1].norm) && pieces.every((p) => p.entries.every((e) => e.kind === 'demonym'));
    if (!language && (name || pieces.some((p) => p.entries.some((e) => e.kind !== 'modifier')))) {
      // trim leading determiners and trailing possessive marks from the span
      let s = i;
      while (s < j - 1 && tokens[s].pos === 'DET' && covered[s - from] < 0) s++;
      let e = j;
      while (e > s + 1 && (tokens[e - 1].norm === "'s" || tokens[e - 1].norm === "'")) e--;
      mentions.push({ start: tokens[s].start, end: tokens[e - 1].end, sentence, tokenStart: s, tokenEnd: e, pieces, ...(name ? { name } : {}) });
    }
    i = j;
  }
  // "Russian and Belarusian soldiers": a nationality coordinated with another shares its noun
  for (let k = mentions.length - 2; k >= 0; k--) {
    const a = mentions[k];
    const b = mentions[k + 1];
    const between = tokens.slice(a.tokenEnd, b.tokenStart).map((t) => t.norm);
    if (!between.length || !between.every((w) => w === 'and' || w === ',' || w === 'or')) continue;
    if (!a.pieces.length || !a.pieces.every((p) => p.entries.some((e) => e.kind === 'demonym'))) continue;
    if (!b.pieces[0]?.entries.some((e) => e.kind === 'demonym')) continue;
    const shared = b.pieces.filter((p) => p.entries.some((e) => e.kind === 'role'));
    if (shared.length) a.pieces = [...a.pieces, ...shared];
  }
  // "the president of the Riigikogu", "a spokesman for the ministry": a member noun and the body it belongs to
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k];
    const b = mentions[k + 1];
    const last = a.pieces[a.pieces.length - 1];
    if (!last || last.tokenEnd !== a.tokenEnd || !last.entries.some((e) => e.member)) continue;
    const prep = tokens[a.tokenEnd];
    if (!prep || (prep.norm !== 'of' && prep.norm !== 'for' && prep.norm !== 'at')) continue;
    const gap = b.tokenStart - a.tokenEnd;
    if (gap !== 1 && !(gap === 2 && tokens[a.tokenEnd + 1].pos === 'DET')) continue;
    mentions.splice(k, 2, { ...b, start: a.start, tokenStart: a.tokenStart, pieces: [...a.pieces, ...b.pieces], ...(b.name ?? a.name ? { name: b.name ?? a.name } : {}) });
  }
  return mentions;
};

export const findMentions = (dict: ActorDictionary, gazetteer?: Gazetteer) =>
  defineStage({
    name: 'findMentions',
    requires: ['sentences', 'tokens'],
    assigns: ['mentions'],
    run: (doc) => {
      const mentions: Mention[] = [];
      for (const s of doc.sentences!) {
        // the dateline's mentions give the story's place; no clause reads them
        mentions.push(...findMentionsIn(doc.tokens!, s.tokenStart, s.tokenEnd, s.index, dict, gazetteer && { gazetteer, text: doc.text }));
      }
      return { ...doc, mentions };
    },
  });
