import type { NewsDoc } from '../doc/index.js';

/** The parts of a doc that a stage can need or add. */
export type DocPart = 'dateline' | 'language' | 'sentences' | 'tokens' | 'dates' | 'mentions' | 'actors' | 'clauses' | 'events';

export type Stage = {
  readonly name: string;
  readonly requires: readonly DocPart[];
  readonly assigns: readonly DocPart[];
  readonly run: (doc: NewsDoc) => NewsDoc;
};

/** A named step `(doc) => doc` that declares what it needs from earlier stages and what it adds. */
export const defineStage = (stage: Stage): Stage => Object.freeze({ ...stage });
