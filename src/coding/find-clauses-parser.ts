/**
 * Clauses from dyad's own dependency parser (src/nlp/parser): each sentence's tokens, as the tokenizer made
 * them, are tagged and parsed, and the tree gives the verb groups, their subjects, objects, by-agents and the
 * links between clauses. It fills the same Clause shape as the part-of-speech finder, with the same meaning
 * for every field, so the coder does not care which made them.
 */
import type { Mention, NewsDoc, Token } from '../doc/index.js';
import { loadParser, type DependencyParser } from '../nlp/parser/index.js';
import type { Clause, ClauseFinder } from './clause.js';
import { findClausesPos, HEDGES } from './find-clauses-pos.js';

const MODALS = new Set(['will', "'ll", 'would', "'d", 'could', 'can', 'may', 'might', 'should', 'shall', 'must', 'wo', 'ca']);
const NEGATORS = new Set(['not', "n't", 'never']);
const CONDITIONAL = new Set(['if', 'unless', 'whether']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we']);
/** Verbs whose object does what the infinitive after it says: "urged Iran to release" (as in the POS finder). */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'tell', 'order', 'call', 'invite', 'allow', 'force', 'persuade', 'encourage', 'press', 'summon', 'request', 'instruct', 'authorize', 'authorise', 'help', 'permit', 'warn', 'advise', 'pressure', 'push', 'compel', 'appeal', 'want', 'expect', 'need', 'enable', 'lead', 'cause', 'get']);
/** Relations whose dependent is a clause of its own: a clause's own words stop there. */
const CLAUSAL = new Set(['ccomp', 'xcomp', 'advcl', 'acl', 'parataxis', 'csubj', 'list', 'reparandum', 'discourse', 'vocative', 'orphan']);
/** Relations of a verb word that is not a clause head: an auxiliary, a participle used as an adjective, part of a name. */
const NOT_A_CLAUSE = new Set(['aux', 'cop', 'amod', 'compound', 'flat', 'fixed', 'case', 'mark', 'det', 'cc', 'punct', 'goeswith']);
/** Relations of a nominal that is an object of its clause, or of a noun inside it. */
const NOMINAL_ARG = new Set(['obj', 'iobj', 'obl', 'nmod']);
/** Relations that lead from a word to the mention it belongs with ("President [Putin]", "[Russia]'s army", "its ally, [Belarus]"). */
const NAME_RELATIVES = ['flat', 'compound', 'appos', 'nmod:poss', 'amod'];

const base = (rel: string) => {
  const k = rel.indexOf(':');
  return k < 0 ? rel : rel.slice(0, k);
};

/** One sentence's tree, with local (0-based) word indices. */
type Tree = {
  words: Token[];
  tags: string[];
  head: number[];
  rel: string[];
  kids: number[][];
  /** The doc mention covering each word, or -1. */
  mention: Int32Array;
  /** Words a dictionary matched as part of a name or role: a phrase of several words, or one the tokenizer's tagger read as a noun. */
  inName: Uint8Array;
};

