import type { EventActor, EventPlace, Mention, NewsDoc, Span } from '../doc/index.js';
import { withCountry } from '../actors/with-country.js';
import { findPlace, type Gazetteer, type Place } from '../geo/index.js';
import type { Clause } from './clause.js';

export type PlaceRef = EventPlace;

/**
 * The place a clause names ("in Geneva", "near the Ukrainian border"): the first place after a preposition
 * in the clause's words, from the gazetteer; else a country or capital mention the clause puts after
 * "in", "at" or "near".
 */
export const clausePlace = (doc: NewsDoc, clause: Clause | null, gazetteer?: Gazetteer): EventPlace | null => {
  if (!clause) return null;
  if (gazetteer) {
    const found = findPlace(doc.text, doc.tokens!, clause.tokenEnd, clause.regionEnd, gazetteer);
    if (found) return asEventPlace(doc, found.place, { start: found.start, end: found.end });
  }
  const mentions = doc.mentions!;
  for (const o of clause.objects) {
    const m = mentions[o.mention];
    if (!o.prep || !PLACE_PREPS.has(o.prep) || !m.actor?.country) continue;
    if (m.pieces.some((p) => p.entries.some((e) => PLACE_KINDS.has(e.kind)))) {
      const text = doc.text.slice(m.start, m.end);
      const known = gazetteer?.country(m.actor.country);
      return { text, span: { start: m.start, end: m.end }, name: text, country: m.actor.country, ...(known ? { lat: known.lat, lon: known.lon, kind: 'country' as const } : {}), from: 'clause' };
    }
  }
  return null;
};

/** The place named in the words before a clause's verb, in its sentence ("a roadside bombing near Samarra killed"). */
export const placeBeforeVerb = (doc: NewsDoc, clause: Clause, gazetteer?: Gazetteer): EventPlace | null => {
  if (!gazetteer) return null;
  const from = doc.sentences![clause.sentence].tokenStart;
  const found = findPlace(doc.text, doc.tokens!, from, clause.tokenStart, gazetteer);
  return found ? asEventPlace(doc, found.place, { start: found.start, end: found.end }) : null;
};

const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);
const PLACE_KINDS = new Set(['country', 'capital', 'place']);

/** Whether a mention names only a place: a town, a region, a capital or a country ("Aleppo", "Ukraine"). */
export const namesPlace = (m: Mention): boolean => m.pieces.length > 0 && m.pieces.every((p) => p.entries.length > 0 && p.entries.every((e) => PLACE_KINDS.has(e.kind)));

const asEventPlace = (doc: NewsDoc, p: Place, span: Span | undefined, from: EventPlace['from'] = 'clause'): EventPlace => ({
  text: span ? doc.text.slice(span.start, span.end) : p.name,
  ...(span ? { span } : {}),
  name: p.name,
  country: p.country,
  ...(p.region ? { region: p.region } : {}),
  lat: p.lat,
  lon: p.lon,
  kind: p.kind,
  from,
});

/** The dateline's place ("COLOMBO, Sri Lanka" is Colombo in LKA) from the gazetteer, if it knows it. */
export const datelinePlace = (doc: NewsDoc, gazetteer?: Gazetteer): EventPlace | null => {
  const d = doc.dateline;
  if (!d || !gazetteer) return null;
  const p = gazetteer.lookup(d.place);
  return p ? asEventPlace(doc, p, undefined, 'dateline') : null;
};

/** The country of the story's dateline ("COLOMBO, Sri Lanka (AP) —" is LKA), if the dateline names one. */
export const datelineCountry = (doc: NewsDoc, gazetteer?: Gazetteer): string | null => {
  const fromGazetteer = datelinePlace(doc, gazetteer)?.country;
  if (fromGazetteer) return fromGazetteer;
  const s = doc.sentences?.find((x) => x.isDateline);
  if (!s) return null;
  const m = doc.mentions!.find((x: Mention) => x.sentence === s.index && x.actor?.country);
  return m?.actor?.country ?? null;
};

/**
 * An actor named only by its role ("police", "the rebels") takes the country its context gives: where the
 * event happens, else the dateline, else the other party's country (news reports most such acts at home).
 */
export const withContextCountry = (actor: EventActor | null, country: string | null | undefined): EventActor | null => (actor ? withCountry(actor, country, 'context') : actor);
