import { defineStage } from '../pipeline/index.js';
import type { CodedEvent, EventActor, Mention, Modality, NewsDoc } from '../doc/index.js';
import { cameoCode, goldstein, ploverFor, ploverType } from '../standards/index.js';
import type { Clause, ClauseFinder } from './clause.js';
import { actorHas, matchPattern, mayMatch, modifiesMeans, wordsIn, type PatternMatch } from './match-pattern.js';
import { clauseModality, INTENT_CODE, rejectCode, threatCode } from './modality.js';
import type { VerbDictionary, VerbPattern } from './verb-dictionary.js';
import { clausePlace, datelineCountry, datelinePlace, namesPlace, placeBeforeVerb, withContextCountry } from './event-context.js';
import type { Gazetteer } from '../geo/index.js';

// Roots whose acts are done to a place when no one else is named: "eased restrictions in Montenegro".
const PLACE_IS_TARGET = new Set(['06', '07', '08', '14', '15', '16', '17', '18', '19', '20']);
const OBLIGATION = new Set(['must', 'should']);
const SPEECH_DEMAND = new Set(['say', 'tell', 'state', 'declare', 'insist', 'add', 'announce', 'write', 'argue', 'conclude', 'stress']);
/**
 * Patterns for a verb: by its lemma, else by forms of the word itself, for the lemmatizer's misses
 * ("staged" read as "stag"): the word, and the word less -d, -ed, -ing, -s, -es, with -ied made -y.
 */
const verbCandidates = (dictionary: VerbDictionary, lemma: string, norm: string): VerbPattern[] => {
  const direct = dictionary.byVerb.get(lemma);
  if (direct) return direct;
  for (const form of [norm, norm.replace(/d$/, ''), norm.replace(/ed$/, ''), norm.replace(/ied$/, 'y'), norm.replace(/ing$/, 'e'), norm.replace(/ing$/, ''), norm.replace(/es$/, ''), norm.replace(/s$/, '')]) {
    const found = dictionary.byVerb.get(form);
    if (found) return found;
  }
  return [];
};

/** The engine's own rule, recorded on its events like a dictionary pattern. */
const SAY_MUST: VerbPattern = { id: 'engine.say-must', code: '100', head: 'verb', lemmas: [], elements: [], swap: false, specificity: 0, file: 'src/coding/code-events.ts' };
const OWNER_PREPS = new Set(['by', 'of']);
// Words that join coordinated actors ("Latvia, Lithuania and the Baltic states"), and possessives between them.
const COORDINATING = new Set(['and', ',', 'the', 'or']);
const POSSESSIVE = new Set(['his', 'her', 'its', 'their']);
const PASSIVE_PREPS = new Set(['on', 'to', 'against', 'with', 'for', 'from', 'into', 'of', 'in', 'at', 'between', 'over', 'by', 'toward', 'towards']);
const TARGET_PREPS = new Set(['to', 'for', 'with', 'against', 'on', 'into', 'toward', 'towards', 'from', 'between']);
// Forces a state sends, deploys or withdraws, and the roots where a bare mention of them is the thing moved.
// Sectors of society outside the state, whose demands are made of their government.
const SOCIETY = new Set(['CVL', 'EDU', 'LAB', 'OPP', 'MED', 'HRI', 'REL', 'BUS', 'AGR', 'REF', 'ELI']);
const DISSENT = new Set(['protest', 'protests', 'protester', 'protesters', 'demonstration', 'demonstrations', 'demonstrator', 'demonstrators', 'demand', 'demands', 'unrest', 'riot', 'riots', 'dissent', 'dissident', 'dissidents', 'activist', 'activists', 'opposition', 'strike', 'strikes', 'uprising', 'pro-democracy']);
const STATE_ACTS = new Set(['171', '172', '173', '174', '116', '166']);
const FORCE_ROOTS = new Set(['18', '19', '20']);
const ATTACK_SUBJECTS = new Set(['bombing', 'blast', 'explosion', 'bomb', 'attack', 'ambush', 'shelling', 'airstrike', 'strike', 'rocket', 'mortar', 'landmine', 'mine', 'gunfire', 'shooting']);
const ATTACK_NOUNS = new Set(['strike', 'airstrike', 'attack', 'raid', 'bombing', 'shelling', 'missile', 'bomb', 'rocket', 'drone', 'ambush', 'assault', 'offensive', 'operation', 'barrage', 'fire']);
// Acts that, aimed at no one named and nowhere else, are aimed at home: concessions (PLOVER CONCEDE: yielding,
// easing restrictions, easing dissent, political reform) and threats of repression or unspecified threats.
const CONCESSIONS = new Set(['080', '081', '082', '083', '130', '132', '133', '137']);
const PREPARING = new Set(['prepare', 'poise', 'poised', 'ready', 'prepared', 'gear']);
// Investigations and accusations, whose target may stand deep in their object, and the words that lead to it.
const DEEP_TARGET = new Set(['09', '11']);
const DEEP_PREPS = new Set(['by', 'against', 'into', 'of', 'over', 'on', 'in']);
const VIOLENT = new Set(['17', '18', '19', '20']);
const typedTarget = (p: VerbPattern): string[] | undefined => {
  for (const e of p.elements) if (e.kind === 'target') return e.only;
  return undefined;
};
const ACCUSATIONS = new Set(['accusation', 'allegation', 'charge', 'claim', 'report', 'assertion', 'suggestion', 'criticism']);
const PROTESTING = new Set(['protest', 'demonstrate', 'rally', 'march', 'riot']);
const VICTIM_VERBS = new Set(['kill', 'wound', 'injure', 'maim']);
const PARTICLES = new Set(['down', 'up', 'out', 'off', 'away']);
const PROTEST_AT = new Set(['outside', 'at', 'before', 'near', 'front', 'opposite']);
const OWN_FORCES = new Set(['MIL', 'COP', 'SPY']);
const THEME_ROOTS = new Set(['03', '06', '07', '08', '15', '16']);
/** Weapons: after "with" they are the means an act was done with, not the one it was done with. */
const WEAPONS = new Set(['tank', 'artillery', 'missile', 'rocket', 'drone', 'warplane', 'jet', 'aircraft', 'helicopter', 'gun', 'weapon', 'bomb', 'mortar', 'shell', 'howitzer', 'gunboat', 'warship']);
// Roots whose acts, done by two or more subjects with no object, are done to each other: "X and Y agreed".
const RECIPROCAL = new Set(['03', '04', '05', '06', '19']);

const partnerless = new WeakMap<VerbPattern, VerbPattern | null>();
/** A reciprocal pattern ending in "with TARGET", less those two elements; null for any other pattern. */
const withoutPartner = (p: VerbPattern): VerbPattern | null => {
  let q = partnerless.get(p);
  if (q === undefined) {
    const els = p.elements;
    const n = els.length;
    const last = els[n - 1];
    const prep = els[n - 2];
    q =
      n >= 2 && last.kind === 'target' && prep.kind === 'word' && prep.alts.includes('with') && RECIPROCAL.has(p.code.slice(0, 2)) && !p.swap
        ? { ...p, elements: els.slice(0, n - 2), specificity: p.specificity - 1 }
        : null;
    partnerless.set(p, q);
  }
  return q;
};

