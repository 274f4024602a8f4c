// 'YYYY-MM' checks and month ends are shared (domain/month.ts); loans' importers keep finding them here.
export { isMonth, lastDayOfMonth } from '../month.js';
export * from './commands.js';
export * from './decide.js';
export * from './events.js';
export * from './evolve.js';
export * from './figures.js';
export * from './import-row.js';
export * from './money.js';
export * from './overdue-item.js';
export * from './rules.js';
export * from './schedule.js';
export * from './sheet.js';
export * from './target.js';
export * from './types.js';
