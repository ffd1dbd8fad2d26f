export * from './types.js';
export * from './phrase-trie.js';
export * from './read-yaml.js';
export * from './load-actor-dictionary.js';
export * from './find-mentions.js';
export * from './resolve-actors.js';
export * from './resolve-phrase.js';
