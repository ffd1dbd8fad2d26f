import type { Modality } from '../doc/index.js';
import type { Clause } from './clause.js';

/** Verbs whose complement did not happen: "refused to meet", "failed to reach". */
const NEGATING = new Set(['refuse', 'fail', 'decline', 'reject', 'deny', 'avoid', 'stop', 'cease']);
/** Verbs whose complement may or may not happen: "threatened to strike", "feared an attack". */
const HYPOTHETICAL = new Set(['threaten', 'fear', 'consider', 'warn', 'weigh', 'mull', 'contemplate', 'discuss', 'propose', 'urge', 'call', 'ask', 'demand', 'try', 'attempt', 'seek', 'want', 'hope', 'wish', 'dare', 'allow']);
/** Verbs whose complement is a stated intent: "pledged to send aid", "agreed to meet". */
const INTENT = new Set(['pledge', 'promise', 'vow', 'plan', 'intend', 'agree', 'offer', 'prepare', 'expect', 'aim', 'decide', 'commit', 'resolve', 'undertake', 'swear', 'volunteer']);
const MAYBE = new Set(['could', 'can', 'may', 'might', 'should', 'must', 'ca']);
const FUTURE = new Set(['will', "'ll", 'would', "'d", 'shall', 'wo']);

/** The modality of a clause: whether what it reports happened, from its own words and the verbs above it. */
export const clauseModality = (clauses: Clause[], k: number): Modality => {
  const c = clauses[k];
  if (c.question) return 'question';
  if (c.conditional) return 'hypothetical';
  const g = c.governor !== null ? clauses[c.governor] : null;
  if (g && (c.link === 'xcomp' || c.link === 'ccomp')) {
    const above = clauseModality(clauses, c.governor!);
    if (above === 'hypothetical' || above === 'question' || above === 'negated' || above === 'denied') {
      // "did not agree to meet": the meeting is not asserted either
      if (!(above === 'negated' && c.link === 'ccomp')) return above === 'negated' ? 'negated' : above;
    }
    if (g.lemma === 'deny') return 'denied';
    if (c.link === 'xcomp') {
      if (NEGATING.has(g.lemma)) return 'negated';
      if (HYPOTHETICAL.has(g.lemma)) return 'hypothetical';
      if (INTENT.has(g.lemma)) return 'intent';
    }
    if (c.link === 'ccomp' && (g.lemma === 'fear' || g.lemma === 'warn')) return c.modal && FUTURE.has(c.modal) ? 'hypothetical' : 'asserted';
  }
  if (c.negated) return 'negated';
  if (c.modal && MAYBE.has(c.modal)) return 'hypothetical';
  if (c.modal && FUTURE.has(c.modal)) return 'intent';
  return 'asserted';
};

/**
 * What CAMEO codes for an act stated as an intent: a cooperative act becomes the matching "express intent"
 * code of root 03 (PLOVER AGREE); a conflictual one is not coded as an act.
 */
export const INTENT_CODE: Record<string, string> = { '03': '030', '04': '036', '05': '032', '06': '031', '07': '033', '08': '035' };
