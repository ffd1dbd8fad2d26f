/**
 * A clause: one verb group with its arguments, as the coder sees it. Every clause finder (the part-of-speech
 * one here, a dependency parser later) fills this one shape, so the coder does not care which made it.
 */
export type Clause = {
  sentence: number;
  /** The verb group's tokens [tokenStart, tokenEnd) and its main verb. */
  tokenStart: number;
  tokenEnd: number;
  head: number;
  lemma: string;
  /** Tokens this clause's patterns may read: from the head to the end of its complements. */
  regionEnd: number;
  /** Indices into doc.mentions. Several for coordinated subjects ("the U.S. and Britain"). */
  subjects: number[];
  objects: { mention: number; prep: string | null }[];
  passive: boolean;
  /** The by-agent of a passive clause. */
  agent: number | null;
  negated: boolean;
  modal: string | null;
  conditional: boolean;
  question: boolean;
  /**
   * Background to the sentence's main report: a relative clause (", which had ..."), an adverbial participle
   * (", killing 20 people") or a clause after "after", "while", "because" and the like.
   */
  subordinate: boolean;
  /** A clause asked for by a noun before it: "its demand that Israel ease restrictions", "calls that he resign". */
  requested?: boolean;
  /** A participle after the last verb's object, sharing that verb's subject: ", accusing him of insurrection". */
  trailing?: boolean;
  /** Which kind of background clause, where the finder knows: an "after ...", "as ...", "while ..." clause with
   * its own subject reports an act that happened and is coded; relative clauses and participles are not. */
  background?: 'relative' | 'participle' | 'adverbial' | 'gerund';
  /** The verb group has an auxiliary of its own ("and has urged"), so a conjunction joins it to a finite verb. */
  auxiliary?: boolean;
  /** A guessing adverb in the verb group ("would probably end", "will likely meet"): a forecast, not an intent. */
  hedged?: boolean;
  /** An adjective that introduces this infinitive: "willing [to withdraw]", "unable [to attend]". */
  adjective?: string;
  /** The clause this one completes ("agreed [to meet]", "said [Y would ...]", "denied [striking]"). */
  governor: number | null;
  link: 'xcomp' | 'ccomp' | 'conj' | null;
};

export type ClauseFinder = {
  readonly name: string;
  find: (doc: import('../doc/index.js').NewsDoc) => Clause[];
};