/** Finds a sentence's clauses from its dependency tree; `offset` is the sentence's first token in the doc. */
const clausesOfTree = (t: Tree, offset: number, sentence: number, question: boolean, mentions: Mention[]): Clause[] => {
  const { words, tags, head, rel, kids } = t;
  const n = words.length;
  const copOf = (i: number) => kids[i].find((c) => rel[c] === 'cop');

  // clause nodes: verbs (not auxiliaries, not participles used as adjectives) and predicates with a copula
  const isNode = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = base(rel[i]);
    if (NOT_A_CLAUSE.has(b)) continue;
    // a word of an actor mention the tokenizer's tagger read as a noun, or of a name of several words, is no
    // verb ("hackers", "Red Cross"); nor the second half of a compound adjective ("war-torn", "Iranian-backed")
    if (t.inName[i]) continue;
    if (i >= 2 && words[i - 1].norm === '-' && !words[i - 1].ws && !words[i - 2].ws) continue;
    if (tags[i] === 'VERB' || tags[i] === 'AUX' || copOf(i) !== undefined) isNode[i] = 1;
  }
  /** The nearest clause node above a word, or -1. */
  const nodeAbove = (i: number): number => {
    for (let h = head[i]; h >= 0; h = head[h]) if (isNode[h]) return h;
    return -1;
  };

  /** The doc mention for a word: the one covering it, else one covering a name relative of it. */
  const mentionFor = (i: number): number => {
    // ("Dozens of journalists": a covering mention with no actor gives way to one of its relatives with one)
    if (t.mention[i] >= 0 && mentions[t.mention[i]].actor) return t.mention[i];
    let best = t.mention[i];
    for (const c of kids[i]) {
      const ok = NAME_RELATIVES.includes(rel[c]) || (rel[c] === 'nmod' && kids[c].some((k) => rel[k] === 'case' && words[k].norm === 'of'));
      if (!ok || t.mention[c] < 0) continue;
      if (best < 0 || (!mentions[best].actor && mentions[t.mention[c]].actor)) best = t.mention[c];
    }
    return best;
  };
  /**
   * A word's mention and those of the words coordinated with it: "the U.S. and Britain", "the United States,
   * Japan and Australia" (often read as an apposition with conjuncts), "Israeli and Palestinian officials".
   */
  const withConjuncts = (i: number): number[] => {
    const out: number[] = [];
    const add = (w: number) => {
      const m = mentionFor(w);
      if (m >= 0 && !out.includes(m)) out.push(m);
    };
    const visit = (w: number, depthLeft: number) => {
      add(w);
      if (depthLeft <= 0) return;
      for (const c of kids[w]) {
        if (isNode[c]) continue;
        const listLike = (rel[c] === 'appos' || base(rel[c]) === 'amod' || base(rel[c]) === 'compound') && kids[c].some((k) => rel[k] === 'conj');
        if (rel[c] === 'conj' || listLike) visit(c, depthLeft - 1);
      }
    };
    visit(i, 4);
    return out.sort((a, b) => mentions[a].tokenStart - mentions[b].tokenStart);
  };

  type Draft = Clause & { node: number; ownSubject: boolean; pronounSubject: boolean };
  const drafts: Draft[] = [];
  const clauseAt = new Map<number, number>(); // node -> index in the sorted clauses
  const nodes: number[] = [];
  for (let i = 0; i < n; i++) if (isNode[i]) nodes.push(i);
  // a predicate's clause is reported at its copula ("is [willing]"), as the POS finder groups it
  const headTokenOf = (i: number) => copOf(i) ?? i;
  nodes.sort((a, b) => headTokenOf(a) - headTokenOf(b));
  nodes.forEach((node, k) => clauseAt.set(node, k));

  for (const node of nodes) {
    const h = headTokenOf(node);
    const r = rel[node];
    const b = base(r);
    // the verb group: auxiliaries, the copula and negation before the head, a particle right after it
    let start = h;
    for (const c of kids[node]) {
      const cb = base(rel[c]);
      if (c < start && c >= h - 6 && (cb === 'aux' || rel[c] === 'cop' || (cb === 'advmod' && NEGATORS.has(words[c].norm)))) start = c;
    }
    let end = h + 1;
    for (const c of kids[node]) if (rel[c] === 'compound:prt' && c === end) end = c + 1;
    const auxes = kids[node].filter((c) => base(rel[c]) === 'aux');
    const modal = auxes.map((c) => words[c].norm).find((w) => MODALS.has(w)) ?? null;
    const subjWord = kids[node].find((c) => base(rel[c]) === 'nsubj' || base(rel[c]) === 'csubj');
    const objWord = kids[node].find((c) => rel[c] === 'obj');
    const negated =
      kids[node].some((c) => (base(rel[c]) === 'advmod' || rel[c] === 'neg') && NEGATORS.has(words[c].norm)) ||
      auxes.some((a) => kids[a].some((c) => NEGATORS.has(words[c].norm))) ||
      // "no country has recognised ...", "made no attempt"
      [subjWord, objWord].some((w) => w !== undefined && kids[w].some((c) => rel[c] === 'det' && words[c].norm === 'no'));
    const marks = kids[node].filter((c) => rel[c] === 'mark').map((c) => words[c].norm);
    const conditional = marks.some((m) => CONDITIONAL.has(m));
    const participle = words[node].norm !== words[node].lemma && !words[node].norm.endsWith('ing') && tags[node] === 'VERB';
    let passive = kids[node].some((c) => rel[c] === 'aux:pass' || rel[c] === 'nsubj:pass' || rel[c] === 'csubj:pass');
    // "a lunch hosted by the ambassador": a past participle modifying a noun
    if (b === 'acl' && r !== 'acl:relcl' && participle && !marks.length) passive = true;

    // the clause's own words: the head's dependents, down to but not into other clauses and subjects
    let regionMax = end - 1;
    const own = new Set<number>();
    const stack = kids[node].filter((c) => !['nsubj', 'csubj', 'expl', 'punct', 'cc', 'mark', 'aux', 'cop'].includes(base(rel[c])) && !CLAUSAL.has(base(rel[c])) && !isNode[c]);
    while (stack.length) {
      const w = stack.pop()!;
      own.add(w);
      if (w > regionMax) regionMax = w;
      for (const c of kids[w]) if (!CLAUSAL.has(base(rel[c])) && !isNode[c] && rel[c] !== 'punct') stack.push(c);
    }

    // the by-agent of a passive clause
    let agentWord = -1;
    if (passive) {
      agentWord = kids[node].find((c) => rel[c] === 'obl:agent') ?? kids[node].find((c) => base(rel[c]) === 'obl' && kids[c].some((k) => rel[k] === 'case' && words[k].norm === 'by')) ?? -1;
    }
    const agent = agentWord >= 0 ? mentionFor(agentWord) : -1;

    // subjects: nsubj (and its conjuncts); a relative pronoun stands for the noun the clause describes
    let subjects: number[] = [];
    let pronounSubject = false;
    if (subjWord !== undefined) {
      if (r === 'acl:relcl' && RELATIVE.has(words[subjWord].norm) && head[node] >= 0) subjects = withConjuncts(head[node]);
      else subjects = withConjuncts(subjWord);
      pronounSubject = !subjects.length && tags[subjWord] === 'PRON' && SUBJECT_PRONOUNS.has(words[subjWord].norm);
    } else if (b === 'acl' && r !== 'acl:relcl' && head[node] >= 0 && !marks.length) {
      // "Russian aircraft including helicopter gunships", "a lunch hosted by the ambassador": the noun described
      subjects = withConjuncts(head[node]);
    }

    // objects: the mentions among the clause's own words after the verb group, with the preposition that
    // introduces them ("to Sri Lanka"); a word inside a noun phrase takes its phrase's preposition
    const objects: Clause['objects'] = [];
    const prepOf = (w: number): string | null => {
      let x = w;
      for (let guard = 0; guard < n && x >= 0 && x !== node; guard++) {
        const xr = rel[x];
        const xb = base(xr);
        if (xr === 'conj' || xr === 'nmod:poss' || xb === 'amod' || xb === 'compound' || xb === 'flat' || xb === 'appos' || xb === 'det' || xb === 'nummod') {
          x = head[x];
          continue;
        }
        const c = kids[x].find((k) => rel[k] === 'case' && words[k].norm !== "'s" && words[k].norm !== "'");
        if (c === undefined && kids[x].some((k) => rel[k] === 'case') && head[x] >= 0) {
          // "China's [Belt and Road Initiative]": a possessor read as nmod
          x = head[x];
          continue;
        }
        if (NOMINAL_ARG.has(xb) && xr !== 'obl:tmod' && xr !== 'obl:npmod') {
          return c === undefined ? null : words[c].norm;
        }
        return null;
      }
      return null;
    };
    const seen = new Set<number>();
    for (const w of [...own].sort((x, y) => x - y)) {
      const m = t.mention[w];
      if (m < 0 || seen.has(m) || m === agent || subjects.includes(m)) continue;
      seen.add(m);
      if (mentions[m].tokenStart < offset + end) continue;
      // the word of the mention highest in the tree gives its preposition
      let top = w;
      for (let x = mentions[m].tokenStart - offset; x < mentions[m].tokenEnd - offset; x++) if (own.has(x) && depth(head, x) < depth(head, top)) top = x;
      objects.push({ mention: m, prep: prepOf(top) });
    }

    // "[by] Iranian President Masoud Pezeshkian" hung on the wrong word: still the by-agent
    let agentIndex = agent;
    if (passive && agentIndex < 0) {
      const by = objects.findIndex((o) => o.prep === 'by');
      if (by >= 0) agentIndex = objects.splice(by, 1)[0].mention;
    }
    drafts.push({
      sentence,
      tokenStart: offset + start,
      tokenEnd: offset + end,
      head: offset + h,
      lemma: words[h].lemma,
      regionEnd: offset + Math.max(end, regionMax + 1),
      subjects,
      objects,
      passive,
      agent: agentIndex >= 0 ? agentIndex : null,
      negated,
      modal,
      ...(kids[node].some((c) => base(rel[c]) === 'advmod' && HEDGES.has(words[c].norm)) ? { hedged: true } : {}),
      ...(auxes.length ? { auxiliary: true } : {}),
      conditional,
      question,
      subordinate: false,
      governor: null,
      link: null,
      node,
      ownSubject: subjWord !== undefined,
      pronounSubject,
    });
  }

  // links between clauses, and what that says of subjects and background
  for (const d of drafts) {
    const node = d.node;
    const r = rel[node];
    const b = base(r);
    const up = nodeAbove(node);
    const gov = up >= 0 ? clauseAt.get(up)! : null;
    const marks = kids[node].filter((c) => rel[c] === 'mark').map((c) => words[c].norm);
    if (b === 'xcomp' || (b === 'advcl' && marks.includes('to') && !d.ownSubject)) {
      // "agreed [to meet]", "visited Senegal [to mediate]": a complement of the verb above
      if (gov !== null) {
        d.governor = gov;
        d.link = 'xcomp';
        if (tags[head[node]] === 'ADJ' && marks.includes('to')) d.adjective = words[head[node]].norm;
      }
    } else if (b === 'ccomp') {
      if (gov !== null) {
        d.governor = gov;
        d.link = 'ccomp';
      }
      if (marks.some((m) => m !== 'that' && !CONDITIONAL.has(m))) d.subordinate = true;
    } else if (r === 'conj' && isNode[head[node]]) {
      // "rejected the plan and said ...": a second verb with no subject of its own shares the first one's
      if (!d.ownSubject) {
        d.governor = clauseAt.get(head[node])!;
        d.link = 'conj';
      }
    } else if (b === 'acl') {
      d.subordinate = true;
    } else if (b === 'advcl') {
      // "after talks ended", "while ...", ", killing 20 people": background; "if ..." is a condition
      if (!d.conditional && (marks.length || words[node].norm.endsWith('ing'))) d.subordinate = true;
    } else if (['obj', 'obl', 'nmod', 'nsubj', 'iobj', 'appos'].includes(b)) {
      // a gerund in a noun's place: "accused Russia of attacking civilians"
      d.subordinate = true;
    }
  }
  // an advcl without a mark ("Russian troops, who crossed the border, attacked ...", misread) and
  // participles take the subject of the clause above; complements by control
  const done = new Uint8Array(drafts.length);
  const resolve = (k: number, depthLeft = 20): number[] => {
    const d = drafts[k];
    if (done[k] || depthLeft <= 0) return d.subjects;
    done[k] = 1;
    const node = d.node;
    const up = nodeAbove(node);
    const govSubjects = () => (d.governor !== null ? resolve(d.governor, depthLeft - 1) : up >= 0 ? resolve(clauseAt.get(up)!, depthLeft - 1) : []);
    if (d.link === 'xcomp') {
      const g = drafts[d.governor!];
      const obj = OBJECT_CONTROL.has(g.lemma) ? kids[g.node].find((c) => rel[c] === 'obj' || rel[c] === 'iobj') : undefined;
      const objMentions = obj !== undefined ? withConjuncts(obj) : [];
      d.subjects = objMentions.length ? objMentions : [...govSubjects()];
    } else if (d.link === 'conj') {
      const g = drafts[d.governor!];
      d.subjects = [...govSubjects()];
      // "was arrested and charged": the passive carries over
      if (g.passive && !kids[node].some((c) => base(rel[c]) === 'aux') && tags[node] === 'VERB' && words[node].norm !== words[node].lemma && !words[node].norm.endsWith('ing')) {
        d.passive = true;
        if (d.agent === null) d.agent = g.agent;
      }
    } else if (d.link === 'ccomp' && d.pronounSubject) {
      // "the rebels said they would release ...": a pronoun subject of a reported clause is the speaker
      d.subjects = [...govSubjects()];
    } else if (!d.ownSubject && !d.subjects.length && base(rel[node]) === 'advcl' && !d.conditional) {
      d.subjects = [...govSubjects()];
    }
    return d.subjects;
  };
  drafts.forEach((_d, k) => resolve(k));
  // "President Donald Trump and North Korean leader Kim Jong Un met", "Cuba and the United States restored":
  // mentions next to the subject, joined only by "and" or commas, before the verb, are subjects too
  const sentenceMentions = [...new Set(t.mention)].filter((m) => m >= 0).sort((a, b) => mentions[a].tokenStart - mentions[b].tokenStart);
  const JOINERS = new Set(['and', ',', 'or', 'both', 'the']);
  const joined = (a: number, b: number) => {
    const from = mentions[a].tokenEnd - offset;
    const to = mentions[b].tokenStart - offset;
    if (to <= from) return false;
    for (let k = from; k < to; k++) if (!JOINERS.has(words[k].norm)) return false;
    return true;
  };
  for (const d of drafts) {
    if (!d.ownSubject || !d.subjects.length) continue;
    const subjects = [...d.subjects].sort((a, b) => mentions[a].tokenStart - mentions[b].tokenStart);
    let i = sentenceMentions.indexOf(subjects[0]);
    while (i > 0 && joined(sentenceMentions[i - 1], sentenceMentions[i]) && !subjects.includes(sentenceMentions[i - 1])) subjects.unshift(sentenceMentions[--i]);
    let j = sentenceMentions.indexOf(subjects[subjects.length - 1]);
    while (j >= 0 && j + 1 < sentenceMentions.length && mentions[sentenceMentions[j + 1]].tokenEnd <= d.tokenStart && joined(sentenceMentions[j], sentenceMentions[j + 1]) && !subjects.includes(sentenceMentions[j + 1])) subjects.push(sentenceMentions[++j]);
    // (a list has an "and" or "or" somewhere: "The IMF, the world's lender of last resort," is an apposition)
    const gaps = subjects.slice(1).map((m, k) => words.slice(mentions[subjects[k]].tokenEnd - offset, mentions[m].tokenStart - offset).map((w) => w.norm));
    if (subjects.length > d.subjects.length && gaps.some((g) => g.includes('and') || g.includes('or'))) d.subjects = subjects;
  }
  // clauses that took their subjects before the coordination was widened take them again
  for (const d of drafts) if (!d.ownSubject && d.governor !== null && (d.link === 'xcomp' || d.link === 'conj') && d.subjects.length && drafts[d.governor].subjects.length > d.subjects.length && d.subjects.every((m) => drafts[d.governor!].subjects.includes(m))) d.subjects = [...drafts[d.governor].subjects];

  // a verb's patterns may read into its complements ("refused to meet X", "threatened to impose sanctions")
  for (let k = drafts.length - 1; k >= 0; k--) {
    const c = drafts[k];
    if (c.link === 'xcomp' && c.governor !== null) drafts[c.governor].regionEnd = Math.max(drafts[c.governor].regionEnd, c.regionEnd);
  }
  return drafts.map(({ node: _n, ownSubject: _o, pronounSubject: _p, ...c }) => c);
};

