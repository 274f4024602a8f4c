/** 交叉检查 cross-check rounds: assignment, checklists, findings, 整改 items and the round report. Pure. */
export * from './actions.js';
export * from './assign.js';
export * from './checklist.js';
export * from './finding.js';
export * from './rectification.js';
export * from './report.js';
export * from './round.js';
export * from './types.js';
