import type { Token } from '../doc/index.js';
import type { VerbPattern } from './verb-dictionary.js';

/** Words a pattern may skip between its elements: "impose [new economic] sanctions on", "delivered [the first HIMARS rocket launchers] to". */
export const MAX_GAP = 8;
// A pattern's words never reach across these: they start another clause or list.
const PLACE_ADP = new Set(['in', 'at', 'near', 'inside', 'outside', 'during', 'after', 'before', 'since', 'until']);
// Prepositions inside an object phrase: "the capital of Ukraine", "a ruling by the court", "more than 200 Venezuelans".
const CROSSED = new Set(['of', 'by', 'than']);
/** Nouns an actor can modify after "with" to name the help or leave an act was done with. */
const MEANS = new Set(['mediation', 'help', 'support', 'backing', 'assistance', 'approval', 'blessing', 'funding', 'participation', 'involvement', 'facilitation', 'consent', 'money']);
/** Whether an actor's phrase ending at `end` names a means ("EU mediation", "U.S. backing"): its last word or the next. */
export const modifiesMeans = (tokens: Token[], end: number): boolean => MEANS.has(tokens[end - 1].lemma) || MEANS.has(tokens[end]?.lemma ?? '');
const FORCE = new Set(['18', '19', '20']);
const STOP = new Set([';', '.', ':', '—', '–', '(', ')', 'but', 'which', 'who', 'that', 'while', 'after', 'before', 'because', 'if', 'unless']);

/** A pattern that matched: its TARGET mention, the token after its last element, and the tokens its words read. */
export type PatternMatch = { pattern: VerbPattern; target: number | null; end: number; words: number[] };

/**
 * Matches a pattern's elements after its head, in order, within [from, to). `mentionAt` gives the actor
 * mention starting at a token (its index in doc.mentions, and where it ends). In a passive clause the TARGET
 * stands before the verb (it is the subject), so the TARGET element is skipped here.
 */
/** The lemmas and word forms of tokens [from, to), to rule out at once the patterns whose words are absent. */
export const wordsIn = (tokens: Token[], from: number, to: number): Set<string> => {
  const set = new Set<string>();
  for (let k = from; k < to; k++) {
    set.add(tokens[k].lemma);
    set.add(tokens[k].norm);
  }
  return set;
};

/** Whether every word element of a pattern has one of its forms among `present`. */
export const mayMatch = (pattern: VerbPattern, present: Set<string>): boolean => {
  for (const el of pattern.elements) if (el.kind === 'word' && !el.alts.some((a) => present.has(a))) return false;
  return true;
};

/** "rejected [proposed] Israeli changes", "imposed [expanded] sanctions": a past participle used as an adjective. */
const adjectival = (tokens: Token[], k: number, from: number, to: number): boolean => {
  const t = tokens[k];
  if (t.pos !== 'VERB' || t.norm === t.lemma || !/(ed|en)$/.test(t.norm) || k + 1 >= to) return false;
  const next = tokens[k + 1].pos;
  const prev = k > from ? tokens[k - 1].pos : 'DET';
  return (next === 'ADJ' || next === 'NOUN' || next === 'PROPN') && (prev === 'DET' || prev === 'ADJ' || prev === 'NUM' || prev === 'ADV' || prev === 'ADP');
};

