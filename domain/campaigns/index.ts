export * from './rollup.js';
export * from './spec.js';
export * from './target.js';
export * from './types.js';
