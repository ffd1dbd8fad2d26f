export * from './normalize-word.js';
export * from './read-dateline.js';
export * from './detect-language.js';
export * from './tokenize.js';
export * from './find-dates.js';
