import { type CalendarData, localDate, nthWorkdayOfMonth, shiftWorkdays, startOfWorkday } from '../calendar/index.js';
import { addMonths, monthOfDate } from '../month.js';
import { DEFAULT_PROJECT_RULES, type ProjectRules } from './rules.js';
import type { ProjectState } from './types.js';

export type ProjectStep = { type: 'request'; period: string } | { type: 'remind'; period: string };

export interface ProjectPlan {
  due: ProjectStep[];
  nextAt?: string;
}

/** The report for `period` is asked for at the opening of the first working day of the month after it. */
export function requestTime(cal: CalendarData, period: string): string {
  const month = addMonths(period, 1);
  return startOfWorkday(cal, nthWorkdayOfMonth(cal, Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1));
}

/** An unanswered report is chased at the opening of the `remindWorkdays`th working day after it was asked for. */
export function reminderTime(cal: CalendarData, period: string, rules: ProjectRules = DEFAULT_PROJECT_RULES): string {
  return startOfWorkday(cal, shiftWorkdays(cal, localDate(requestTime(cal, period)), rules.remindWorkdays));
}

/**
 * What the project needs now, and when to wake next. Pure. Reports are asked for from the month the project was
 * imported in onwards, one period at a time (after an outage only the latest is asked for); a report that has
 * not come in is chased once.
 */
export function planProject(
  state: ProjectState,
  cal: CalendarData,
  now: string,
  rules: ProjectRules = DEFAULT_PROJECT_RULES,
): ProjectPlan {
  if (state.status === 'completed') return { due: [] };
  const t = Date.parse(now);
  const first = monthOfDate(localDate(state.since));
  const thisMonth = monthOfDate(localDate(now));
  // The latest period whose request time has come.
  let period = addMonths(thisMonth, -1);
  if (Date.parse(requestTime(cal, period)) > t) period = addMonths(period, -1);
  const last = state.requested.at(-1);
  const due: ProjectStep[] = [];
  if (period >= first && (!last || period > last)) due.push({ type: 'request', period });
  let nextAt = requestTime(cal, addMonths(period, 1));
  const open = due.length ? undefined : last;
  if (open && !state.reminded.includes(open) && !state.reports.some((r) => r.period === open)) {
    const at = reminderTime(cal, open, rules);
    if (Date.parse(at) <= t) due.push({ type: 'remind', period: open });
    else if (Date.parse(at) < Date.parse(nextAt)) nextAt = at;
  }
  return { due, nextAt };
}
