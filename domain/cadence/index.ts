export * from './definitions.js';
export * from './pause.js';
export * from './period.js';
export * from './spec.js';
export * from './units.js';
