import type { Actor, Sentence, Token } from '../doc/index.js';
import { tokenizeRange } from '../nlp/tokenize.js';
import { findMentionsIn } from './find-mentions.js';
import type { ActorDictionary } from './load-actor-dictionary.js';
import { resolvePieces, roleOn } from './resolve-actors.js';
import type { ActorEntry } from './types.js';
import type { Gazetteer } from '../geo/index.js';

export type PhraseResolution = {
  actor: Actor | null;
  /** The mention that decided it and the dictionary entries inside it, for `dyad actor` to explain. */
  mention: { text: string; entries: { text: string; entry: ActorEntry; role?: string }[] } | null;
};

/** Resolves a standalone phrase ("Russia's UN ambassador") on a date: its first mention that names an actor. */
export const resolvePhrase = (text: string, date: string, dict: ActorDictionary, gazetteer?: Gazetteer): PhraseResolution => {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  tokenizeRange(text, 0, text.length, tokens, sentences);
  for (const s of sentences) {
    const found = findMentionsIn(tokens, s.tokenStart, s.tokenEnd, s.index, dict, gazetteer && { gazetteer, text });
    for (const [k, m] of found.entries()) {
      const last = m.pieces[m.pieces.length - 1];
      const r = resolvePieces(m.pieces, date, !m.name && (!last || last.tokenEnd < m.tokenEnd));
      if (!r) continue;
      const { head: _head, ...resolved } = r;
      let actor = resolved;
      if (!actor.country) {
        // "professor of strategic studies at the University of St Andrews": the phrase's later words place it
        for (const later of found.slice(k + 1)) {
          const l = resolvePieces(later.pieces, date, false);
          if (l?.country && /^[A-Z]{3}$/.test(l.country) && !/^(IGO|NGO|IMG|UNO|EUR)$/.test(l.country)) {
            actor = { ...actor, country: l.country, code: l.country + actor.sector };
            break;
          }
        }
      }
      return {
        actor,
        mention: {
          text: text.slice(m.start, m.end),
          entries: m.pieces.flatMap((p) =>
            p.entries.map((entry) => {
              const held = entry.roles ? roleOn(entry.roles, date) : null;
              return {
                text: text.slice(p.start, p.end),
                entry,
                ...(held ? { role: `${held.title} (${held.sector}) ${held.start} – ${held.end ?? 'today'}` } : {}),
              };
            }),
          ),
        },
      };
    }
  }
  return { actor: null, mention: null };
};
