/** The monthly red/black list (红黑榜): rules as data, explainable scores, list selection, texts, appeals, timing. */

// Month arithmetic is shared (domain/month.ts); ranking's importers keep finding its part here.
export {
  formatMonth,
  inMonth,
  isMonth,
  type Month,
  MonthError,
  monthBounds,
  monthLabel,
  monthOfDate,
  nextMonth,
  parseMonth,
  previousMonth,
} from '../month.js';
export * from './appeals.js';
export * from './breakdown.js';
export * from './compare.js';
export * from './format.js';
export * from './inputs.js';
export * from './inspection.js';
export * from './ranking.js';
export * from './rectification.js';
export * from './rules.js';
export * from './run.js';
export * from './schedule.js';
export * from './score.js';
export * from './select.js';
export * from './text.js';
export * from './usage-guard.js';
export * from './validate.js';
