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
    for (const m of findMentionsIn(tokens, s.tokenStart, s.tokenEnd, s.index, dict, gazetteer && { gazetteer, text })) {
      const last = m.pieces[m.pieces.length - 1];
      const r = resolvePieces(m.pieces, date, !m.name && (!last || last.tokenEnd < m.tokenEnd));
      if (!r) continue;
      const { head: _head, ...actor } = r;
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
