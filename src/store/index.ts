export * from './schema.js';
export * from './open-store.js';
export * from './write-articles.js';
export * from './queries.js';
export * from './one-a-day.js';
export * from './clusters/minhash.js';
export * from './clusters/assign-cluster.js';
export * from './recode.js';
