/**
 * Public API of dyad's own dependency parser: a UPOS tagger and a greedy arc-hybrid parser trained on
 * UD English EWT (see models/README.md), loaded from one binary model file.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../paths.js';
import { loadModel } from './model-io.js';

/** Where the shipped model lives. */
export const DEFAULT_PARSER_MODEL = join(PACKAGE_ROOT, 'models', 'parser-ewt.bin');

/** A loaded tagger and parser. */
export interface DependencyParser {
  /** UPOS tags for a tokenised sentence. */
  tag(words: string[]): string[];
  /** Heads (1-based, 0 = root) and UD relations for a tagged sentence. */
  parse(words: string[], tags: string[]): { head: number[]; deprel: string[] };
}

/** Loads the tagger and parser from `path` (by default the shipped models/parser-ewt.bin). */
export const loadParser = (path: string = DEFAULT_PARSER_MODEL): DependencyParser => {
  const { tagger, parser } = loadModel(path);
  return {
    tag: (words) => tagger.tag(words),
    parse: (words, tags) => parser.parse(words, tags),
  };
};

export { readConllu, writeConllu, toConlluSentence, type ConlluSentence, type ConlluWord } from './conllu.js';
export { UPOS_TAGS } from './tagger.js';
