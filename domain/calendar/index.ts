/**
 * China's working-day calendar: statutory holidays, 调休 make-up working days, county overrides, working hours.
 *
 * Everything exported here is pure and workflow-safe: it computes over a CalendarData passed in. Building that
 * data reads the chinese-days package, so build.ts is deliberately NOT re-exported: activities import
 * './build.js' directly, and a workflow that imports this index cannot pull the package into its bundle.
 */
export * from './calendar-data.js';
export * from './official-notice.js';
export * from './statutory.js';
export * from './time.js';
export * from './work-calendar.js';
export * from './working-hours.js';
