export * from './policy.js';
export * from './schedule.js';
export * from './validate-policy.js';
