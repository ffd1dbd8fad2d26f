import type { Modality } from '../doc/index.js';
import type { Clause } from './clause.js';
import { REQUESTING } from './find-clauses-pos.js';

/** Verbs whose complement the subject would not do: CAMEO codes that as a rejection. */
const REFUSING = new Set(['refuse', 'decline', 'reject', 'balk', 'resist']);
/** Verbs whose complement did not happen: "failed to reach". */
const NEGATING = new Set(['fail', 'deny', 'avoid', 'stop', 'cease']);
/** Verbs whose complement may or may not happen: "threatened to strike", "feared an attack". */
const HYPOTHETICAL = new Set(['threaten', 'fear', 'consider', 'warn', 'weigh', 'mull', 'contemplate', 'discuss', 'propose', 'urge', 'call', 'ask', 'demand', 'try', 'attempt', 'seek', 'want', 'hope', 'wish', 'dare', 'allow',
  // verbs that ask someone else to act: "appealed to Israel and Hezbollah to respect the ceasefire"
  'appeal', 'press', 'encourage', 'invite', 'order', 'tell', 'request', 'instruct', 'persuade', 'pressure', 'push', 'advise', 'authorize', 'authorise', 'permit', 'expect', 'need', 'require']);
/** Verbs whose complement is a stated intent: "pledged to send aid", "agreed to meet". */
const INTENT = new Set(['pledge', 'promise', 'vow', 'plan', 'intend', 'agree', 'offer', 'prepare', 'poise', 'expect', 'aim', 'decide', 'commit', 'resolve', 'undertake', 'swear', 'volunteer']);
const INTENT_ADJECTIVES = new Set(['willing', 'ready', 'prepared', 'committed', 'determined', 'eager', 'keen', 'set', 'poised', 'resolved', 'due', 'scheduled', 'expected']);
const REFUSING_ADJECTIVES = new Set(['unwilling', 'reluctant', 'loath', 'loth']);
const UNABLE_ADJECTIVES = new Set(['unable', 'powerless']);
const MAYBE = new Set(['could', 'can', 'may', 'might', 'should', 'must', 'ca']);
const FUTURE = new Set(['will', "'ll", 'would', "'d", 'shall', 'wo']);

/** The modality of a clause: whether what it reports happened, from its own words and the verbs above it. */
export const clauseModality = (clauses: Clause[], k: number): Modality => {
  const c = clauses[k];
  if (c.question) return 'question';
  if (c.conditional || c.requested) return 'hypothetical';
  const g = c.governor !== null ? clauses[c.governor] : null;
  if (g && c.link === 'conj' && !c.auxiliary && (g.link === 'xcomp' || g.link === 'ccomp')) {
    // "urged them to silence their guns and agree to a truce", "pledged to free prisoners and lift the curfew": a
    // verb joined to a complement is as real as that complement
    const above = clauseModality(clauses, c.governor!);
    if (above === 'hypothetical' || above === 'question' || above === 'denied' || above === 'intent' || above === 'refused') return above;
  }
  if (g && (c.link === 'xcomp' || c.link === 'ccomp')) {
    const above = clauseModality(clauses, c.governor!);
    if (above === 'hypothetical' || above === 'question' || above === 'negated' || above === 'denied') {
      // "did not agree to meet": the meeting is not asserted either
      if (!(above === 'negated' && c.link === 'ccomp')) return above === 'negated' ? 'negated' : above;
    }
    if (g.lemma === 'deny') return 'denied';
    // "will visit Senegal to mediate": a purpose of an intended act is intended too
    if (above === 'intent' && c.link === 'xcomp') return 'intent';
    if (c.link === 'xcomp' && c.adjective) {
      // "is willing to withdraw", "is ready to talk": an intent; "unwilling", "unable": not done
      if (INTENT_ADJECTIVES.has(c.adjective)) return 'intent';
      if (REFUSING_ADJECTIVES.has(c.adjective)) return 'refused';
      if (UNABLE_ADJECTIVES.has(c.adjective)) return 'negated';
      return 'hypothetical';
    }
    if (c.link === 'xcomp') {
      if (REFUSING.has(g.lemma)) return g.negated ? 'asserted' : 'refused';
      if (NEGATING.has(g.lemma)) return 'negated';
      if (HYPOTHETICAL.has(g.lemma)) return 'hypothetical';
      if (INTENT.has(g.lemma)) return 'intent';
    }
    if (c.link === 'ccomp' && (g.lemma === 'fear' || g.lemma === 'warn')) return c.modal && FUTURE.has(c.modal) ? 'hypothetical' : 'asserted';
    // "alleged that Rwanda had sent troops": an allegation is the accuser's word, not an established act
    if (c.link === 'ccomp' && (g.lemma === 'allege' || g.lemma === 'accuse')) return 'hypothetical';
    // "demanded that the U.S. cancel the sale": asked for, not done
    if (c.link === 'ccomp' && REQUESTING.has(g.lemma)) return 'hypothetical';
  }
  // "will not accept more refugees", "said it would not attend": a stated refusal
  if (c.negated && c.modal && FUTURE.has(c.modal)) return 'refused';
  if (c.negated) return 'negated';
  if (c.modal && MAYBE.has(c.modal)) return 'hypothetical';
  // "Qatar would probably end its mediation": a guess at what someone will do is no stated intent
  if (c.modal && c.hedged) return 'hypothetical';
  if (c.modal && FUTURE.has(c.modal)) return 'intent';
  return 'asserted';
};

/** A cooperative act stated as an intent is the matching "express intent" code of root 03 (PLOVER AGREE). */
export const INTENT_CODE: Record<string, string> = { '03': '030', '04': '036', '05': '032', '06': '031', '07': '033', '08': '035' };

// A conflictual act stated as an intent ("will impose sanctions", "said they would boycott") is a threat:
// the most specific code of root 13 for it, from the act's own code down to its root.
const THREAT_CODE: Record<string, string> = {
  '161': '1313', '162': '1311', '163': '1312', '164': '134', '165': '135', '166': '136', '16': '131',
  '172': '132', '1721': '1321', '1722': '1322', '1723': '1323', '1724': '1324', '175': '137', '17': '130',
  '14': '133', '15': '138',
  '181': '1383', '18': '1383', '191': '1381', '192': '1382', '19': '1384', '204': '1385', '20': '1383',
};

// A cooperative act its actor refuses to do is a rejection (root 12) of that kind of cooperation.
const REJECT_CODE: Record<string, string> = {
  '03': '120', '04': '125', '05': '120', '06': '121', '061': '1211', '062': '1212', '063': '1213', '064': '1214',
  '07': '122', '071': '1221', '072': '1222', '073': '1223', '074': '1224', '08': '124', '081': '1241', '082': '1242',
  '083': '123', '084': '1243', '085': '1244', '086': '1245', '087': '1246', '02': '120',
};

const mostSpecific = (table: Record<string, string>, code: string): string | null => {
  for (let n = code.length; n >= 2; n--) {
    const t = table[code.slice(0, n)];
    if (t) return t;
  }
  return null;
};

/** A refused act of any other kind is still a rejection: 120, not specified. */
export const rejectCode = (code: string): string => mostSpecific(REJECT_CODE, code) ?? '120';

export const threatCode = (code: string): string | null => {
  for (let n = code.length; n >= 2; n--) {
    const t = THREAT_CODE[code.slice(0, n)];
    if (t) return t;
  }
  return null;
};
