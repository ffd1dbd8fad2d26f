import type { NewsDoc } from '../doc/index.js';
import type { DocPart, Stage } from './define-stage.js';
import { PipelineError } from './errors.js';

export type Pipeline = {
  readonly stages: readonly Stage[];
  /** Runs every stage in order, until one marks the doc `skipped`; a stage that returns no doc throws E002. */
  readonly run: (doc: NewsDoc) => NewsDoc;
};

/**
 * Checks once, when it is built, that every stage's requirements are assigned by an earlier stage, and
 * returns a frozen pipeline.
 */
export const createPipeline = (stages: readonly Stage[]): Pipeline => {
  const have = new Set<DocPart>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!have.has(need)) {
        const by = stages.find((s) => s.assigns.includes(need));
        throw new PipelineError(
          'E001',
          `Stage "${stage.name}" requires "${need}"; ${by ? `add "${by.name}" before it` : 'no stage assigns it'}.`,
        );
      }
    }
    for (const part of stage.assigns) have.add(part);
  }
  const frozen = Object.freeze([...stages]);
  const run = (input: NewsDoc): NewsDoc => {
    let doc = input;
    for (const stage of frozen) {
      if (doc.skipped) break;
      const next = stage.run(doc);
      if (!next || typeof next.text !== 'string') {
        throw new PipelineError('E002', `Stage "${stage.name}" returned no doc; a stage must return the doc it was given or a new one.`);
      }
      if (next.text !== input.text) {
        throw new PipelineError('E003', `Stage "${stage.name}" changed the article text; spans must stay valid, so the text is fixed.`);
      }
      doc = next;
    }
    return doc;
  };
  return Object.freeze({ stages: frozen, run });
};
