import {
  type CalendarData,
  CalendarRangeError,
  localDate,
  shiftWorkdays,
  startOfWorkday,
  workdaysBetween,
} from '../calendar/index.js';
import { DEFAULT_LOAN_RULES, type LoanRules } from './rules.js';
import type { LoanState } from './types.js';

export type LoanStep =
  | { type: 'remind'; key: string; workdaysBefore: number; workdaysLeft: number }
  | { type: 'overdue' };

export interface LoanPlan {
  due: LoanStep[];
  /** When to look again if nothing happens to the loan meanwhile. */
  nextAt?: string;
  /** The calendar does not reach the due date yet: reload it at `nextAt` (long loans run for years). */
  needsCalendar?: boolean;
}

/** Opening of the working day `n` working days before the due date. */
export function reminderTime(cal: CalendarData, dueOn: string, n: number): string {
  return startOfWorkday(cal, shiftWorkdays(cal, dueOn, -n));
}

/** An unpaid loan is overdue from the opening of the first working day after its due date. */
export function overdueTime(cal: CalendarData, dueOn: string): string {
  return startOfWorkday(cal, shiftWorkdays(cal, dueOn, 1));
}

/**
 * What the loan needs now, and when to wake next. Pure; the workflow calls it after every change and timer.
 * Only the latest reminder whose time has come is sent (a loan imported three days before its due date gets the
 * 3-day reminder, not also the 10-day one); reminders stop once the due date has passed; an unpaid loan past
 * its due date gets its overdue item once.
 */
export function planLoan(
  state: LoanState,
  cal: CalendarData,
  now: string,
  rules: LoanRules = DEFAULT_LOAN_RULES,
): LoanPlan {
  if (state.status === 'repaid') return { due: [] };
  if (!covers(cal, state.dueOn, rules)) {
    // The calendar an activity built around `now` covers last year to two years ahead.
    return { due: [], nextAt: `${Number(state.dueOn.slice(0, 4)) - 1}-01-02T09:00:00+08:00`, needsCalendar: true };
  }
  const due: LoanStep[] = [];
  let nextAt: string | undefined;
  const later = (at: string) => {
    if (!nextAt || Date.parse(at) < Date.parse(nextAt)) nextAt = at;
  };
  const t = Date.parse(now);
  if (state.status === 'active' && localDate(now) <= state.dueOn) {
    const offsets = [...new Set(rules.remindWorkdaysBefore)].sort((a, b) => b - a);
    const passed = offsets.filter((n) => Date.parse(reminderTime(cal, state.dueOn, n)) <= t);
    const latest = passed.at(-1);
    const key = latest === undefined ? undefined : reminderKey(state.dueOn, latest);
    if (latest !== undefined && key && !state.reminded.includes(key)) {
      const workdaysLeft = workdaysBetween(cal, now, startOfWorkday(cal, state.dueOn));
      due.push({ type: 'remind', key, workdaysBefore: latest, workdaysLeft });
    }
    for (const n of offsets) {
      const at = reminderTime(cal, state.dueOn, n);
      if (Date.parse(at) > t) later(at);
    }
  }
  if (!state.overdueItemId && !state.overdueProblem) {
    const at = overdueTime(cal, state.dueOn);
    if (Date.parse(at) <= t) due.push({ type: 'overdue' });
    else later(at);
  }
  return { due, ...(nextAt ? { nextAt } : {}) };
}

export function reminderKey(dueOn: string, n: number): string {
  return `remind:${dueOn}:${n}`;
}

/** Whether every time the loan needs (earliest reminder, overdue day) lies inside the calendar's years. */
function covers(cal: CalendarData, dueOn: string, rules: LoanRules): boolean {
  try {
    reminderTime(cal, dueOn, Math.max(0, ...rules.remindWorkdaysBefore));
    overdueTime(cal, dueOn);
    return true;
  } catch (err) {
    if (err instanceof CalendarRangeError) return false;
    throw err;
  }
}