/**
 * Whether a sentence's tree looks misread: several roots, a root that is no clause ("William [Burns] ...
 * shared" with the verb read as an adjective), or no clause that is not background.
 */
const treeLooksWrong = (head: number[], clauses: Clause[], rootIsClause: boolean): boolean => {
  let roots = 0;
  for (const h of head) if (h < 0) roots++;
  return roots !== 1 || !rootIsClause || !clauses.some((c) => !c.subordinate);
};

/**
 * Where the tree failed, the part-of-speech finder's reading: a verb the parser made no clause of (read as
 * an adjective, or its sentence split in two) comes in as the POS finder found it, and a clause with no
 * subject, or no object, takes the POS clause's at the same verb, where those mentions play no other part.
 */
const withFallback = (fromTree: Clause[], fromPos: Clause[], distrusted: Set<number>): Clause[] => {
  // governors by head from here on (indices shift as clauses are dropped and added): -1 for none
  type Draft = Omit<Clause, 'governor'> & { governorHead: number };
  const byHead = (c: Clause, list: Clause[]): Draft => {
    const { governor, ...rest } = c;
    return { ...rest, governorHead: governor === null ? -1 : list[governor].head };
  };
  // a sentence whose tree looks misread is read by the POS finder alone
  const kept = fromTree.filter((c) => !distrusted.has(c.sentence)).map((c) => byHead(c, fromTree));
  const treeHeads = new Set(kept.map((c) => c.head));
  const posByHead = new Map(fromPos.map((c) => [c.head, c]));
  for (const c of kept) {
    const other = posByHead.get(c.head);
    if (!other) continue;
    const used = (m: number) => m === c.agent || c.subjects.includes(m) || c.objects.some((o) => o.mention === m);
    if (!c.subjects.length && other.subjects.length && !other.subjects.some(used)) c.subjects = [...other.subjects];
    if (!c.objects.length && other.objects.length) c.objects = other.objects.filter((o) => !used(o.mention));
  }
  const all = [...kept, ...fromPos.filter((c) => !treeHeads.has(c.head)).map((c) => byHead(c, fromPos))].sort((a, b) => a.head - b.head);
  // in text order, as the POS finder gives them; a governor only where it stands before the clause's own
  // place in the chain (no cycles), else no link
  const indexByHead = new Map(all.map((c, i) => [c.head, i]));
  return all.map(({ governorHead, ...c }, i) => {
    const g = governorHead < 0 ? undefined : indexByHead.get(governorHead);
    if (g === undefined || g === i) return { ...c, governor: null, link: null };
    return { ...c, governor: g };
  });
};

