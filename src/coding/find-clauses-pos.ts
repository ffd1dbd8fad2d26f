import type { Mention, NewsDoc, Token } from '../doc/index.js';
import type { Clause, ClauseFinder } from './clause.js';

const MODALS = new Set(['will', "'ll", 'would', "'d", 'could', 'can', 'may', 'might', 'should', 'shall', 'must', 'wo', 'ca']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);
/** Verbs that ask for their complement ("demanded that the U.S. cancel ..."): it has not happened. */
export const REQUESTING = new Set(['demand', 'urge', 'ask', 'insist', 'request', 'recommend', 'propose', 'order', 'call', 'press', 'appeal', 'want', 'require']);
const SPEECH = new Set(['say', 'tell', 'announce', 'claim', 'report', 'state', 'add', 'insist', 'confirm', 'allege', 'believe', 'think', 'note', 'write', 'declare', 'argue', 'fear', 'deny', 'suggest', 'indicate', 'acknowledge', 'warn', 'conclude', 'stress']);
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'should']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
/** Verbs whose object does what the infinitive after it says: "urged Iran to release", "summoned the envoy to explain". */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'tell', 'order', 'call', 'invite', 'allow', 'force', 'persuade', 'encourage', 'press', 'summon', 'request', 'instruct', 'authorize', 'authorise', 'help', 'permit', 'warn', 'advise', 'pressure', 'push', 'compel', 'appeal', 'want', 'expect', 'need', 'enable', 'lead', 'cause', 'get']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
const ADVERBIAL = new Set(['after', 'before', 'while', 'as', 'when', 'because', 'since', 'although', 'though', 'until', 'once', 'whereas', 'despite']);

const isVerbish = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';

/** Whether a preposition introduces the noun phrase at `start` ("to Sri Lanka", "in the capital"). */
const afterPreposition = (tokens: Token[], start: number, floor: number, verbAt = -1): boolean => {
  let p = start - 1;
  while (p >= floor && (tokens[p].pos === 'DET' || tokens[p].pos === 'ADJ' || tokens[p].pos === 'NUM')) p--;
  if (p < floor || tokens[p].pos !== 'ADP' || tokens[p].norm === 'of') return false;
  // "Up to 1,000 ethnic Turks began": a quantity, not a preposition
  if (tokens[p].norm === 'to' && p > floor && tokens[p - 1].norm === 'up') return false;
  // "after Cambodian troops fired": a conjunction tagged as a preposition, with its clause's subject after it
  return !((ADVERBIAL.has(tokens[p].norm) || tokens[p].norm === 'if' || tokens[p].norm === 'unless') && verbAt >= 0);
};

/** "release detained Americans", "the contested bill": a past participle before a noun, after no auxiliary, is an adjective. */
const participleAdjective = (tokens: Token[], i: number, from: number, to: number, inName: Set<number>, actorEnds: Set<number> = new Set()): boolean => {
  const t = tokens[i];
  if (t.pos !== 'VERB' || t.norm === t.lemma || !/(ed|en)$/.test(t.norm) || i + 1 >= to) return false;
  const prev = i > from ? tokens[i - 1] : null;
  const next = tokens[i + 1];
  // ("Human Rights Watch accused Ethiopian forces": the last word of a name is a noun, whatever its tag)
  // ("Jordan's military airdropped food": nor is the last word of an actor's mention, tagged as it may be)
  const prevPos = prev && (inName.has(i - 1) || actorEnds.has(i - 1)) ? 'PROPN' : prev?.pos;
  // ("Armenia and Azerbaijan both denied opening fire": a quantifier after the subject floats, it is no determiner)
  if (prev && FLOATING.has(prev.norm) && i - 2 >= from && (tokens[i - 2].pos === 'PROPN' || tokens[i - 2].pos === 'NOUN' || actorEnds.has(i - 2))) return false;
  // ("the jailed French nationals": an adjective may stand between it and its noun)
  const after = next.pos === 'ADJ' && i + 2 < to ? tokens[i + 2] : next;
  // ("using precision guided missiles": a noun-participle compound right after a verb modifies its object)
  const compoundAfterVerb = prevPos === 'NOUN' && i - 2 >= from && tokens[i - 2].pos === 'VERB';
  return (after.pos === 'NOUN' || after.pos === 'PROPN') && !!prev && (prevPos === 'DET' || prevPos === 'ADJ' || prevPos === 'VERB' || prevPos === 'ADP' || prevPos === 'NUM' || compoundAfterVerb);
};