const eventActor = (doc: NewsDoc, m: Mention | undefined): EventActor | null =>
  m?.actor ? { ...m.actor, text: doc.text.slice(m.start, m.end), span: { start: m.start, end: m.end } } : null;

/**
 * The code an event gets under its modality, or null when it is not to be coded as having happened: an
 * intent to cooperate is root 03, an intent to do harm is a threat (root 13), anything else unasserted is
 * not coded.
 */
export const codeUnder = (code: string, modality: Modality): string | null => {
  if (modality === 'asserted') return code;
  if (modality === 'intent') return code.startsWith('03') || code.startsWith('13') ? code : (INTENT_CODE[code.slice(0, 2)] ?? threatCode(code));
  if (modality === 'refused') return rejectCode(code);
  return null;
};

export type CodeEventsOptions = {
  dictionary: VerbDictionary;
  /** Places of events and the country of actors named by role alone; without it, only countries and capitals. */
  gazetteer?: Gazetteer;
  clauseFinder: ClauseFinder;
  /** Also code background clauses (relative clauses, participles, "after ..." clauses); default false. */
  subordinate?: boolean;
};

/**
 * Codes each clause into events: the most specific verb pattern of its head that matches its words, the
 * subject (or by-agent) as source and the pattern's TARGET (or the direct object) as target, under the
 * clause's modality. A sentence gives one event per (source, target, code); no pattern, no event.
 */
