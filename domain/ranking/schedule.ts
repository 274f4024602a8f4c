import { type CalendarData, CalendarRangeError, localDate, nthWorkdayOfMonth } from '../calendar/index.js';
import { formatMonth, type Month, monthOfDate, parseMonth, previousMonth } from '../month.js';

/** When the monthly run happens: the nth working day of a month (make-up Saturdays count) at HH:MM, Shanghai. */
export interface RunDay {
  workdayOfMonth: number;
  time: string;
}

export interface PlannedRun {
  /** 'YYYY-MM-DD' of the run. */
  date: string;
  /** The instant, +08:00. */
  at: string;
  /** The month the run ranks: the one before the run's month. */
  month: Month;
}

export function runOf(calendar: CalendarData, month: Month, day: RunDay): PlannedRun {
  const { year, month: m } = parseMonth(month);
  const date = nthWorkdayOfMonth(calendar, year, m, day.workdayOfMonth);
  return { date, at: `${date}T${day.time}:00+08:00`, month: previousMonth(month) };
}

/**
 * The next `count` runs strictly after `after`, as far as the calendar reaches: months past its last covered year
 * are not guessed (their holidays are unknown), so the list may be shorter and is refreshed at each start-up.
 */
export function upcomingRuns(calendar: CalendarData, after: string, day: RunDay, count: number): PlannedRun[] {
  const runs: PlannedRun[] = [];
  let { year, month } = parseMonth(monthOfDate(localDate(after)));
  while (runs.length < count) {
    let run: PlannedRun;
    try {
      run = runOf(calendar, formatMonth(year, month), day);
    } catch (err) {
      if (err instanceof CalendarRangeError) break;
      throw err;
    }
    if (Date.parse(run.at) > Date.parse(after)) runs.push(run);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return runs;
}

/** The month a run started at `instant` ranks (the previous month, Shanghai time). */
export function monthRankedAt(instant: string): Month {
  return previousMonth(monthOfDate(localDate(instant)));
}
