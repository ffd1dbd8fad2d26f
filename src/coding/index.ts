export * from './clause.js';
export * from './find-clauses-pos.js';
export * from './verb-dictionary.js';
export * from './match-pattern.js';
export * from './modality.js';
export * from './code-events.js';
export * from './find-clauses-parser.js';
export * from './clause-finders.js';
