import { defineStage } from '../pipeline/index.js';
import type { Actor, Mention, NewsDoc } from '../doc/index.js';
import { normalizeWord } from '../nlp/normalize-word.js';
import { withCountry } from './with-country.js';

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);

/**
 * Gives actors to mentions whose own words do not say who they are, from the rest of the article:
 * - an apposition: "Ilze Ozola, Latvia's foreign minister," — the name takes the title's actor;
 * - a name seen before with a title: "Foreign Minister Ilze Ozola ... Ozola said";
 * - he/she: the nearest person mentioned before, in this sentence or the two before it.
 * Each linked mention records `via`, so an event can say how its actor was found.
 */
export const linkMentionsIn = (doc: NewsDoc): Mention[] => {
  const text = doc.text;
  const tokens = doc.tokens!;
  // adds to the mentions of this doc: an actor where the article says who they are
  const mentions = doc.mentions!;
  const names = new Map<string, Actor>();
  const remember = (m: Mention) => {
    if (!m.name || !m.actor) return;
    const parts = text.slice(m.name.start, m.name.end).split(/\s+/).map(normalizeWord);
    names.set(parts.join(' '), m.actor);
    names.set(parts[parts.length - 1], m.actor);
  };
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (!m.actor && m.name) {
      // apposition: NAME , TITLE-MENTION ,
      const next = mentions[k + 1];
      if (next?.actor && next.sentence === m.sentence && tokens[m.tokenEnd]?.norm === ',' && next.tokenStart === m.tokenEnd + 1 && next.pieces.some((p) => p.entries.some((e) => e.kind === 'role'))) {
        m.actor = next.actor;
        m.via = 'apposition';
      } else {
        const parts = text.slice(m.name.start, m.name.end).split(/\s+/).map(normalizeWord);
        const known = names.get(parts.join(' ')) ?? names.get(parts[parts.length - 1]);
        if (known) {
          m.actor = known;
          m.via = 'coreference';
        }
      }
    }
    // "the secretary", "the minister" after a full mention: the title points back to the one who held it
    if (m.actor && !m.actor.country && m.pieces.length && m.pieces.every((p) => p.entries.some((e) => e.kind === 'role')) && tokens[m.tokenStart - 1]?.norm === 'the') {
      const title = m.pieces[m.pieces.length - 1].entries.find((e) => e.kind === 'role')!.name.toLowerCase();
      const holds = (e: { kind: string; name: string }) => e.kind === 'role' && (e.name.toLowerCase() === title || e.name.toLowerCase().endsWith(' ' + title));
      for (let j = k - 1; j >= 0; j--) {
        const prev = mentions[j];
        if (prev.actor?.country && prev.pieces.some((p) => p.entries.some(holds))) {
          m.actor = prev.actor;
          m.via = 'title';
          break;
        }
      }
    }
    // "the country's transitional authorities": the country is the one named last before it, in this
    // sentence or the one before
    if (m.actor && !m.actor.country && tokens[m.tokenStart]?.norm === 'country' && tokens[m.tokenStart + 1]?.norm === "'s" && tokens[m.tokenStart - 1]?.norm === 'the') {
      for (let j = k - 1; j >= 0 && mentions[j].sentence >= m.sentence - 1; j--) {
        const prev = mentions[j];
        const country = prev.pieces.flatMap((p) => p.entries).find((e) => e.kind === 'country')?.country;
        if (country && prev.actor?.country === country) {
          m.actor = withCountry(m.actor, country, 'coreference');
          m.via = 'coreference';
          break;
        }
      }
    }
    // "the town of Maarat al-Numan in Syria": a town the gazetteer knows elsewhere (a Numan in Nigeria) is in the
    // country the text places it in
    const next = mentions[k + 1];
    if (
      m.actor?.country && next?.actor?.country && next.sentence === m.sentence && next.actor.country !== m.actor.country &&
      (tokens[m.tokenEnd]?.norm === 'in' || tokens[m.tokenEnd]?.norm === ',') && next.tokenStart === m.tokenEnd + 1 &&
      m.pieces.length > 0 && m.pieces.every((p) => p.entries.every((e) => e.kind === 'place')) &&
      next.pieces.length > 0 && next.pieces.every((p) => p.entries.some((e) => e.kind === 'country'))
    ) {
      const country = next.actor.country;
      m.actor = { ...m.actor, country, code: country + m.actor.code.slice(3), entry: `${m.actor.entry}+placed:${country}` };
    }
    remember(m);
  }
  // pronouns: add mentions for he/she that point back to the nearest earlier person
  const out: Mention[] = [];
  let mi = 0;
  let lastPerson: Mention | null = null;
  for (let t = 0; t < tokens.length; t++) {
    while (mi < mentions.length && mentions[mi].tokenStart <= t) {
      const m = mentions[mi++];
      out.push(m);
      if (m.actor && (m.name || m.actor.entry.startsWith('person:'))) lastPerson = m;
    }
    const tok = tokens[t];
    const sentence = doc.sentences![tok.sentence];
    // ("Peru's acting attorney general held a news conference. He said ...": a sentence-opening he/she with no named
    // person just before goes on about the previous sentence's subject too)
    const personNear = lastPerson?.actor && tok.sentence - lastPerson.sentence <= 1;
    if (tok.pos === 'PRON' && (tok.norm === 'they' || tok.norm === 'it' || ((tok.norm === 'he' || tok.norm === 'she') && !personNear)) && t === sentence.tokenStart && tok.sentence > 0) {
      // "Serbian students gathered in Novi Sad. They blocked the city's bridges": a sentence that opens with
      // "they" or "it" goes on about the subject of the sentence before
      const before = mentions.find((m) => m.sentence === tok.sentence - 1 && m.actor && !doc.sentences![m.sentence].isDateline);
      const personal = tok.norm === 'he' || tok.norm === 'she';
      if (before?.actor && (tok.norm === 'they' || (personal ? !!before.actor.sector : !(before.name || before.actor.entry.startsWith('person:'))))) {
        out.push({ start: tok.start, end: tok.end, sentence: tok.sentence, tokenStart: t, tokenEnd: t + 1, pieces: [], actor: before.actor, via: 'pronoun' });
        continue;
      }
    }
    if (tok.pos === 'PRON' && PERSON_PRONOUNS.has(tok.norm) && lastPerson?.actor && tok.sentence - lastPerson.sentence <= 2 && tok.sentence >= lastPerson.sentence) {
      out.push({ start: tok.start, end: tok.end, sentence: tok.sentence, tokenStart: t, tokenEnd: t + 1, pieces: [], actor: lastPerson.actor, via: 'pronoun' });
    }
  }
  while (mi < mentions.length) out.push(mentions[mi++]);
  return out;
};

export const linkMentions = defineStage({
  name: 'linkMentions',
  requires: ['mentions', 'actors'],
  assigns: ['actors'],
  run: (doc) => ({ ...doc, mentions: linkMentionsIn(doc) }),
});