const TIME_NOUNS = new Set(['day', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'time', 'hour', 'minute',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tonight', 'yesterday']);
/** Social ills a government "fights" or "attacks" without force. */
const ILLS = new Set(['corruption', 'graft', 'crime', 'poverty', 'inflation', 'unemployment', 'disease', 'epidemic', 'pandemic', 'drug', 'trafficking',
  'smuggling', 'fraud', 'hunger', 'illiteracy', 'impunity', 'misinformation', 'disinformation', 'bureaucracy', 'racism', 'discrimination', 'climate', 'change', 'wildfire', 'fire', 'flood', 'virus', 'malaria', 'cholera', 'extremism', 'radicalization', 'radicalisation']);
/** Nouns of places and things an attack is aimed at, which name no one but stand where the victims are: "fired at [cities] across Ukraine". */
const AIMED_AT = new Set(['city', 'town', 'village', 'district', 'neighborhood', 'neighbourhood', 'suburb', 'area', 'region', 'province', 'target',
  'position', 'base', 'camp', 'site', 'facility', 'school', 'hospital', 'market', 'building', 'home', 'house', 'infrastructure', 'port', 'airport',
  'border', 'outpost', 'checkpoint', 'convoy', 'compound', 'settlement', 'stronghold', 'territory', 'plant', 'depot']);
/** The noun a phrase starting at `from` is about: the last noun before a preposition, a comma or a verb. */
const headNoun = (tokens: Token[], from: number, to: number): Token | undefined => {
  let head: Token | undefined;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    // ("the rebel-held suburbs": a hyphened compound is one modifier)
    if (t.norm === '-' && k > from && tokens[k - 1].end === t.start && tokens[k + 1]?.start === t.end) {
      k++;
      head = undefined;
      continue;
    }
    if (isNoun(t)) head = t;
    else if (!modifier(tokens, k, from, to)) break;
  }
  return head;
};
const isNoun = (t: Token): boolean => t.pos === 'NOUN' || t.pos === 'PROPN';
/** A word that may stand before a noun in its phrase: a determiner, an adjective, a number, an adjectival participle. */
const modifier = (tokens: Token[], k: number, from: number, to: number): boolean =>
  tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || adjectival(tokens, k, from, to);
/** Whether a noun phrase follows the verb at once: "struck [targets]", "shelled [a] [bus]" (not "sank last month"). */
const hasObject = (tokens: Token[], from: number, to: number): boolean => {
  let k = from;
  while (k < to && modifier(tokens, k, from, to)) k++;
  return k < to && isNoun(tokens[k]) && !TIME_NOUNS.has(tokens[k].lemma);
};

/** Whether an actor code ("IGOUNO", "FRAMIL") has one of these 3-letter parts. */
export const actorHas = (code: string | null | undefined, parts: string[]): boolean => {
  if (!code) return false;
  for (let k = 0; k + 3 <= code.length; k += 3) if (parts.includes(code.slice(k, k + 3))) return true;
  return false;
};

export const matchPattern = (
  pattern: VerbPattern,
  tokens: Token[],
  from: number,
  to: number,
  mentionAt: (token: number) => { index: number; end: number; code?: string | null; place?: boolean } | undefined,
  passive = false,
): PatternMatch | null => {
  let pos = from;
  let target: number | null = null;
  const words: number[] = [];
  for (const el of pattern.elements) {
    const limit = Math.min(to, pos + MAX_GAP + 1);
    let found = -1;
    if (el.kind === 'word') {
      for (let k = pos; k < limit; k++) {
        const t = tokens[k];
        if (el.alts.includes(t.lemma) || el.alts.includes(t.norm)) {
          found = k;
          break;
        }
        // ("fired rockets carrying sarin into", "dropped barrel bombs filled with chlorine on": a participle after
        // the object's noun describes it, and the pattern reads on)
        if (t.pos === 'VERB' && pos > from && words.length > 0 && isNoun(tokens[k - 1]) && (t.norm.endsWith('ing') || (t.norm !== t.lemma && /(ed|en)$/.test(t.norm)))) continue;
        if (STOP.has(t.norm) || (t.pos === 'VERB' && !adjectival(tokens, k, from, to))) break;
      }
      if (found < 0) return null;
      words.push(found);
      pos = found + 1;
    } else {
      if (passive) continue;
      for (let k = pos; k < limit; k++) {
        const m = mentionAt(k);
        if (m && el.only && !(actorHas(m.code, el.only) || (!!m.place && el.only.includes('PLACE')))) return null;
        // "reached a deal with EU mediation", "with U.S. backing": the actor modifies the means, it is no partner
        if (m && tokens[k - 1]?.norm === 'with' && modifiesMeans(tokens, m.end)) return null;
        if (m) {
          target = m.index;
          found = m.end;
          break;
        }
        // a place phrase is not the object: "met in the Jordanian resort" has no target
        // nor one behind another preposition: "hammer out a framework for peace between the Israelis"
        // nor past a comma or a conjunction: "fired missiles into the sea, and South Korea put ..."
        if (tokens[k].norm === ',' || tokens[k].pos === 'CCONJ') break;
        if ((tokens[k].pos === 'VERB' && !adjectival(tokens, k, from, to)) || (tokens[k].pos === 'ADP' && !CROSSED.has(tokens[k].norm) && !(tokens[k].norm === 'to' && tokens[k + 1]?.norm === 'death')) || STOP.has(tokens[k].norm)) break;
      }
      if (found < 0) {
        // "struck targets in Syria", "shelled towns inside Armenia": a bare "VERB TARGET" pattern whose
        // object names no one still reports the act; the engine looks elsewhere for its target
        // (acts of force only: "met officials" or "praised the plan" with no one named is no event)
        // (and only with an object: "the warship sank last month" reports no attack)
        // so does a force pattern whose TARGET slot holds a phrase naming no one: "fired missiles at cities
        // across Ukraine", "dropped bombs on the town of Saraqeb"
        // (a typed TARGET needs its kind of actor: "took office" is no capture)
        if (el.only) return null;
        const last = el === pattern.elements[pattern.elements.length - 1];
        // (but "pledged to fight corruption", "vowed to combat crime": a social ill is fought by other means)
        if (FORCE.has(pattern.code.slice(0, 2)) && (pattern.elements.length === 1 ? hasObject(tokens, from, to) && !ILLS.has(headNoun(tokens, from, to)?.lemma ?? '') : last && AIMED_AT.has(headNoun(tokens, pos, to)?.lemma ?? ''))) return { pattern, target: null, end: pos, words };
        return null;
      }
      pos = found;
      // "Latvia and Estonia with sanctions": the pattern goes on after the coordinated targets
      while (pos + 1 < to && (tokens[pos].norm === 'and' || tokens[pos].norm === ',')) {
        const next = mentionAt(pos + 1);
        if (!next) break;
        pos = next.end;
      }
    }
  }
  return { pattern, target, end: pos, words };
};