const depth = (head: number[], i: number): number => {
  let d = 0;
  for (let h = head[i]; h >= 0 && d < head.length; h = head[h]) d++;
  return d;
};

/**
 * A clause finder over a dependency parser: `parser` is the parser, or a function that loads it; by
 * default dyad's shipped model, loaded once, on the first document. With `fallback` (the default), a clause
 * the tree gives no subject (a misparse: a second root, a subject hung on the wrong word) takes the subject
 * the part-of-speech finder gives the same verb, if that mention plays no other part in the clause. `tags`
 * chooses the parser's input tags: the tokens' own (wink-nlp's UPOS, the default) or dyad's tagger's.
 */
export const createParserClauseFinder = (
  parser: DependencyParser | (() => DependencyParser) = loadParser,
  { fallback = true, tags = 'wink' }: { fallback?: boolean; tags?: 'wink' | 'dyad' } = {},
): ClauseFinder => {
  let loaded: DependencyParser | null = typeof parser === 'function' ? null : parser;
  const get = () => (loaded ??= (parser as () => DependencyParser)());
  return {
    name: 'parser-clauses.v1',
    find: (doc: NewsDoc): Clause[] => {
      const tokens = doc.tokens!;
      const mentions = doc.mentions ?? [];
      const clauses: Clause[] = [];
      const bySentence = new Map<number, number[]>();
      const distrusted = new Set<number>();
      mentions.forEach((m, k) => {
        const list = bySentence.get(m.sentence);
        if (list) list.push(k);
        else bySentence.set(m.sentence, [k]);
      });
      for (const s of doc.sentences!) {
        if (s.isDateline || s.tokenEnd <= s.tokenStart) continue;
        // a sentence that names no actor gives no event whatever its tree: the POS reading will do (with the
        // fallback), and parsing, the pipeline's one hot spot, is saved
        if (fallback && !bySentence.has(s.index)) {
          distrusted.add(s.index);
          continue;
        }
        const words = tokens.slice(s.tokenStart, s.tokenEnd);
        const forms = words.map((w) => doc.text.slice(w.start, w.end));
        const p = get();
        // the tokens' own UPOS tags (wink-nlp's) by default: on news the parser reads them as well as it reads
        // its own tagger's (dev gold dyad+type F1 0.623 against 0.594) and a third faster; `tags: 'dyad'` retags
        const upos = tags === 'wink' ? words.map((w) => w.pos) : p.tag(forms);
        const parsed = p.parse(forms, upos);
        const n = words.length;
        const head = parsed.head.map((h) => h - 1);
        const kids: number[][] = Array.from({ length: n }, () => []);
        head.forEach((h, i) => {
          if (h >= 0) kids[h].push(i);
        });
        const mention = new Int32Array(n).fill(-1);
        const inName = new Uint8Array(n);
        for (const k of bySentence.get(s.index) ?? []) {
          const m = mentions[k];
          for (let i = Math.max(m.tokenStart, s.tokenStart); i < Math.min(m.tokenEnd, s.tokenEnd); i++) if (mention[i - s.tokenStart] < 0) mention[i - s.tokenStart] = k;
          for (const piece of m.pieces) {
            for (let i = Math.max(piece.tokenStart, s.tokenStart); i < Math.min(piece.tokenEnd, s.tokenEnd); i++) {
              const pos = tokens[i].pos;
              if (piece.tokenEnd - piece.tokenStart > 1 || pos === 'NOUN' || pos === 'PROPN') inName[i - s.tokenStart] = 1;
            }
          }
        }
        const question = doc.text.slice(s.start, s.end).trimEnd().endsWith('?');
        const offsetClauses = clausesOfTree({ words, tags: upos, head, rel: parsed.deprel, kids, mention, inName }, s.tokenStart, s.index, question, mentions);
        const root = head.indexOf(-1);
        if (treeLooksWrong(head, offsetClauses, root >= 0 && offsetClauses.some((c) => c.head === s.tokenStart + root || (head[c.head - s.tokenStart] === root && parsed.deprel[c.head - s.tokenStart] === 'cop')))) distrusted.add(s.index);
        // governors are indices within the sentence: make them indices into the doc's clause list
        const first = clauses.length;
        for (const c of offsetClauses) clauses.push(c.governor === null ? c : { ...c, governor: c.governor + first });
      }
      return fallback ? withFallback(clauses, findClausesPos(doc), distrusted) : clauses;
    },
  };
};

/** The parser-backed finder with dyad's shipped model (loaded on first use). */
export const parserClauseFinder: ClauseFinder = createParserClauseFinder();