export const codeEventsIn = (doc: NewsDoc, { dictionary, clauseFinder, gazetteer, subordinate = false }: CodeEventsOptions): { clauses: Clause[]; events: CodedEvent[] } => {
  const tokens = doc.tokens!;
  const mentions = doc.mentions!;
  const clauses = clauseFinder.find(doc);
  // "fought heavy battles with tanks and artillery": weapons after "with" are what it was done with, no one
  const instruments = new Set<number>();
  mentions.forEach((m, index) => {
    let p = m.tokenStart - 1;
    while (p >= 0 && (tokens[p].pos === 'DET' || tokens[p].pos === 'ADJ' || tokens[p].pos === 'NUM')) p--;
    // ("with tanks and artillery": coordinated weapons too)
    const after = tokens[p]?.norm === 'with' || ((tokens[p]?.norm === 'and' || tokens[p]?.norm === ',') && instruments.has(index - 1) && mentions[index - 1].tokenEnd === p);
    if (after && WEAPONS.has(tokens[m.tokenEnd - 1].lemma)) instruments.add(index);
  });
  const startAt = new Map<number, { index: number; end: number; code: string | null; place: boolean }>();
  // TARGET may bind to a mention no dictionary resolved ("shelled Kharkiv"): the event keeps a null target
  mentions.forEach((m, index) => instruments.has(index) || startAt.set(m.tokenStart, { index, end: m.tokenEnd, code: m.actor?.code ?? null, place: namesPlace(m) }));
  // "talks with his Iraqi counterpart": a possessive pronoun before a mention of its own stands for the owner,
  // and the one talked with is the mention after it
  const mentionAt = (k: number) => {
    const at = startAt.get(k);
    if (at && mentions[at.index].via === 'pronoun' && POSSESSIVE.has(tokens[k].norm)) {
      const next = startAt.get(at.end);
      if (next && mentions[next.index].actor?.country) return next;
    }
    return at;
  };
  /** Whether a clause's subject, before its verb, is an attack noun: "a roadside bombing ... killed". */
  const attackSubject = (c: Clause): boolean => {
    const from = doc.sentences![c.sentence].tokenStart;
    for (let k = c.tokenStart - 1; k >= from && k >= c.tokenStart - 12; k--) {
      if (tokens[k].pos === 'VERB' || tokens[k].norm === ',') return false;
      if (tokens[k].pos === 'NOUN' && ATTACK_SUBJECTS.has(tokens[k].lemma)) {
        // the head of the subject phrase: only modifiers or a place phrase between it and the verb
        return true;
      }
    }
    return false;
  };
  /** The actor named deep in a clause's object after `after`, not of the subjects' country: an agent ("by",
   * "against") first, else the first after a preposition that leads to one ("of", "into", "on", "in"). */
  const deepTarget = (c: Clause, subjects: Mention[], after = c.head): Clause['objects'][number] | undefined => {
    const own = subjects.find((m) => m.actor?.country)?.actor?.country;
    // ("hailed the agreement with the United Arab Emirates": "with" leads to the partner of what is praised)
    const candidates = c.objects.filter((o) => {
      const x = mentions[o.mention].actor?.country;
      return !!x && x !== own && o.prep !== null && (DEEP_PREPS.has(o.prep) || o.prep === 'with') && mentions[o.mention].tokenStart > after;
    });
    return candidates.find((o) => o.prep === 'by' || o.prep === 'against') ?? candidates[0];
  };
  const events: CodedEvent[] = [];
  const seen = new Set<string>();
  const consumedHeads = new Set<number>();
  const storyCountry = datelineCountry(doc, gazetteer);
  const storyPlace = datelinePlace(doc, gazetteer);
  const mentionStarting = new Map<number, Mention>(mentions.map((m) => [m.tokenStart, m]));
  /** Whether a sentence speaks of protest or dissent at home ("after weeks of protests", "protesters' demands"). */
  const answersDissent = (sentence: number): boolean => {
    const s = doc.sentences![sentence];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (DISSENT.has(tokens[k].lemma) || DISSENT.has(tokens[k].norm)) return true;
    return false;
  };
  const sentenceMentions = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = sentenceMentions.get(m.sentence);
    if (list) list.push(m);
    else sentenceMentions.set(m.sentence, [m]);
  }
  /**
   * The actors coordinated after `first` among `pool` (in text order): "Latvia, Lithuania and Estonia". With
   * `wide` (the sentence's mentions as pool) the chain also runs through possessives and mentions no dictionary
   * resolved, and stops at a trailing speaker (", U.S. officials said").
   */
  const coordinatedAfter = (first: Mention, pool: Mention[], wide = false): Mention[] => {
    const out: Mention[] = [];
    let last = first;
    for (const m of pool) {
      if (m === last || m.tokenStart < last.tokenEnd || (wide ? m.via === 'pronoun' : !m.actor)) continue;
      const between = tokens.slice(last.tokenEnd, m.tokenStart).map((t) => t.norm);
      if (!between.length || !between.every((w) => COORDINATING.has(w) || (wide && POSSESSIVE.has(w)))) break;
      if (wide) {
        // ("Bashar al-Assad and his family": the family is the named one's, not a party of its own)
        if (between.some((w) => POSSESSIVE.has(w)) && !m.actor?.country) break;
        const after = tokens[m.tokenEnd];
        if (after && after.sentence === first.sentence && (after.pos === 'VERB' || after.pos === 'AUX')) break;
      }
      if (m.actor) out.push(m);
      last = m;
    }
    return out;
  };
  // (an event actor is made once a mention  // (an event actor is made once a mention: the same mention is source or target of several candidate events)
  const actors = new Map<Mention, EventActor | null>();
  const actorOf = (m: Mention | undefined): EventActor | null => {
    if (!m) return null;
    let a = actors.get(m);
    if (a === undefined) actors.set(m, (a = eventActor(doc, m)));
    return a;
  };
  /** "rebels in the Ivory Coast", "police from Kenya": the country of a place phrase right after the mention. */
  const localCountry = (m: Mention | undefined): string | undefined => {
    if (!m || m.actor?.country) return undefined;
    const prep = tokens[m.tokenEnd];
    if (!prep || prep.sentence !== m.sentence || !['in', 'from', 'of'].includes(prep.norm)) return undefined;
    const next = mentionStarting.get(m.tokenEnd + 1) ?? (tokens[m.tokenEnd + 1]?.pos === 'DET' ? mentionStarting.get(m.tokenEnd + 2) : undefined);
    return next?.actor?.country || undefined;
  };

  const emit = (
    c: { sentence: number },
    match: PatternMatch,
    modality: Modality,
    sources: (Mention | undefined)[],
    targets: (Mention | undefined)[],
    verb: { start: number; end: number },
    placeFrom: Clause | null,
  ): boolean => {
    const code = codeUnder(match.pattern.code, modality);
    if (!code) return false;
    const before = events.length;
    const info = cameoCode(code)!;
    const plover = ploverFor(code);
    const place = clausePlace(doc, placeFrom, gazetteer);
    const partner = sources.length > 1 ? sources.find((x) => x?.actor?.country)?.actor?.country : undefined;
    const targetPartner = targets.length > 1 ? targets.find((x) => x?.actor?.country)?.actor?.country : undefined;
    for (const sm of sources.length ? sources : [undefined]) {
      for (const tm of targets.length ? targets : [undefined]) {
        if (sm && tm && sm === tm) continue;
        let source = actorOf(sm);
        let target = actorOf(tm);
        if (target && !target.country && source?.country && OWN_FORCES.has(target.sector) && THEME_ROOTS.has(info.root) && !code.startsWith('084') && !localCountry(tm)) {
          // "pledged to send 1,000 police officers", "withdrew troops": the source's own forces are what it
          // sends or moves, not whom the act is aimed at
          target = null;
        }
        // (an intent takes its place as the act it intends would: "will evacuate all settlements in the Gaza Strip")
        const placeRoot = modality === 'intent' ? match.pattern.code.slice(0, 2) : info.root;
        const context = (PLACE_IS_TARGET.has(placeRoot) ? place?.country : undefined) ?? storyCountry;
        // ("Laurent Fabius and a group of deputies held talks": a role coordinated with a named actor is of its country)
        source = withContextCountry(source, localCountry(sm) ?? partner ?? context ?? target?.country);
        // ("talks between the Colombian government and the rebels": so is a target's)
        target = withContextCountry(target, localCountry(tm) ?? targetPartner ?? context ?? source?.country);
        if (!target && source?.country && (info.root === '14' || (info.root === '10' && SOCIETY.has(source.sector)))) {
          // a protest, or a demand by people outside the state, with no one named is aimed at their own government
          // ("demonstrators rioted", "student activists demanded reform")
          target = { code: `${source.country}GOV`, country: source.country, sector: 'GOV', entry: `domestic:${source.country}`, dictionary: 'context', text: '', span: verb };
        } else if (!target && place && (place.country !== source?.country || VIOLENT.has(info.root)) && PLACE_IS_TARGET.has(placeRoot)) {
          // ("militants attacked the village of Seytenga in northern Burkina Faso": violence done in a country
          // is done to it, even by its own people; a deployment or an aid delivery at home is not)
          target = { code: place.country, country: place.country, sector: '', entry: `place:${place.country}`, dictionary: 'context', text: place.text, span: place.span ?? verb };
        }
        if (!target && source?.country && CONCESSIONS.has(code.slice(0, 3)) && answersDissent(c.sentence)) {
          // "Rajapaksa resigned after weeks of protests", "Lukashenko threatened to crush any further protests": a
          // concession or a threat of repression to no one named, nowhere else, in a story of dissent at home, is
          // made at home
          target = { code: source.country, country: source.country, sector: '', entry: `domestic:${source.country}`, dictionary: 'context', text: '', span: verb };
        }
        // "a missionary was arrested in Lebanon": an arrest, a detention or a deportation with no one named doing
        // it is done by the state where it happens
        if (!source && !sm && placeFrom?.passive && STATE_ACTS.has(code.slice(0, 3)) && place?.country) {
          source = { code: place.country, country: place.country, sector: '', entry: `place:${place.country}`, dictionary: 'context', text: place.text, span: place.span ?? verb };
        }
        // "a roadside bombing near the town of Samarra killed one U.S. soldier": an attack named as the subject,
        // with no one behind it named, is by unidentified forces of the country where it happened
        if (!source && !sm && placeFrom && !placeFrom.passive && !placeFrom.subjects.length && FORCE_ROOTS.has(info.root) && attackSubject(placeFrom)) {
          const at = placeBeforeVerb(doc, placeFrom, gazetteer) ?? place;
          if (at?.country) {
            source = { code: `${at.country}UAF`, country: at.country, sector: 'UAF', entry: `place:${at.country}`, dictionary: 'context', text: at.text, span: at.span ?? verb };
            if (target && !target.country) target = withContextCountry(target, at.country);
          }
        }
        // an act with no one doing it is not an event dyad can count
        if (!source) continue;
        // nor one of a type PLOVER says needs a recipient (COOPERATE, AID, SANCTION) with no one receiving it
        if (!target && plover && ploverType(plover.type)?.requiresRecipient) continue;
        // "spoke to reporters in Brussels", "told journalists": talking to the press is how news is made, not a
        // consultation with anyone
        if (tm?.actor?.sector === 'MED' && !tm.actor.country && (info.root === '04' || info.root === '01')) continue;
        const key = `${c.sentence}|${source.code}|${target?.code}|${code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const spans = [verb, source.span, target?.span, { start: tokens[match.end - 1]?.start ?? verb.start, end: tokens[match.end - 1]?.end ?? verb.end }].filter(
          (x): x is { start: number; end: number } => !!x,
        );
        const evidence = { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) };
        const date = (doc.dates ?? []).find((d) => d.sentence === c.sentence)?.date ?? doc.meta.date;
        const where = place ?? storyPlace ?? (doc.dateline ? { text: doc.dateline.place, name: doc.dateline.place, country: storyCountry ?? '', from: 'dateline' as const } : undefined);
        events.push({
          docId: doc.meta.id,
          sentence: c.sentence,
          source,
          target,
          cameo: { code, root: info.root, name: info.name },
          plover: plover ? { type: plover.type, mode: plover.mode, context: plover.context } : null,
          goldstein: goldstein(code),
          quadClass: info.quadClass,
          modality,
          date,
          ...(where ? { place: where } : {}),
          verb,
          evidence,
          ruleId: match.pattern.id,
          dictionary: dictionary.version,
        });
      }
    }
    return events.length > before;
  };

  const matchPassiveSubject = (p: VerbPattern, c: Clause): PatternMatch | null => {
    let n = 0;
    while (n < p.elements.length) {
      const e = p.elements[n];
      if (e.kind !== 'word' || e.alts.every((a) => PASSIVE_PREPS.has(a))) break;
      n++;
    }
    if (n === 0) return null;
    const from = Math.max(doc.sentences![c.sentence].tokenStart, c.tokenStart - 8);
    const words: number[] = [];
    let k = from;
    for (const e of p.elements.slice(0, n)) {
      if (e.kind !== 'word') return null;
      while (k < c.tokenStart && !e.alts.includes(tokens[k].lemma) && !e.alts.includes(tokens[k].norm)) k++;
      if (k >= c.tokenStart) return null;
      words.push(k++);
    }
    if (words.length && proposedAt(tokens, words[0])) return null;
    const rest = p.elements.slice(n);
    const after = rest.length ? matchPattern({ ...p, elements: rest }, tokens, c.head + 1, c.regionEnd, mentionAt, true) : { pattern: p, target: null, end: c.head + 1, words: [] };
    return after ? { pattern: p, target: after.target, end: after.end, words: [...words, ...after.words] } : null;
  };
  const children = new Map<number, Clause[]>();
  for (const o of clauses) if (o.governor !== null) children.set(o.governor, [...(children.get(o.governor) ?? []), o]);
  const emitted = new Set<number>();
  const deferred: number[] = [];
  const usedWords = new Set<number>();
  const codeClause = (k: number, late = false): void => {
    const instrument = (o: Clause['objects'][number]) => instruments.has(o.mention);
    const c = clauses[k].objects.some(instrument) ? { ...clauses[k], objects: clauses[k].objects.filter((o) => !instrument(o)) } : clauses[k];
    // ("... after Cambodian troops fired rockets into Thai territory": a background clause with a subject of its
    // own and a past verb reports an act too)
    const reported = c.background === 'adverbial' && c.subjects.length > 0 && !c.conditional && !c.modal && tokens[c.head].norm !== tokens[c.head].lemma && !tokens[c.head].norm.endsWith('ing');
    // "died in Russian shelling of Kherson": a gerund's nationality before it is the one who does it
    const before = !c.subjects.length && !c.passive && tokens[c.head].norm.endsWith('ing') ? mentionStarting.get(c.head - 1) : undefined;
    const nationality = before && before.tokenEnd === c.head && before.actor?.country && !before.via && before.pieces.some((p) => p.entries.some((e) => e.kind === 'demonym')) ? before : undefined;
    // ("dispersed demonstrators protesting election results": a protest named right after its protesters happened)
    const protesting = c.background === 'participle' && PROTESTING.has(c.lemma) && c.subjects.length === 1 && mentions[c.subjects[0]].tokenEnd === c.head && !!mentions[c.subjects[0]].actor;
    if (consumedHeads.has(c.head) || (c.subordinate && !subordinate && !reported && !nationality && !protesting)) return;
    const candidates = verbCandidates(dictionary, c.lemma, tokens[c.head].norm);
    let match: PatternMatch | null = null;
    const present = candidates.length > 1 ? wordsIn(tokens, c.head + 1, c.regionEnd) : null;
    if (present && c.passive) for (const w of wordsIn(tokens, Math.max(doc.sentences![c.sentence].tokenStart, c.tokenStart - 8), c.tokenStart)) present.add(w);
    const mutual = !c.passive && c.subjects.length > 1;
    let thingSubject = false;
    // ("Turkey and Greece traded accusations": a pattern done to each other without its "with TARGET" waits for
    // the full patterns as specific as it is, "trade accusations" before "trade [with TARGET]")
    let partnerless: PatternMatch | null = null;
    for (const p of candidates) {
      if (partnerless && p.specificity < partnerless.pattern.specificity - 1) break;
      const alone = mutual ? withoutPartner(p) : null;
      if (present && !mayMatch(p, present) && !(alone && mayMatch(alone, present))) continue;
      match = matchPattern(p, tokens, c.head + 1, c.regionEnd, mentionAt, c.passive);
      // in the passive a typed TARGET is the subject: "The Red Cross was expelled" (an organisation), not "Two
      // journalists were expelled"
      const only = c.passive ? typedTarget(p) : undefined;
      if (match && only && !c.subjects.some((i) => actorHas(mentions[i].actor?.code, only))) match = null;
      // "Cuba and the United States restored diplomatic relations": a pattern "... with TARGET" done by two
      // subjects to each other
      if (!match && alone && !partnerless) {
        const m = matchPattern(alone, tokens, c.head + 1, c.regionEnd, mentionAt, false);
        if (m) partnerless = { ...m, pattern: p };
        continue;
      }
      // "New sanctions were imposed on Russia by the United States", "A peace agreement was signed by ...": in
      // the passive the pattern's nouns stand in the subject, before the verb
      if (!match && c.passive) {
        match = matchPassiveSubject(p, c);
        thingSubject = !!match;
      }
      if (match) break;
    }
    if (!match && partnerless) match = { ...partnerless, pattern: withoutPartner(partnerless.pattern)! };
    let deepRetry = false;
    if (!match && !c.passive) {
      // "criticised the sanctions announced by Washington": an accusation or investigation whose object names no
      // one is aimed at whoever the object names deeper (found below)
      for (const p of candidates) {
        const last = p.elements[p.elements.length - 1];
        if (!(DEEP_TARGET.has(p.code.slice(0, 2)) || p.code.startsWith('05')) || last?.kind !== 'target' || !deepTarget(c, c.subjects.map((i) => mentions[i]))) continue;
        const m = matchPattern({ ...p, elements: p.elements.slice(0, -1) }, tokens, c.head + 1, c.regionEnd, mentionAt);
        if (m) {
          match = { ...m, pattern: p, target: null };
          deepRetry = true;
          break;
        }
      }
    }
    const complement = (children.get(k) ?? []).find((o) => o.link === 'ccomp' || o.link === 'xcomp');
    if (!match && complement?.link === 'ccomp' && SPEECH_DEMAND.has(c.lemma) && complement.modal && OBLIGATION.has(complement.modal)) {
      // "Russia said Sudan must return the helicopter": saying that someone must act is a demand of them
      match = { pattern: SAY_MUST, target: complement.subjects[0] ?? null, end: c.tokenEnd, words: [] };
      consumedHeads.add(complement.head);
    }
    if (!match) return;
    const bare = match.pattern.elements.every((e) => e.kind === 'word' && e.alts.length === 1 && e.alts[0] === 'to');
    // (a protest is no such verb: "marched in Nairobi to demand lower prices" is a march, for a purpose)
    if (!late && bare && !match.pattern.code.startsWith('14') && (children.get(k) ?? []).some((o) => o.link === 'xcomp')) {
      // a bare "pledged", "agreed" waits for its complement: "pledged to send aid to Sri Lanka" is coded there
      deferred.push(k);
      return;
    }
    for (const w of match.words) usedWords.add(w);
    // the complements this match read are part of this event, not events of their own
    for (const other of clauses) if (other.sentence === c.sentence && other.head > c.head && other.head < match.end) consumedHeads.add(other.head);
    let modality = clauseModality(clauses, k);
    let preparing = false;
    for (let g: Clause | null = c; g && g.link === 'xcomp' && g.governor !== null; g = clauses[g.governor]) {
      if (PREPARING.has(clauses[g.governor].lemma) || (g.adjective && PREPARING.has(g.adjective))) preparing = true;
    }
    if (modality === 'intent' && preparing && ['18', '19', '20'].includes(match.pattern.code.slice(0, 2))) {
      // "the army prepared to resume shelling", "troops were poised to storm the city": getting ready to fight
      // is a show of force that happened (CAMEO 150), not a threat
      match = { ...match, pattern: { ...match.pattern, code: '150' } };
      modality = 'asserted';
    }
    const subjects = c.subjects.map((i) => mentions[i]);
    if (nationality) subjects.push(nationality);
    let sources: (Mention | undefined)[] = subjects;
    let targets: (Mention | undefined)[];
    const themeRoot = THEME_ROOTS.has(match.pattern.code.slice(0, 2));
    // ("4,000 Colombian rebel fighters were demobilized": armed groups stand down by themselves too)
    const ownForces = (m: Mention) => OWN_FORCES.has(m.actor!.sector) || (match!.pattern.code.startsWith('087') && (m.actor!.sector === 'REB' || m.actor!.sector === 'INS'));
    if (c.passive && c.agent === null && themeRoot && subjects.length && subjects.every((m) => m.actor?.country && ownForces(m))) {
      // "Kenyan troops were deployed to Haiti": forces sent by no one named are sent by their own state
      sources = subjects;
      const to = c.objects.find((o) => o.prep !== null && TARGET_PREPS.has(o.prep) && mentions[o.mention].actor?.country);
      targets = to ? [mentions[to.mention]] : [];
    } else if (c.passive) {
      sources = c.agent !== null ? [mentions[c.agent]] : [];
      if (c.agent === null && FORCE_ROOTS.has(match.pattern.code.slice(0, 2))) {
        // "Soleimani was killed in a U.S. drone strike": the attack named with its nationality is the agent's
        const attack = c.objects.find((o) => (o.prep === 'in' || o.prep === 'by') && mentions[o.mention].actor?.country && ATTACK_NOUNS.has(tokens[mentions[o.mention].tokenEnd - 1].lemma));
        if (attack) sources = [mentions[attack.mention]];
      }
      // "signed by the Democratic Republic of Congo and Rwanda": coordinated agents
      if (c.agent !== null) sources.push(...coordinatedAfter(mentions[c.agent], c.objects.map((o) => mentions[o.mention])));
      // ("Additional troops were sent to the border with Belarus by Poland": the agent's own forces are no target)
      targets = subjects.filter((m) => m.actor && !(themeRoot && !m.actor.country && OWN_FORCES.has(m.actor.sector)));
      if (!targets.length) {
        // "a loan was promised to Egypt by the IMF": the subject is the thing, the target follows "to"
        const to = c.objects.find((o) => o.prep !== null && TARGET_PREPS.has(o.prep) && mentions[o.mention].actor);
        if (to) targets = [mentions[to.mention]];
      }
      if (!targets.length && (thingSubject || !c.subjects.length)) {
        // "An invitation from Lukashenko ... was rejected by the opposition", "Egypt's offer ... was welcomed by the
        // U.N.": the thing belongs to the one the act is aimed at
        const from = Math.max(doc.sentences![c.sentence].tokenStart, c.tokenStart - 12);
        const owner = mentions.find((m) => m.sentence === c.sentence && m.tokenStart >= from && m.tokenEnd <= c.tokenStart && m.actor && !sources.includes(m));
        if (owner) targets = [owner];
      }
    } else if (match.pattern === SAY_MUST) {
      // "said U.S. and British forces must ensure security": each one told what it must do
      targets = complement!.subjects.map((i) => mentions[i]).filter((m) => m.actor);
    } else if (match.target !== null) {
      targets = [mentions[match.target]];
      if (!mentions[match.target].actor) {
        // "boycott all official contact with the United States", "rejected changes by Israel": the thing the
        // act is aimed at belongs to the actor right after it
        const bound = mentions[match.target];
        const owner = c.objects.find((o) => {
          const m = mentions[o.mention];
          return m.actor?.country && o.prep !== null && (TARGET_PREPS.has(o.prep) || OWNER_PREPS.has(o.prep)) && m.tokenStart > bound.tokenEnd && m.tokenStart <= bound.tokenEnd + 2;
        });
        if (owner) targets = [mentions[owner.mention]];
        // "began an inquiry into the treatment of Uyghurs in Xinjiang by Chinese authorities": an investigation or
        // accusation whose TARGET names no one is aimed at whoever the object names deeper
        else if (DEEP_TARGET.has(match.pattern.code.slice(0, 2))) {
          const deep = deepTarget(c, subjects, bound.tokenStart);
          if (deep) targets = [mentions[deep.mention]];
        }
      }
      // "condemned the strikes on Belgorod by Ukrainian forces": an accusation's TARGET that is only a place, or
      // the accuser's own country, gives way to the agent named after it
      const bound = mentions[match.target];
      if (DEEP_TARGET.has(match.pattern.code.slice(0, 2)) && bound.actor && (namesPlace(bound) || subjects.some((m) => m.actor?.country === bound.actor!.country))) {
        const agent = deepTarget(c, subjects, bound.tokenStart);
        if (agent && (agent.prep === 'by' || agent.prep === 'against')) targets = [mentions[agent.mention]];
      }
      // "sanctions on Russia and Belarus": coordinated targets
      // (among all the sentence's mentions: the TARGET may stand in a complement, "threatened to impose tariffs
      // on Canada and Mexico")
      targets.push(...coordinatedAfter(mentions[match.target], sentenceMentions.get(c.sentence) ?? [], true));
    } else {
      // the direct object, else the first actor after a preposition that points at someone ("aid for Afghan refugees")
      // (not a word the pattern itself read: "agreed to share intelligence" is not aimed at "intelligence")
      const free = (o: { mention: number; prep: string | null }) => {
        const m = mentions[o.mention];
        const h = m.head;
        // ("reached a deal with EU mediation": the actor modifies the means, it is no partner)
        if (o.prep === 'with' && modifiesMeans(tokens, m.tokenEnd)) return false;
        // (but "shut down two newspapers" is aimed at the newspapers: coercion falls on what it names)
        // (nor are "expelled 13 aid agencies": an expulsion falls on what it names)
        return !h || !!m.actor?.country || match!.pattern.code.startsWith('17') || match!.pattern.code.startsWith('166') || !match!.words.some((w) => tokens[w].start >= h.start && tokens[w].end <= h.end);
      };
      // ("sent 1,000 police officers to Haiti": the source's own people, a bare role, are not the target when
      // someone with a country follows)
      const named = (o: { mention: number }) => !!mentions[o.mention].actor?.country;
      // ("shut down two newspapers", "locked up activists": a particle before the object is no preposition)
      const bare = (o: { mention: number; prep: string | null }) => o.prep === null || (PARTICLES.has(o.prep) && mentions[o.mention].tokenStart > c.head && tokens[mentions[o.mention].tokenStart - 1]?.norm === o.prep);
      const direct =
        c.objects.find((o) => bare(o) && named(o) && free(o)) ??
        // ("expelled 13 aid agencies from Darfur": those expelled, not the place they leave)
        (match.pattern.code.startsWith('166') ? c.objects.find((o) => bare(o) && mentions[o.mention].actor && free(o)) : undefined) ??
        c.objects.find((o) => o.prep !== null && TARGET_PREPS.has(o.prep) && named(o) && mentions[o.mention].tokenStart > c.head && free(o)) ??
        c.objects.find((o) => bare(o) && mentions[o.mention].actor && free(o)) ??
        c.objects.find((o) => o.prep !== null && TARGET_PREPS.has(o.prep) && mentions[o.mention].actor && mentions[o.mention].tokenStart > c.head && free(o)) ??
        // "rejected calls by Belarus's rulers", "an appeal from the president": whose call it was
        // (not "met in the Jordanian resort of Aqaba": "of" after a place names the place)
        c.objects.find(
          (o) =>
            o.prep !== null &&
            OWNER_PREPS.has(o.prep) &&
            mentions[o.mention].actor &&
            mentions[o.mention].tokenStart < c.head + 8 &&
            !c.objects.some((p) => p !== o && mentions[p.mention].tokenEnd === mentions[o.mention].tokenStart - 1),
        );
      targets = direct ? [mentions[direct.mention]] : [];
      if (deepRetry) {
        const deep = deepTarget(c, subjects);
        if (deep) targets = [mentions[deep.mention]];
      }
      // "expelled diplomats from Latvia, Lithuania and Estonia": coordinated targets
      if (direct) targets.push(...coordinatedAfter(mentions[direct.mention], c.objects.map((o) => mentions[o.mention])));
      // "demanded that Hamas renounce ...": the one asked is the complement's subject
      const asked = complement?.subjects.find((i) => mentions[i].actor && !c.subjects.includes(i));
      // a denial or a claim of responsibility is aimed at no one: "denied that its forces struck"
      const selfStatement = match.pattern.code === '016' || match.pattern.code === '015';
      // "repeated its demand that the president dissolve parliament": the one asked is the demand's subject
      const demanded = clauses.find((o) => o.requested && o.sentence === c.sentence && o.head > c.head && o.subjects.some((i) => mentions[i].actor));
      if (!direct && demanded && match.pattern.code.startsWith('10')) targets = [mentions[demanded.subjects.find((i) => mentions[i].actor)!]];
      if (selfStatement) {
        // a denial or a claim answers only an accuser ("denied Indian accusations"), not those its object names
        // ("denied any involvement in the poisoning of Sergei Skripal", "claimed responsibility for an ambush on a
        // police patrol")
        targets = (sentenceMentions.get(c.sentence) ?? []).filter((m) => m.tokenStart > c.head && m.tokenStart < c.regionEnd && m.actor && ACCUSATIONS.has(tokens[m.tokenEnd - 1].lemma)).slice(0, 1);
        // ("denied the accusations by Poland")
        const by = c.objects.find((o) => (o.prep === 'by' || o.prep === 'from') && mentions[o.mention].actor && ACCUSATIONS.has(tokens[mentions[o.mention].tokenStart - 2]?.lemma ?? ''));
        if (!targets.length && by) targets = [mentions[by.mention]];
      } else if (!direct && DEEP_TARGET.has(match.pattern.code.slice(0, 2))) {
        // "opened an investigation into war crimes committed by Russian forces", "accused the government of
        // abuses against Uyghurs": the one accused or investigated is named deep in the object
        const deep = deepTarget(c, subjects);
        if (deep) targets = [mentions[deep.mention]];
        // "alleged that Rwanda had sent troops": the one accused is the allegation's subject
        else if (asked !== undefined && complement!.link === 'ccomp') targets = [mentions[asked]];
      } else if (!direct && asked !== undefined && complement!.link === 'ccomp') targets = [mentions[asked]];
      else if (!direct) {
        // "threatened to attack Ukraine": the complement's object is what the threat is aimed at
        const comp = (children.get(k) ?? []).find((o) => o.link === 'xcomp');
        const own = subjects.find((m) => m.actor?.country)?.actor?.country;
        const obj =
          comp?.objects.find((o) => mentions[o.mention].actor?.country && (o.prep === null || TARGET_PREPS.has(o.prep))) ??
          comp?.objects.find((o) => mentions[o.mention].actor && (o.prep === null || o.prep === 'against' || o.prep === 'on')) ??
          // a threat reaches further: "threatened to take back control of the Panama Canal", "to carry out more
          // attacks in Kenyan cities": whoever else its complement names
          (match.pattern.code.startsWith('13')
            ? [comp, ...clauses.filter((o) => comp && o.link === 'xcomp' && o.governor === clauses.indexOf(comp))]
                .flatMap((o) => o?.objects ?? [])
                .find((o) => {
                  const x = mentions[o.mention].actor?.country;
                  return !!x && x !== own;
                })
            : undefined);
        if (comp && obj) {
          targets = [mentions[obj.mention]];
          // "offered to mediate between Afghanistan and Pakistan": coordinated objects of the complement too
          targets.push(...coordinatedAfter(mentions[obj.mention], comp.objects.map((o) => mentions[o.mention])));
          consumedHeads.add(comp.head);
        }
      }
    }
    if (match.pattern.swap) [sources, targets] = [targets, sources];
    const cond = clauses.find((o) => o !== c && o.sentence === c.sentence && o.conditional && o.subjects.length);
    const condActor = cond ? mentions[cond.subjects[0]] : undefined;
    const own = sources.find((m) => m?.actor?.country)?.actor?.country;
    if (cond && (modality === 'intent' || match.pattern.code.startsWith('13'))) {
      // "will impose sanctions if Russia invades", "threatened to stop talks if the U.S. ...": a threat is
      // aimed at the subject of its condition ("if Russian troops cross the border, NATO will send forces to
      // Poland" threatens Russia, not Poland)
      const threat = (codeUnder(match.pattern.code, modality) ?? '').startsWith('13');
      if (!targets.length) targets = [condActor!];
      else if (threat && condActor?.actor?.country && condActor.actor.country !== own) targets = [condActor];
    }
    if (cond && modality === 'intent' && cond.head > c.head && tokens.slice(c.head, cond.tokenStart + 1).some((t) => t.norm === 'unless')) {
      // "will withdraw its force unless the president arranges a ceasefire": an intent held over someone is a threat
      match = { ...match, pattern: { ...match.pattern, code: threatCode(match.pattern.code) ?? '130' } };
    }
    const head = tokens[c.head];
    // ("India and China agreed to disengage their troops": the subjects' own forces are no one's target)
    // ("Japan and the Philippines signed a pact allowing troops to ...": nor are the forces of one of them)
    const ownCountries = new Set(sources.map((m) => m?.actor?.country).filter(Boolean));
    // (but soldiers released or returned are the other side's: "rebels freed two kidnapped soldiers")
    if ((THEME_ROOTS.has(match.pattern.code.slice(0, 2)) && !match.pattern.code.startsWith('084')) || (sources.length > 1 && RECIPROCAL.has(match.pattern.code.slice(0, 2)))) {
      targets = targets.filter((m) => !(m?.actor && OWN_FORCES.has(m.actor.sector) && (!m.actor.country || ownCountries.has(m.actor.country))));
    }
    if (FORCE_ROOTS.has(match.pattern.code.slice(0, 2)) && !targets.some((m) => m?.actor)) {
      // "dropped barrel bombs on Sarmin, killing dozens of civilians": an attack aimed at no one named falls on
      // those its trailing ", killing" names
      const after = clauses.find((o, j) => j > k && o.sentence === c.sentence && VICTIM_VERBS.has(o.lemma) && (o.trailing || (tokens[o.tokenStart - 1]?.norm === ',' && tokens[o.head].norm.endsWith('ing'))));
      const victim = after?.objects.find((o) => (o.prep === null || o.prep === 'of') && mentions[o.mention].actor && mentions[o.mention].tokenStart > after.head);
      if (victim) targets = [mentions[victim.mention]];
    }
    if (match.pattern.code.startsWith('14') && !targets.some((m) => m?.actor)) {
      // "staged a sit-in outside the Chinese embassy", "rallied in front of the U.S. consulate": a protest held
      // at an office of state is aimed at that state
      const at = c.objects.find((o) => o.prep !== null && PROTEST_AT.has(o.prep) && ['GOV', 'IGO'].some((x) => actorHas(mentions[o.mention].actor?.code, [x])));
      // "blocked streets in Hong Kong in defiance of Chinese authorities": so is one held in defiance of someone
      const defied = c.objects.find((o) => o.prep === 'of' && mentions[o.mention].actor && tokens[mentions[o.mention].tokenStart - 2]?.norm === 'defiance');
      if (at ?? defied) targets = [mentions[(at ?? defied)!.mention]];
    }
    if (c.link === 'xcomp' && c.governor !== null && !targets.some((m) => m?.actor)) {
      // "telephoned Putin to discuss the situation": a purpose naming no one, of the kind of act its governor
      // already coded, is that act
      const g = tokens[clauses[c.governor].head];
      const root = (codeUnder(match.pattern.code, modality) ?? match.pattern.code).slice(0, 2);
      if (events.some((e) => e.sentence === c.sentence && e.verb.start === g.start && e.cameo.root === root)) return;
    }
    if (c.link === 'xcomp' && c.governor !== null && ['10', '02'].includes(match.pattern.code.slice(0, 2))) {
      // "blocked highways to demand lower fuel taxes": what a protest demands is its aim, not a second event
      const g = tokens[clauses[c.governor].head];
      if (events.some((e) => e.sentence === c.sentence && e.verb.start === g.start && e.cameo.root === '14')) return;
    }
    // "Canada and India expelled each other's diplomats": whatever the object, to each other
    let eachOther = false;
    for (let i = c.head + 1; i + 1 < c.regionEnd; i++) {
      if ((tokens[i].norm === 'each' && tokens[i + 1].norm === 'other') || (tokens[i].norm === 'one' && tokens[i + 1].norm === 'another')) eachOther = true;
    }
    if (eachOther && sources.length > 1) targets = [];
    // "X and Y met", "X and Y agreed": with no object, the subjects acted towards each other
    if (!targets.some((m) => m?.actor) && sources.length > 1 && (eachOther || match.pattern.mutual || RECIPROCAL.has((codeUnder(match.pattern.code, modality) ?? match.pattern.code).slice(0, 2)))) {
      for (const a of sources) if (emit(c, match, modality, [a], sources.filter((b) => b !== a), { start: head.start, end: head.end }, c)) emitted.add(k);
      return;
    }
    // (a trailing participle reports its own act only when it names whom: ", accusing him of insurrection" yes;
    // ", killing dozens" is the attack the verb before reported, ", allowing more goods in" names no one)
    // (unless the verb before gave no event: "Syrian warplanes dropped sarin on the town, killing more than 80
    // people" reports the attack in its ", killing")
    if (c.trailing) {
      const force = ['18', '19', '20'].includes(match.pattern.code.slice(0, 2));
      let main = k - 1;
      while (main >= 0 && clauses[main].sentence === c.sentence && clauses[main].trailing) main--;
      const mainCoded = main >= 0 && clauses[main].sentence === c.sentence && emitted.has(main);
      if (!targets.some((m) => m?.actor) || (force && mainCoded)) return;
    }
    if (emit(c, match, modality, sources, targets, { start: head.start, end: head.end }, c)) {
      emitted.add(k);
      if (c.trailing && k > 0 && clauses[k - 1].sentence === c.sentence) {
        // "issued a declaration demanding that ...": the statement is what its participle says; its bare "made a
        // statement" event goes
        const g = tokens[clauses[k - 1].head];
        for (let e = events.length - 1; e >= 0; e--) if (events[e].sentence === c.sentence && events[e].verb.start === g.start && events[e].cameo.root === '01') events.splice(e, 1);
      }
    }
  };
  clauses.forEach((_c, k) => codeClause(k));
  // a deferred governor is coded only when its complement gave no event
  for (const k of deferred) {
    const comps = clauses.map((o, i) => (o.governor === k && o.link === 'xcomp' ? i : -1)).filter((i) => i >= 0);
    if (!comps.some((i) => emitted.has(i))) codeClause(k, true);
  }
  codeNounEvents(doc, clauses, usedWords, emitted, dictionary, mentionAt, (c, match, sources, targets, verb) => emit(c, match, 'asserted', sources, targets, verb, null));
  return { clauses, events };
};

// Verbs whose object noun names the act their subject does: "launched an invasion", "carried out airstrikes".
const LIGHT_VERBS = new Set(['complete', 'accelerate', 'speed', 'hasten', 'finish', 'undertake', 'initiate', 'order', 'launch', 'carry', 'conduct', 'stage', 'mount', 'begin', 'start', 'continue', 'wage', 'step', 'intensify', 'escalate', 'resume', 'make', 'hold', 'unleash', 'perform', 'commit', 'impose', 'announce', 'sign', 'extend', 'deliver', 'provide', 'offer', 'issue', 'file', 'lodge']);

// Nouns whose "for" introduces what someone wants to happen: "a proposal for a truce", "calls for talks".
const PROPOSING = new Set(['proposal', 'counterproposal', 'counter-proposal', 'plan', 'call', 'appeal', 'demand', 'push', 'bid', 'request', 'plea', 'hope', 'framework', 'blueprint', 'roadmap', 'pressure', 'campaign', 'negotiation', 'talk', 'condition', 'deadline', 'prospect', 'chance', 'need']);
/** "a counterproposal for a truce", "calls for talks": what is proposed or called for has not happened. */
const proposedAt = (tokens: NonNullable<NewsDoc['tokens']>, i: number): boolean => {
  let q = i - 1;
  while (q > 0 && (tokens[q].pos === 'DET' || tokens[q].pos === 'ADJ' || tokens[q].pos === 'NUM') && tokens[q].sentence === tokens[i].sentence) q--;
  return tokens[q]?.norm === 'for' && q > 0 && tokens[q - 1].sentence === tokens[i].sentence && PROPOSING.has(tokens[q - 1].lemma);
};
// Words before an event noun that say it has not happened: "a feared invasion", "a possible summit".
const UNREAL_MODIFIERS = new Set(['feared', 'possible', 'potential', 'planned', 'proposed', 'threatened', 'expected', 'likely', 'prospective', 'hypothetical', 'future', 'imminent', 'looming', 'any', 'no']);

/**
 * Events named by nouns: "talks between X and Y", "Russia's invasion of Ukraine", "sanctions on Iran by the
 * EU", where no verb of their clause is itself an event. The source is the actor inside the noun's own phrase (a possessor or nationality) or after "by"; a
 * noun in a clause that is not asserted (a modal, a condition, a question, a negation), or with a modifier
 * like "feared" or "possible", is not coded. Nouns a verb pattern already read are skipped.
 */
const codeNounEvents = (
  doc: NewsDoc,
  clauses: Clause[],
  usedWords: Set<number>,
  emitted: Set<number>,
  dictionary: VerbDictionary,
  mentionAt: (k: number) => { index: number; end: number } | undefined,
  emitNoun: (c: { sentence: number }, match: PatternMatch, sources: Mention[], targets: Mention[], verb: { start: number; end: number }) => boolean,
): void => {
  if (!dictionary.byNoun.size) return;
  const tokens = doc.tokens!;
  const mentions = doc.mentions!;
  for (const s of doc.sentences!) {
    if (s.isDateline) continue;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i];
      if ((t.pos !== 'NOUN' && t.pos !== 'PROPN') || usedWords.has(i)) continue;
      // ("Talks between ...": a capitalised plural at the start of a sentence is tagged as a name, lemma and all)
      const candidates = dictionary.byNoun.get(t.lemma) ?? dictionary.byNoun.get(t.norm) ?? (t.pos === 'PROPN' ? dictionary.byNoun.get(t.norm.replace(/ies$/, 'y').replace(/s$/, '')) : undefined);
      if (!candidates) continue;
      // the clause the noun belongs to: the one whose words it stands among, else the next (it is its subject)
      // the clause the noun is the subject of (no verb between them), else the one whose words it stands among
      const next = clauses.find((c) => c.sentence === s.index && c.head > i);
      let between = false;
      if (next) for (let k = i + 1; k < next.tokenStart; k++) if (tokens[k].pos === 'VERB' || tokens[k].norm === ',') between = true;
      // ("rejected U.S. calls for him to step down": an infinitive has no subject before it)
      if (next && tokens[next.tokenStart - 1]?.norm === 'to') between = true;
      const own = next && !between ? next : clauses.filter((c) => c.sentence === s.index && c.head < i && i < c.regionEnd).pop();
      const ownIndex = own ? clauses.indexOf(own) : -1;
      if (own && (own.modal || own.subordinate || clauseModality(clauses, ownIndex) !== 'asserted')) continue;
      // "an offer to host a summit to hammer out a peace agreement": an infinitive's noun is a purpose, not a fact
      if (own && own.head < i && tokens[own.tokenStart - 1]?.norm === 'to' && tokens[own.tokenStart - 1]?.pos === 'PART') continue;
      // "condemned Russia's invasion": the sentence reports the condemnation, not the invasion
      if (own && own.head < i && emitted.has(ownIndex)) continue;
      let unreal = false;
      for (let k = i - 1; k >= s.tokenStart && k >= i - 4; k--) {
        if (UNREAL_MODIFIERS.has(tokens[k].norm)) unreal = true;
        if (tokens[k].pos === 'VERB' || tokens[k].pos === 'ADP') break;
      }
      if (unreal || proposedAt(tokens, i)) continue;
      let match: PatternMatch | null = null;
      for (const p of candidates) {
        match = matchPattern(p, tokens, i + 1, s.tokenEnd, mentionAt);
        if (match) break;
      }
      // "a U.N. inquiry into abuses against protesters by Sudanese security forces": an investigation or an
      // accusation whose object names no one is aimed at whoever it names further on
      let deep = false;
      if (!match) {
        for (const p of candidates) {
          const last = p.elements[p.elements.length - 1];
          if (!DEEP_TARGET.has(p.code.slice(0, 2)) || last?.kind !== 'target') continue;
          match = matchPattern({ ...p, elements: p.elements.slice(0, -1) }, tokens, i + 1, s.tokenEnd, mentionAt);
          if (match) {
            match = { ...match, pattern: p };
            deep = true;
            break;
          }
        }
      }
      if (!match) continue;
      // the source: the actor in the noun's own phrase ("Russia's invasion"), else "by X" after it
      let source = mentions.find((m) => m.actor && m.tokenStart <= i && i < m.tokenEnd && m.tokenStart < i);
      if (!source) {
        for (let k = Math.max(match.end, i + 1); k < Math.min(s.tokenEnd, match.end + 8); k++) {
          if (tokens[k].pos === 'VERB') break;
          if (tokens[k].norm === 'by') {
            const m = mentionAt(k + 1) ?? (tokens[k + 1]?.pos === 'DET' ? mentionAt(k + 2) : undefined);
            if (m && mentions[m.index].actor) source = mentions[m.index];
            break;
          }
        }
      }
      if (!source) {
        // "the deployment of Russian troops": the pattern's own words name the ones who act
        source = mentions.find((m) => m.actor?.country && !m.via && match!.words.some((k) => m.tokenStart <= k && k < m.tokenEnd));
      }
      if (!source && (match.pattern.code.startsWith('15') || match.pattern.code.startsWith('087')) && tokens[i + 1]?.norm === 'of') {
        // "the buildup of Russian troops near ...", "the withdrawal of Russian forces from ...": those whose
        // posture it is are the "of" after the noun
        const at = mentionAt(i + 2) ?? (tokens[i + 2]?.pos === 'DET' ? mentionAt(i + 3) : undefined);
        if (at && mentions[at.index].actor?.country && !mentions[at.index].via) source = mentions[at.index];
      }
      if (!source && own && own.head < i && LIGHT_VERBS.has(own.lemma) && !own.passive) {
        // "Russia launched a full-scale invasion of Ukraine": the one who launches, wages or carries out the act
        // does it
        source = own.subjects.map((k) => mentions[k]).find((m) => m.actor);
      }
      let target = match.target !== null ? mentions[match.target] : undefined;
      if (deep && source) {
        for (let k = match.end; k < s.tokenEnd && k < match.end + 12; k++) {
          if (tokens[k].pos === 'VERB' || tokens[k].norm === ',') break;
          if (!DEEP_PREPS.has(tokens[k].norm)) continue;
          const at = mentionAt(k + 1) ?? (tokens[k + 1]?.pos === 'DET' ? mentionAt(k + 2) : undefined);
          const m = at ? mentions[at.index] : undefined;
          if (m?.actor?.country && m.actor.country !== source.actor?.country) {
            target = m;
            break;
          }
        }
      }
      const verb = { start: t.start, end: t.end };
      const mutual = match.pattern.elements.some((e) => e.kind === 'word' && e.alts.includes('between'));
      if (mutual && target) {
        // "talks between X and Y": both ways; "a mediation effort between X and Y": from the mediator to both
        const other = mentions.find((m) => m.actor && m.tokenStart > target.tokenEnd && m.tokenStart <= target.tokenEnd + 2 && tokens[target.tokenEnd].norm === 'and');
        if (other && match.pattern.code.startsWith('045')) {
          if (source) emitNoun({ sentence: s.index }, match, [source], [target, other], verb);
          continue;
        }
        if (other) {
          emitNoun({ sentence: s.index }, match, [target], [other], verb);
          emitNoun({ sentence: s.index }, match, [other], [target], verb);
          continue;
        }
      }
      if (source) emitNoun({ sentence: s.index }, match, [source], target ? [target] : [], verb);
    }
  }
};

export const codeEvents = (options: CodeEventsOptions) =>
  defineStage({
    name: 'codeEvents',
    requires: ['tokens', 'mentions', 'actors', 'dates'],
    assigns: ['clauses', 'events'],
    run: (doc) => ({ ...doc, ...codeEventsIn(doc, options) }),
  });
