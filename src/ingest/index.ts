export * from './article-meta.js';
export * from './read-inputs.js';
export * from './fetch-url.js';
export * from './sniff-kind.js';
export * from './walk-folder.js';
export * from './progress.js';
export * from './count-articles.js';
// read-html, read-feed and html-text (a DOM and an XML parser) and ingest-corpus (the store) are imported by
// path, so that commands which read plain text and JSON Lines don't load them.
