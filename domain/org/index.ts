export * from './chain.js';
export * from './import-rows.js';
export * from './snapshot.js';
