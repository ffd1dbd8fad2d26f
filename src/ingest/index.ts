export * from './article-meta.js';
export * from './read-inputs.js';
