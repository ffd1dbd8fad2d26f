export * from './define-stage.js';
export * from './create-pipeline.js';
export * from './errors.js';
