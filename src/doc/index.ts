export * from './types.js';
export * from './make-doc.js';
