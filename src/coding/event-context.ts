import type { EventActor, Mention, NewsDoc, Span } from '../doc/index.js';
import type { Clause } from './clause.js';

const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);
const PLACE_KINDS = new Set(['country', 'capital']);

export type PlaceRef = { text: string; country: string; span: Span };

/** The place a clause names ("in Geneva", "near the Ukrainian border"): its text and country, if known. */
export const clausePlace = (doc: NewsDoc, clause: Clause | null): PlaceRef | null => {
  if (!clause) return null;
  const mentions = doc.mentions!;
  for (const o of clause.objects) {
    const m = mentions[o.mention];
    if (!o.prep || !PLACE_PREPS.has(o.prep) || !m.actor?.country) continue;
    if (m.pieces.some((p) => p.entries.some((e) => PLACE_KINDS.has(e.kind)))) {
      return { text: doc.text.slice(m.start, m.end), country: m.actor.country, span: { start: m.start, end: m.end } };
    }
  }
  return null;
};

/** The country of the story's dateline ("COLOMBO, Sri Lanka (AP) —" is LKA), if the dateline names one. */
export const datelineCountry = (doc: NewsDoc): string | null => {
  const s = doc.sentences?.find((x) => x.isDateline);
  if (!s) return null;
  const m = doc.mentions!.find((x: Mention) => x.sentence === s.index && x.actor?.country);
  return m?.actor?.country ?? null;
};

/**
 * An actor named only by its role ("police", "the rebels") takes the country its context gives: where the
 * event happens, else the dateline, else the other party's country (news reports most such acts at home).
 */
export const withContextCountry = (actor: EventActor | null, country: string | null | undefined): EventActor | null => {
  if (!actor || actor.country || !country || !/^[A-Z]{3}$/.test(country)) return actor;
  return { ...actor, country, code: country + actor.sector, entry: `${actor.entry}+context:${country}` };
};
