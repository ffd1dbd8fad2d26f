/**
 * The one document type that flows through every stage. `text` never changes once the doc is made; every
 * other part is a character span into it, so `text.slice(start, end)` quotes the evidence.
 */
export type Span = { start: number; end: number };

export type Token = Span & {
  /** Whitespace after the token, so that tokens joined with their `ws` give back the text. */
  ws: string;
  pos: string;
  lemma: string;
  /** Lower-cased surface form, used for dictionary look-ups. */
  norm: string;
  sentence: number;
};

/** A sentence and its tokens [tokenStart, tokenEnd); the dateline, if any, is a sentence of its own. */
export type Sentence = Span & { index: number; tokenStart: number; tokenEnd: number; isDateline?: true };

export type ArticleMeta = {
  id: string;
  /** ISO date (YYYY-MM-DD) the article is read at. */
  date: string;
  dateSource: 'input' | 'option' | 'dateline' | 'today';
  url?: string;
  title?: string;
  source?: string;
  /** Where the article came from: file name and, for JSON Lines, its line. */
  origin?: { file: string; line?: number };
};

export type Dateline = Span & { place: string; agency?: string; date?: string; body: number };

export type DateMention = Span & { sentence: number; date: string; grain: 'day' | 'month' | 'year' };

/** Who an actor is: a CAMEO-style code (country + sectors) and the entry that said so. */
export type Actor = {
  code: string;
  country: string;
  sector: string;
  name?: string;
  /** Id of the dictionary entry or rule that resolved it, e.g. "country:RUS" or "role:troops". */
  entry: string;
  dictionary: string;
};

export type Mention = Span & {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** Dictionary matches inside the mention, in text order; resolution combines them into an actor. */
  pieces: MentionPiece[];
  actor?: Actor;
  /** Span of the word(s) that carried the identity (the head of the mention). */
  head?: Span;
  /** A proper name inside the mention that no dictionary knows ("Ilze Ozola" in "Foreign Minister Ilze Ozola"). */
  name?: Span;
  /** How the actor was found when not from the mention's own words: "apposition", "coreference", "pronoun". */
  via?: string;
};

/** A dictionary phrase inside a mention; `surname` marks a bare surname that may name a registry person. */
export type MentionPiece = Span & { tokenStart: number; tokenEnd: number; entries: import('../actors/types.js').ActorEntry[]; surname?: true };

/** Whether the act happened: asserted; stated as an intent; refused by its actor (coded as REJECT); or not at all. */
export type Modality = 'asserted' | 'intent' | 'refused' | 'negated' | 'hypothetical' | 'question' | 'denied';

export type EventActor = Actor & { text: string; span: Span };

export type EventPlace = {
  /** The words of the text that name it (absent for a place taken from the dateline's name only). */
  text: string;
  span?: Span;
  name: string;
  country: string;
  region?: string;
  lat?: number;
  lon?: number;
  kind?: 'city' | 'region' | 'country';
  from: 'clause' | 'dateline';
};

export type CodedEvent = {
  docId: string;
  sentence: number;
  source: EventActor | null;
  target: EventActor | null;
  cameo: { code: string; root: string; name: string };
  plover: { type: string; mode: string | null; context: string | null } | null;
  goldstein: number | null;
  quadClass: number;
  modality: Modality;
  date: string;
  /** Where the event happened: a place its clause names, else the dateline's. */
  place?: EventPlace;
  verb: Span;
  evidence: Span;
  ruleId: string;
  dictionary: string;
};

export type Message = {
  reason: string;
  ruleId: string;
  source: string;
  fatal: boolean;
  place?: Span;
};

export type NewsDoc = {
  readonly text: string;
  readonly meta: ArticleMeta;
  language?: string;
  /** Set when a stage decides the doc is not to be coded (not English, empty); later stages do not run. */
  skipped?: string;
  dateline?: Dateline | null;
  sentences?: Sentence[];
  tokens?: Token[];
  dates?: DateMention[];
  mentions?: Mention[];
  clauses?: import('../coding/clause.js').Clause[];
  events?: CodedEvent[];
  messages: Message[];
};