const QUANTITIES = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'dozen', 'dozens', 'score', 'scores', 'million', 'millions', 'ten', 'tens', 'number', 'group', 'groups', 'handful', 'couple', 'many', 'some', 'several', 'most', 'all', 'none', 'few', 'half', 'third', 'quarter', 'majority', 'crowd', 'crowds']);
const WH_WORDS = new Set(['when', 'how', 'why', 'where', 'whether']);
const ASKING = new Set(['ask', 'know', 'explain', 'specify', 'disclose', 'reveal', 'clarify', 'decide', 'wonder', 'question', 'determine']);
const STATEMENT_NOUNS = new Set(['statement', 'declaration', 'communique', 'letter', 'resolution', 'message', 'appeal', 'note', 'report', 'video', 'decree', 'order', 'ruling', 'verdict']);
export const HEDGES = new Set(['probably', 'likely', 'possibly', 'perhaps', 'maybe', 'presumably', 'conceivably']);
const FLOATING = new Set(['both', 'all', 'each']);
const MODIFYING_PARTICIPLES = new Set(['base', 'station', 'locate', 'headquarter', 'deploy', 'link', 'align', 'affiliate', 'mass', 'gather', 'post']);
const TIME_ADP = new Set(['after', 'before', 'since', 'during', 'until', 'amid', 'following', 'despite']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest', 'southeast', 'southwest']);
const STATIVE = new Set(['engage', 'involve', 'commit', 'determine', 'prepare', 'oppose', 'dedicate', 'devote', 'resolve', 'poise']);
const SAME_PARTICIPLE = new Set(['hit', 'put', 'cut', 'shut', 'set', 'beat', 'hurt', 'cast', 'burst', 'upset', 'shed', 'split', 'spread']);
const PROSPECT_NOUNS = new Set(['offer', 'invitation', 'plan', 'bid', 'attempt', 'effort', 'threat', 'promise', 'pledge', 'decision', 'deal', 'agreement', 'ultimatum', 'chance', 'right', 'need', 'pressure', 'permission', 'mandate', 'move', 'initiative', 'campaign']);
const DEMAND_NOUNS = new Set(['demand', 'call', 'request', 'appeal', 'insistence', 'ultimatum', 'proposal', 'plea', 'order', 'requirement', 'condition', 'suggestion', 'recommendation']);
const NOT_NOUNS_BETWEEN = new Set(['today', 'yesterday', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', ',']);
const GERUND_PREPS = new Set(['for', 'of', 'on', 'about', 'by', 'without', 'in', 'against', 'over']);
/** "has once again outright rejected": a run of adverbs (up to four) that leads to a verb. */
const adverbsToVerb = (tokens: Token[], j: number, to: number): boolean => {
  let k = j;
  while (k < to && k < j + 4 && tokens[k].pos === 'ADV') k++;
  return k < to && k > j && isVerbish(tokens[k]);
};
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
/** "staged its largest-ever drills", "the first strikes": a word tagged as a verb after a determiner and its adjectives is a noun. */
const afterDeterminer = (tokens: Token[], i: number, from: number): boolean => {
  const t = tokens[i];
  if (t.pos !== 'VERB' || /(ed|en|ing)$/.test(t.norm)) return false;
  // "bring suspects to trial": a verb in -s straight after another verb is a plural noun
  if (i > from && tokens[i - 1].pos === 'VERB' && /[^s]s$/.test(t.norm) && t.norm !== t.lemma) return true;
  // ... and so after another verb and a name or nationality: "rejected U.S. calls for", "dismissed Israeli claims"
  if (/[^s]s$/.test(t.norm) && t.norm !== t.lemma) {
    let k = i - 1;
    while (k > from && (tokens[k].pos === 'PROPN' || tokens[k].pos === 'ADJ') && k > i - 4) k--;
    // (not after a verb of saying: "said Hamas fires rockets")
    if (k < i - 1 && k >= from && tokens[k].pos === 'VERB' && !SPEECH.has(tokens[k].lemma) && !REQUESTING.has(tokens[k].lemma)) return true;
  }
  let k = i - 1;
  while (k >= from && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'ADV' || tokens[k].pos === 'NUM' || (tokens[k].norm === '-' && !tokens[k].ws))) k--;
  if (k < from || k === i - 1 && tokens[k].pos !== 'DET' && !POSSESSIVES.has(tokens[k].norm)) return false;
  return (tokens[k].pos === 'DET' && tokens[k].norm !== 'that') || POSSESSIVES.has(tokens[k].norm);
};

/** Groups a sentence's verbs: auxiliaries, negation and adverbs attach to the verb they lead to. */
const verbGroups = (tokens: Token[], from: number, to: number, inName: Set<number>, actorEnds: Set<number>): { start: number; end: number; head: number; xcomp: boolean }[] => {
  const groups: { start: number; end: number; head: number; xcomp: boolean }[] = [];
  let i = from;
  while (i < to) {
    const t = tokens[i];
    // a word inside a name ("Red Cross", "United Arab Emirates") is no verb, whatever its tag
    // ... nor the second half of a compound adjective ("Vietnamese-led", "Iranian-backed")
    // ... nor either half of a hyphenated word ("war-torn", "rebel-held", "cross-border")
    // (but a past verb whose first half is a common word after the subject is a verb: "North Korea test-fired a
    // missile", "the army air-dropped food")
    const verbCompound =
      i > from + 2 && tokens[i - 1].norm === '-' && !tokens[i - 1].ws && !tokens[i - 2].ws && t.pos === 'VERB' && t.norm !== t.lemma && t.norm.endsWith('ed') &&
      ['NOUN', 'ADV', 'ADP'].includes(tokens[i - 2].pos) && ['PROPN', 'NOUN', 'PRON'].includes(tokens[i - 3].pos) && !inName.has(i - 2);
    const compound =
      !verbCompound &&
      ((i > from + 1 && tokens[i - 1].norm === '-' && !tokens[i - 1].ws && !tokens[i - 2].ws) ||
        (i + 2 < to && tokens[i + 1].norm === '-' && !t.ws && !tokens[i + 1].ws));
    // ("Algeria's leading human rights activist", "the ruling party": an -ing word between a possessive or a
    // determiner and a noun modifies the noun)
    const modifierIng = t.pos === 'VERB' && t.norm.endsWith('ing') && i > from && (tokens[i - 1].norm === "'s" || tokens[i - 1].pos === 'DET') && i + 1 < to && (tokens[i + 1].pos === 'NOUN' || tokens[i + 1].pos === 'ADJ');
    if (!isVerbish(t) || inName.has(i) || compound || modifierIng || participleAdjective(tokens, i, from, to, inName, actorEnds) || afterDeterminer(tokens, i, from)) {
      i++;
      continue;
    }
    const start = i;
    const infinitive = i > from && tokens[i - 1].norm === 'to' && tokens[i - 1].pos === 'PART';
    let head = -1;
    let j = i;
    while (j < to) {
      const u = tokens[j];
      if (u.pos === 'VERB') {
        if (head >= 0 && tokens[head].pos === 'VERB') break; // a second verb starts its own (complement) group
        head = j;
        j++;
      } else if (u.pos === 'AUX' || NEGATORS.has(u.norm) || (u.pos === 'ADV' && adverbsToVerb(tokens, j, to))) {
        if (u.pos === 'AUX' && head >= 0 && tokens[head].pos === 'VERB') break;
        if (u.pos === 'AUX' && head < 0) head = j;
        else if (u.pos === 'AUX' && tokens[head].pos === 'AUX') head = j;
        j++;
      } else break;
    }
    if (head < 0) head = start;
    const prevGroup = groups[groups.length - 1];
    const xcomp = infinitive || (!!prevGroup && prevGroup.end === start && tokens[prevGroup.head].pos === 'VERB');
    groups.push({ start, end: j, head, xcomp });
    i = j;
  }
  return groups;
};

const mentionAt = (mentions: Mention[], sentence: number): Mention[] => mentions.filter((m) => m.sentence === sentence);

/**
 * Finds clauses from part-of-speech tags alone: verb groups, the nearest actor mention before each as its
 * subject (over relative clauses and appositions set off by commas), the mentions after it as objects with
 * the preposition that introduces them, and the links between a verb and its complement clause.
 */
export const findClausesPos = (doc: NewsDoc): Clause[] => {
  const tokens = doc.tokens!;
  const all = doc.mentions ?? [];
  const clauses: Clause[] = [];
  const mentionIndex = new Map<Mention, number>(all.map((m, k) => [m, k]));
  for (const s of doc.sentences!) {
    if (s.isDateline) continue;
    const mentions = mentionAt(all, s.index);
    const inName = new Set<number>();
    for (const m of mentions) for (const p of m.pieces) if (p.tokenEnd - p.tokenStart > 1) for (let k = p.tokenStart; k < p.tokenEnd; k++) inName.add(k);
    const groups = verbGroups(tokens, s.tokenStart, s.tokenEnd, inName, new Set(mentions.filter((m) => m.actor).map((m) => m.tokenEnd - 1)));
    const question = doc.text.slice(s.start, s.end).trimEnd().endsWith('?');
    const first = clauses.length;
    const relativeOf = new Set<number>();
    /** For the comma at `close`, the mention before the ", which/who" that opened the clause it closes. */
    const relativeAntecedent = (close: number): Mention | null => {
      for (let k = close - 1; k > s.tokenStart; k--) {
        if (tokens[k].norm !== ',') continue;
        // (", which ...," or a participle: "Joseph Aoun, elected after a two-year vacancy, received")
        const opener = tokens[k + 1];
        const participle = opener?.pos === 'VERB' && opener.norm !== opener.lemma && /(ed|en)$/.test(opener.norm);
        if (!participle && (!RELATIVE.has(opener?.norm ?? '') || opener.norm === 'that')) return null;
        return mentions.filter((m) => m.tokenEnd === k).pop() ?? null;
      }
      return null;
    };
    /** The clause an xcomp chain hangs from: "sought" for "who has sought to position". */
    const relativeRoot = (k: number): number => {
      let r = k;
      while (clauses[r].link === 'xcomp' && clauses[r].governor !== null && clauses[r].governor! >= first) r = clauses[r].governor!;
      return r;
    };
    // "Russian aircraft including helicopter gunships killed", "British jets using guided missiles struck": a
    // participle right after a noun, with no auxiliary, only describes that noun
    const modifier = (g: { start: number; end: number; head: number }, next?: { start: number; end: number; head: number }) =>
      g.end - g.start === 1 &&
      g.start > s.tokenStart &&
      (tokens[g.start - 1].pos === 'NOUN' || tokens[g.start - 1].pos === 'PROPN' || inName.has(g.start - 1)) &&
      tokens[g.head].norm !== tokens[g.head].lemma &&
      // (not "a declaration demanding that the government ...": what a statement says has its own clause)
      !(STATEMENT_NOUNS.has(tokens[g.start - 1].lemma) && tokens[g.end]?.norm === 'that') &&
      // (-ing, or a past form with a preposition after it and the sentence's own verb group, auxiliary first, later
      // on: "a newspaper based in east Beirut has violated"; a bare past form after a noun is as often the main
      // verb: "Russia attacked")
      (tokens[g.head].norm.endsWith('ing') ||
        (MODIFYING_PARTICIPLES.has(tokens[g.head].lemma) && tokens[g.end]?.pos === 'ADP' && !!next && tokens[next.start].pos === 'AUX' &&
          !tokens.slice(g.end, next.start).some((t) => t.norm === ',' || t.pos === 'CCONJ')));
    groups.forEach((g, gi) => {
      let prev = groups[gi - 1];
      const next = groups[gi + 1];
      // a clause after a noun modifier looks past it for its subject
      if (prev && modifier(prev, g) && gi >= 1) {
        clauses[first + gi - 1].subordinate = true;
        prev = groups[gi - 2];
      }
      const left = prev ? prev.end : s.tokenStart;
      let right = next ? next.start : s.tokenEnd;
      // "..., killing about 20 people, relief officials in Nairobi said": this clause ends at the comma before
      // the speaker's phrase
      if (next && SPEECH.has(tokens[next.head].lemma) && tokens[next.start - 1]?.norm !== ',') {
        for (let k = next.start - 1; k > g.end; k--) {
          if (tokens[k].norm === ',') {
            right = k;
            break;
          }
        }
      }
      const groupTokens = tokens.slice(g.start, g.end);
      const headTok = tokens[g.head];
      // "never attacked", "not only": negators and adverbs right before the group belong to it
      let lead = g.start;
      while (lead > left && (tokens[lead - 1].pos === 'ADV' || tokens[lead - 1].pos === 'PART') && tokens[lead - 1].norm !== 'to') lead--;
      // ("Neither Russia nor Ukraine attacked": a subject of neither ... nor did not do it)
      // ("neither side has agreed": nor one of them)
      const neither = tokens.slice(left, lead).findIndex((t) => t.norm === 'neither');
      const neitherNor = neither >= 0 && (tokens[left + neither + 1]?.pos === 'NOUN' || tokens.slice(left + neither, lead).some((t) => t.norm === 'nor'));
      const negated = groupTokens.some((t) => NEGATORS.has(t.norm)) || tokens.slice(lead, g.start).some((t) => NEGATORS.has(t.norm)) || neitherNor;
      const modal = groupTokens.find((t) => MODALS.has(t.norm))?.norm ?? null;
      let passive =
        headTok.pos === 'VERB' &&
        // ("was hit by a Russian missile": a participle spelt like its base form)
        (headTok.norm !== headTok.lemma || SAME_PARTICIPLE.has(headTok.norm)) &&
        !headTok.norm.endsWith('ing') &&
        groupTokens.some((t) => t.lemma === 'be' || t.lemma === 'get') &&
        // "were engaged in ethnic cleansing", "is committed to": a state, not a passive
        !(STATIVE.has(headTok.lemma) && (tokens[g.end]?.norm === 'in' || tokens[g.end]?.norm === 'to'));
      // what stands between the previous verb group and this one
      let conditional = false;
      for (let k = left; k < g.start; k++) if (CONDITIONAL.has(tokens[k].norm) && tokens[k].pos !== 'AUX') conditional = true;
      // "did not say when the troops would withdraw", "asked how Russia would respond": an embedded question
      // asserts nothing
      for (let k = Math.max(s.tokenStart, left - 1); k + 1 < lead; k++) {
        if (WH_WORDS.has(tokens[k + 1].norm) && (SPEECH.has(tokens[k].lemma) || ASKING.has(tokens[k].lemma))) conditional = true;
      }
      // "vowed to fight until Israel withdraws": an act awaited in the present tense has not happened
      const present = headTok.pos === 'VERB' && !groupTokens.some((t) => t.pos === 'AUX') && (headTok.norm === headTok.lemma || (headTok.norm === headTok.lemma + 's' || headTok.norm === headTok.lemma + 'es'));
      for (let k = left; k < g.start; k++) if ((tokens[k].norm === 'until' || tokens[k].norm === 'till' || tokens[k].norm === 'once') && present) conditional = true;
      // subjects: mentions before the verb, after the previous group; skip a ", who ...," or apposition
      // candidate subjects: mentions between the previous verb group and this one, but not objects of a preposition
      // ("a roadside bombing near the town of Samarra killed": a place named after "of" is no subject)
      const placeOf = (m: Mention) => m.tokenStart > left && tokens[m.tokenStart - 1].norm === 'of' && m.pieces.length > 0 && m.pieces.every((p) => p.entries.every((e) => e.kind === 'place'));
      const before = mentions.filter((m) => m.tokenEnd <= g.start && m.tokenStart >= left && !afterPreposition(tokens, m.tokenStart, left, m.tokenEnd === lead ? lead : -1) && !placeOf(m));
      // ", and the United States rejected": a new clause joined by a conjunction, not the previous verb's complement
      let coordinated = false;
      for (let k = left; k + 1 < lead; k++) if (tokens[k].norm === ',' && tokens[k + 1].pos === 'CCONJ') coordinated = true;
      let subjects: Mention[] = [];
      let antecedent: Mention | null = null;
      let controlledBySubject = false;
      let link: Clause['link'] = null;
      let governor: number | null = null;
      const tokenBefore = tokens[lead - 1];
      if (g.xcomp && prev) {
        link = 'xcomp';
        governor = first + gi - 1;
        // "visited Senegal to mediate": the one who visits mediates; only verbs like "urge X to", "summon X to"
        // hand the complement to their object
        if (!OBJECT_CONTROL.has(tokens[prev.head].lemma)) controlledBySubject = true;
      } else if (!coordinated && prev && (SPEECH.has(tokens[prev.head].lemma) || REQUESTING.has(tokens[prev.head].lemma)) && (before.length || tokens[left]?.norm === 'that' || (tokenBefore?.pos === 'PRON' && SUBJECT_PRONOUNS.has(tokenBefore.norm)))) {
        link = 'ccomp';
        governor = first + gi - 1;
      } else if (tokenBefore && tokenBefore.pos === 'CCONJ' && prev) {
        // "rejected the plan and said ...": a verb straight after "and" shares the subject of the verb before
        link = 'conj';
        governor = first + gi - 1;
        // "was shot and wounded by a gunman": a participle alone after a passive's "and" is passive too
        if (clauses[governor].passive && g.end - g.start === 1 && headTok.pos === 'VERB' && (headTok.norm !== headTok.lemma || SAME_PARTICIPLE.has(headTok.norm)) && !headTok.norm.endsWith('ing')) passive = true;
      }
      const prevClause = gi > 0 ? clauses[first + gi - 1] : null;
      let relative = false;
      for (let k = left; k + 1 < lead; k++) if (tokens[k].norm === ',' && (tokens[k + 1].norm === 'whom' || tokens[k + 1].norm === 'whose' || tokens[k + 1].norm === 'where')) relative = true;
      if (tokenBefore && RELATIVE.has(tokenBefore.norm) && lead - 2 >= s.tokenStart && tokens[lead - 2].norm === ',') {
        // ", which has massed troops": the relative pronoun stands for the mention before the comma
        const ante = mentions.filter((m) => m.tokenEnd <= lead - 2).pop();
        if (ante) subjects = [ante];
        relative = true;
      } else if (
        tokenBefore && (tokenBefore.norm === 'that' || tokenBefore.norm === 'who' || tokenBefore.norm === 'which') && !link &&
        lead - 2 >= s.tokenStart && (tokens[lead - 2].pos === 'NOUN' || tokens[lead - 2].pos === 'PROPN' || inName.has(lead - 2))
      ) {
        // "a helicopter that was captured by ...", "a resolution that aims to ...": a restrictive relative clause
        // describes its noun; its subject is the noun's mention, if it is one
        const ante = mentions.find((m) => m.tokenEnd === lead - 1);
        subjects = ante ? [ante] : [];
        relative = true;
      } else if (tokenBefore?.norm === ',' && !link && (antecedent = relativeAntecedent(lead - 1)) !== null) {
        // "Iran, which has long been under Western sanctions, has supplied": the relative clause's antecedent
        subjects = [antecedent];
      } else if (tokenBefore?.norm === ',' && prevClause && relativeOf.has(relativeRoot(first + gi - 1)) && !link) {
        // "Russia, which has massed troops near the border, threatened": the subject is the antecedent
        // ("Erdogan, who has sought to position Turkey as a mediator, spoke": also past the relative's complements)
        subjects = clauses[relativeRoot(first + gi - 1)].subjects.map((k) => all[k]);
      } else if (tokenBefore?.pos === 'PRON' && SUBJECT_PRONOUNS.has(tokenBefore.norm) && !before.some((m) => m.tokenStart === lead - 1)) {
        // "accusations that it was behind ...": the pronoun is the subject; the mentions before it are not
        subjects = [];
      } else if (
        before.length && link !== 'conj' && prevClause && !prevClause.link && prevClause.subjects.length &&
        (tokens[prevClause.head].norm.endsWith('ing') || prevClause.background === 'participle') &&
        before.every((m) => prevClause.objects.some((o) => o.mention === mentionIndex.get(m)))
      ) {
        // "British aircraft using precision guided missiles killed 4 Iraqis": what a participle after the subject
        // takes is its object; the verb's subject is the participle's
        subjects = prevClause.subjects.map((k) => all[k]);
      } else if (before.length && link !== 'conj') {
        // a parenthetical right before the verb (", a key U.S. ally in the war on terror,"): the subject stands
        // before its opening comma; the parenthetical names the subject only when that word names no actor
        let candidates = before;
        let aside: Mention[] = [];
        if (tokenBefore?.norm === ',') {
          let open = -1;
          for (let k = lead - 2; k >= left; k--) {
            if (tokens[k].norm === ',') {
              open = k;
              break;
            }
          }
          if (open >= 0 && before.some((m) => m.tokenEnd <= open)) {
            aside = before.filter((m) => m.tokenStart > open);
            candidates = before.filter((m) => m.tokenEnd <= open);
          }
        }
        // the nearest mention that names an actor (else the nearest), with those coordinated with it
        // ("Russian aircraft including helicopter gunships killed": one with a country beats a bare role)
        let k = candidates.length - 1;
        const withCountry = candidates.map((m) => !!m.actor?.country).lastIndexOf(true);
        const withActor = candidates.map((m) => !!m.actor).lastIndexOf(true);
        if (withCountry >= 0 && !(withActor > withCountry && tokens.slice(candidates[withCountry].tokenEnd, candidates[withActor].tokenStart).some((t) => t.norm === 'and' || t.norm === ','))) k = withCountry;
        else if (withActor >= 0) k = withActor;
        else if (aside.some((m) => m.actor)) {
          candidates = [aside.find((m) => m.actor)!];
          k = 0;
        }
        // "Palestinians of the Israeli-occupied West Bank shunned work": the head of an "X of Y" phrase
        while (k > 0 && candidates[k - 1].actor?.country) {
          const between = tokens.slice(candidates[k - 1].tokenEnd, candidates[k].tokenStart);
          if (between.length && between[0].norm === 'of' && between.slice(1).every((t) => t.pos === 'DET' || t.pos === 'ADJ' || (t.norm === '-' && !t.ws) || t.pos === 'VERB')) k--;
          else break;
        }
        subjects = [candidates[k]];
        while (k > 0) {
          const between = tokens.slice(candidates[k - 1].tokenEnd, candidates[k].tokenStart).map((t) => t.norm);
          if (between.length && between.every((w) => w === 'and' || w === ',' || w === 'or' || w === 'both' || w === 'the' || w === 'a' || w === 'an')) {
            subjects.unshift(candidates[k - 1]);
            k--;
          } else break;
        }
      }
      if (subjects.length === 1 && subjects[0].actor?.country) {
        // "officials from Saudi Arabia and Iran met": the countries after a bare role's "from" or "of" are all
        // its subjects, not the last one alone
        const chain = [subjects[0]];
        for (;;) {
          const at = chain[0].tokenStart - 1;
          if (at <= left || (tokens[at].norm !== 'and' && tokens[at].norm !== ',')) break;
          const prevM = mentions.filter((m) => m.tokenEnd === at).pop();
          if (!prevM?.actor?.country) break;
          chain.unshift(prevM);
        }
        const pp = chain[0].tokenStart - 1;
        const role = chain.length > 1 && pp > left && (tokens[pp].norm === 'from' || tokens[pp].norm === 'of') ? mentions.find((m) => m.tokenEnd === pp) : undefined;
        if (role?.actor && !role.actor.country) subjects = chain;
      }
      if (controlledBySubject && governor !== null && clauses[governor].subjects.length) subjects = clauses[governor].subjects.map((k) => all[k]);
      if (!subjects.length && governor !== null && link !== 'ccomp') subjects = clauses[governor].subjects.map((k) => all[k]);
      // "the rebels said they would release ...": a pronoun subject of a reported clause is the speaker
      const pron = tokens[lead - 1];
      if (link === 'ccomp' && governor !== null && pron && pron.pos === 'PRON' && SUBJECT_PRONOUNS.has(pron.norm)) {
        const speaker = clauses[governor].subjects.map((k) => all[k]);
        if (speaker.length && !subjects.some((m) => m.tokenStart > lead - 1)) subjects = speaker;
      }
      let trailing = false;
      let statementSays = false;
      if (
        headTok.norm.endsWith('ing') && headTok.norm !== headTok.lemma && g.end - g.start === 1 && tokenBefore && STATEMENT_NOUNS.has(tokenBefore.lemma) &&
        prevClause && !link && prevClause.subjects.length && !before.length
      ) {
        // "issued a declaration demanding that ...", "released a statement condemning the attack": what the
        // statement does, its issuer does
        subjects = prevClause.subjects.map((k) => all[k]);
        trailing = true;
        statementSays = true;
      } else if (
        headTok.norm.endsWith('ing') && headTok.norm !== headTok.lemma && g.end - g.start === 1 && tokenBefore?.norm === ',' && before.length && prevClause && !link &&
        before.every((m) => prevClause.objects.some((o) => o.mention === mentionIndex.get(m)))
      ) {
        // "shelled residential areas of Kharkiv, killing seven people", "filed a motion against Yoon, accusing him
        // of insurrection": the mention before the comma is the last verb's object; its subject does this too
        subjects = prevClause.subjects.map((k) => all[k]);
        trailing = true;
      }
      const objects: Clause['objects'] = [];
      let agent: number | null = null;
      for (const m of mentions) {
        if (m.tokenStart < g.end || m.tokenStart >= right) continue;
        let p = m.tokenStart - 1;
        // ("in south Lebanon": a compass word is part of the place phrase)
        while (p >= g.end && (tokens[p].pos === 'ADJ' || tokens[p].pos === 'DET' || tokens[p].pos === 'NUM' || COMPASS.has(tokens[p].norm))) p--;
        const prepTok = p >= g.end ? tokens[p] : null;
        let prep = prepTok && (prepTok.pos === 'ADP' || prepTok.pos === 'SCONJ') ? prepTok.norm : null;
        // "granted asylum to hundreds of Afghan interpreters", "fired on thousands of protesters": a quantity's "of"
        // passes its own preposition (or none) to what it counts
        if (prep === 'of' && p - 1 >= g.end && QUANTITIES.has(tokens[p - 1].lemma)) {
          let q = p - 2;
          while (q >= g.end && (tokens[q].pos === 'NUM' || tokens[q].pos === 'DET' || tokens[q].pos === 'ADJ')) q--;
          const before = q >= g.end ? tokens[q] : null;
          prep = before && (before.pos === 'ADP' || before.pos === 'SCONJ') ? before.norm : q < g.end || before?.pos === 'VERB' ? null : prep;
        }
        // "expelled diplomats from Latvia, Lithuania and Estonia": a coordinated mention shares the preposition
        const lastObject = objects[objects.length - 1];
        // (not the subject of the next clause: "..., U.S. officials said")
        if (
          prep === null && prepTok && lastObject && all[lastObject.mention].tokenEnd === p &&
          (prepTok.norm === 'and' || prepTok.norm === 'or' || (prepTok.norm === ',' && m.tokenEnd !== right))
        )
          prep = lastObject.prep;
        // "declared a ceasefire after 12 days of battles with the Amal militia": a mention inside a phrase of time
        // is no object of the verb's; it keeps that phrase's word as its preposition
        if (prep !== 'by' || !passive) {
          for (let t = g.end; t < m.tokenStart; t++) {
            if (TIME_ADP.has(tokens[t].norm) && (tokens[t].pos === 'ADP' || tokens[t].pos === 'SCONJ')) {
              prep = tokens[t].norm;
              break;
            }
          }
        }
        if (passive && prep === 'by' && agent === null) agent = mentionIndex.get(m)!;
        else objects.push({ mention: mentionIndex.get(m)!, prep });
      }
      if (relative) relativeOf.add(clauses.length);
      let adverbial = false;
      // ("since 2019, thanked", "as a mediator, spoke": a phrase closed by a comma does not make the verb after
      // it subordinate; "after the government agreed" does)
      for (let k = left; k < lead; k++) {
        if (tokens[k].norm === ',') adverbial = false;
        else if (ADVERBIAL.has(tokens[k].norm) && (tokens[k].pos === 'SCONJ' || tokens[k].pos === 'ADP')) adverbial = true;
      }
      // ", killing at least 20 people": a participle after a comma, with no subject of its own
      const participle =
        (headTok.norm.endsWith('ing') && tokenBefore?.norm === ',' && !before.length) ||
        // "a lunch hosted by the ambassador": a past participle straight after a noun, with no auxiliary
        (g.end - g.start === 1 && headTok.pos === 'VERB' && headTok.norm !== headTok.lemma && /ed$|en$/.test(headTok.norm) &&
          (tokenBefore?.pos === 'NOUN' || tokenBefore?.pos === 'PROPN' || tokenBefore?.norm === ',') && tokens[g.end]?.norm === 'by');
      // "an appeal for deploying troops", "a proposal for signing a deal": a gerund after a preposition
      // "reiterated its demand today that Israel ease restrictions": what a demand asks for has not happened
      let requested = false;
      for (let k = lead - 1; k > left; k--) {
        if (tokens[k].norm !== 'that') continue;
        let n = k - 1;
        while (n > left && NOT_NOUNS_BETWEEN.has(tokens[n].norm)) n--;
        if (tokens[n].pos === 'NOUN' && DEMAND_NOUNS.has(tokens[n].lemma)) requested = true;
        break;
      }
      // ("of deliberately targeting civilians": adverbs may lead the gerund)
      let gp = g.start - 1;
      while (gp > s.tokenStart && tokens[gp].pos === 'ADV') gp--;
      // ("of burning villages and killing civilians": a gerund coordinated with one after a preposition is one too)
      let coordinatedGerund = false;
      if (headTok.norm.endsWith('ing') && tokenBefore?.pos === 'CCONJ') {
        for (let k = lead - 2; k > left; k--) {
          if (tokens[k].norm.endsWith('ing') && (tokens[k - 1].pos === 'ADP' || GERUND_PREPS.has(tokens[k - 1].norm))) coordinatedGerund = true;
          if (coordinatedGerund || tokens[k].pos === 'VERB' || tokens[k].norm === ',') break;
        }
      }
      const gerund = headTok.norm.endsWith('ing') && g.end - g.start === 1 && (tokens[gp]?.pos === 'ADP' || tokens[gp]?.pos === 'SCONJ' || GERUND_PREPS.has(tokens[gp]?.norm ?? '') || coordinatedGerund);
      // ("was shot and wounded by a gunman": the agent of the second is the first's too)
      if (link === 'conj' && passive && agent !== null && governor !== null && clauses[governor].passive && clauses[governor].agent === null) clauses[governor].agent = agent;
      clauses.push({
        sentence: s.index,
        tokenStart: g.start,
        tokenEnd: g.end,
        head: g.head,
        lemma: headTok.lemma,
        regionEnd: right,
        subjects: subjects.map((m) => mentionIndex.get(m)!),
        objects,
        passive,
        agent,
        negated,
        modal,
        conditional,
        question,
        governor,
        link,
        // "accused Russia of attacking civilians", "blamed it for violating the truce": a gerund after a
        // preposition is what the verb before it is about, not an act the sentence reports
        ...(requested ? { requested: true } : {}),
        ...(trailing ? { trailing: true } : {}),
        subordinate: !statementSays && (relative || participle || (adverbial && link !== 'xcomp') || gerund),
        ...(relative ? { background: 'relative' as const } : participle ? { background: 'participle' as const } : gerund ? { background: 'gerund' as const } : adverbial && link !== 'xcomp' ? { background: 'adverbial' as const } : {}),
        ...(link === 'xcomp' && tokens[g.start - 1]?.norm === 'to' && tokens[g.start - 2]?.pos === 'ADJ' ? { adjective: tokens[g.start - 2].norm } : {}),
        ...(groupTokens.some((t) => HEDGES.has(t.norm)) ? { hedged: true } : {}),
        ...(groupTokens.some((t) => t.pos === 'AUX') ? { auxiliary: true } : {}),
      });
    });
    // "said Russian troops shelled ...": the complement's subject is not the speech verb's object
    // and no later clause's subject is an object of an earlier one ("..., and Japan offered")
    for (let k = first + 1; k < clauses.length; k++) {
      if (clauses[k].link === 'xcomp') continue; // "summoned the ambassador to complain": the object is shared
      // (only a subject after "and" or a comma: "expelled diplomats based in Geneva" keeps its object)
      const joined = (i: number) => {
        let p = all[i].tokenStart - 1;
        while (p >= 0 && tokens[p].pos === 'DET') p--;
        return p >= 0 && (tokens[p].pos === 'CCONJ' || tokens[p].norm === ',');
      };
      for (let j = first; j < k; j++) clauses[j].objects = clauses[j].objects.filter((o) => !clauses[k].subjects.includes(o.mention) || o.prep !== null || !joined(o.mention));
    }
    // "denied that its forces had struck": the subject of a reported clause is not an object of the speech verb
    for (let k = first; k < clauses.length; k++) {
      const c = clauses[k];
      if (c.link !== 'ccomp' || c.governor === null) continue;
      const g = clauses[c.governor];
      g.objects = g.objects.filter((o) => o.prep !== null || !c.subjects.includes(o.mention));
    }
    // "dismissed an appeal from the president to lay down their arms", "rejected a U.S. offer to host a summit": an
    // infinitive that completes a noun of asking or offering has not happened
    for (let k = first; k < clauses.length; k++) {
      const c = clauses[k];
      if (c.link !== 'xcomp' || c.governor === null || tokens[c.tokenStart - 1]?.norm !== 'to') continue;
      const g = clauses[c.governor];
      // ("rejected an invitation to attend": turning down what was offered is a refusal of it, read as such)
      if (['reject', 'refuse', 'decline'].includes(g.lemma)) continue;
      for (let t = g.tokenEnd; t < c.tokenStart - 1; t++) {
        if (tokens[t].pos === 'NOUN' && (DEMAND_NOUNS.has(tokens[t].lemma) || PROSPECT_NOUNS.has(tokens[t].lemma))) c.requested = true;
      }
    }
    // "fired shells filled with mustard agent at Kurdish positions", "fired rockets carrying sarin into the
    // suburbs": a participle after the verb's object describes that object; the verb reads on through it
    for (let k = first + 1; k < clauses.length; k++) {
      const c = clauses[k];
      const p = clauses[k - 1];
      const t = tokens[c.head];
      if (c.link || c.trailing || c.tokenEnd - c.tokenStart !== 1 || t.pos !== 'VERB' || t.norm === t.lemma || p.regionEnd !== c.tokenStart) continue;
      const ing = t.norm.endsWith('ing');
      if (!ing && !(/(ed|en)$/.test(t.norm) && tokens[c.tokenEnd]?.pos === 'ADP')) continue;
      const before = tokens[c.tokenStart - 1];
      if (!(before.pos === 'NOUN' || before.pos === 'PROPN' || inName.has(c.tokenStart - 1)) || c.tokenStart - 1 <= p.head) continue;
      if (tokens.slice(p.tokenEnd, c.tokenStart).some((x) => x.norm === ',')) continue;
      c.subordinate = true;
      c.background = 'participle';
      p.regionEnd = c.regionEnd;
      // (the nouns the participle was thought to have as subjects are the verb's objects: "would accept Saudi
      // and U.S. mediation aimed at ending the fighting")
      const regained = c.subjects.filter((m) => all[m].tokenStart > p.head && !p.objects.some((q) => q.mention === m)).map((m) => ({ mention: m, prep: null }));
      p.objects = [...p.objects, ...regained, ...c.objects.filter((o) => !p.objects.some((q) => q.mention === o.mention))].sort((a, b) => all[a.mention].tokenStart - all[b.mention].tokenStart);
    }
    // "accused France of violating its airspace and freeing jihadists": a verb joined to a background clause is
    // background too
    for (let k = first; k < clauses.length; k++) {
      const c = clauses[k];
      // (not after a comma: "Benin opened its borders to West Africans ordered out of Nigeria, but was still refusing
      // admittance to Ghanaians" goes on with the main verb and its subject)
      const commaConj = c.link === 'conj' && tokens.slice(Math.max(s.tokenStart, c.tokenStart - 3), c.tokenStart).some((t) => t.norm === ',');
      if (commaConj && c.governor !== null && clauses[c.governor].subordinate) {
        let g = c.governor;
        while (g > first && clauses[g].subordinate) g--;
        if (!clauses[g].subordinate) {
          c.governor = g;
          if (!c.subjects.length || c.subjects.every((m) => clauses[k - 1].subjects.includes(m))) c.subjects = [...clauses[g].subjects];
        }
        continue;
      }
      // (and so is the complement of one: "a resolution that aims to tighten sanctions and impose a blockade")
      if ((c.link === 'conj' || c.link === 'xcomp') && c.governor !== null && clauses[c.governor].subordinate && !c.subordinate && clauses[c.governor].background !== 'adverbial') {
        c.subordinate = true;
        if (clauses[c.governor].background) c.background = clauses[c.governor].background;
      }
    }
    // a verb's patterns may read into its complements ("refused to meet X", "threatened to impose sanctions")
    for (let k = clauses.length - 1; k > first; k--) {
      const c = clauses[k];
      if (c.link === 'xcomp' && c.governor !== null) clauses[c.governor].regionEnd = Math.max(clauses[c.governor].regionEnd, c.regionEnd);
    }
  }
  return clauses;
};

export const posClauseFinder: ClauseFinder = { name: 'pos-clauses.v1', find: findClausesPos };
