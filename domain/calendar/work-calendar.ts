import { type CalendarData, CalendarRangeError, type DayOrigin, type YearInfo } from './calendar-data.js';
import {
  addDays,
  atLocalTime,
  fromEpochDay,
  type Instant,
  type IsoDate,
  localDate,
  toEpochDay,
  weekdayOfEpochDay,
} from './time.js';

/**
 * Working days on China's calendar, over a CalendarData built outside the workflow. Pure: no clock, no package.
 *
 * Counting convention (as for periods in days under the Civil Code, art. 201): the day on which something
 * happens is not counted; counting starts on the next day. So "within 3 working days" of an item assigned on
 * Friday at 22:30 — or on a Saturday — ends at the close of office hours on the 3rd working day after that date.
 */

export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  /** '国庆节', '春节调休', a county reason, or '工作日' / '周六' / '周日' for plain days. */
  name: string;
  /** The day may still change when the year's official notice is loaded. */
  provisional: boolean;
  /** 'weekly' = nothing special, the Monday–Friday rule applies. */
  origin: DayOrigin | 'weekly';
  emergency: boolean;
}

function yearInfo(data: CalendarData, date: IsoDate): YearInfo {
  const info = data.years[date.slice(0, 4)];
  if (!info) {
    const covered = Object.keys(data.years).join(', ') || 'none';
    throw new CalendarRangeError(`Date ${date} is outside the working calendar (years covered: ${covered})`);
  }
  return info;
}

function isWorkdayOfEpochDay(data: CalendarData, day: number): boolean {
  const date = fromEpochDay(day);
  yearInfo(data, date);
  const override = data.days[date];
  if (override) return override.kind === 'work';
  const weekday = weekdayOfEpochDay(day);
  return weekday !== 0 && weekday !== 6;
}

export function isWorkday(data: CalendarData, date: IsoDate): boolean {
  return isWorkdayOfEpochDay(data, toEpochDay(date));
}

export function dayInfo(data: CalendarData, date: IsoDate): DayInfo {
  const year = yearInfo(data, date);
  const override = data.days[date];
  if (override) {
    const { kind, name, provisional, origin } = override;
    return { date, workday: kind === 'work', name, provisional, origin, emergency: override.emergency === true };
  }
  const weekday = weekdayOfEpochDay(toEpochDay(date));
  const name = weekday === 0 ? '周日' : weekday === 6 ? '周六' : '工作日';
  // In a provisional year any plain day may still become a holiday or a make-up working day.
  const provisional = year.source === 'provisional';
  return { date, workday: weekday !== 0 && weekday !== 6, name, provisional, origin: 'weekly', emergency: false };
}

/**
 * The |n|th working day after (n > 0) or before (n < 0) `date`, not counting `date` itself; `date` for n = 0.
 * Throws CalendarRangeError when the walk leaves the covered years.
 */
export function shiftWorkdays(data: CalendarData, date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  let day = toEpochDay(date);
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkdayOfEpochDay(data, day)) left--;
  }
  return fromEpochDay(day);
}

/** `date` when it is a working day, else the next working day ("by the 5th" → moved past a holiday). */
export function onOrNextWorkday(data: CalendarData, date: IsoDate): IsoDate {
  return isWorkday(data, date) ? date : shiftWorkdays(data, date, 1);
}

/** Opening time (workHours.start) of a date, whether or not it is a working day. */
export function startOfWorkday(data: CalendarData, date: IsoDate): Instant {
  return atLocalTime(date, data.workHours.start);
}

/** Closing time (workHours.end, 18:00 by default) of a date, whether or not it is a working day. */
export function endOfWorkday(data: CalendarData, date: IsoDate): Instant {
  return atLocalTime(date, data.workHours.end);
}

/**
 * The deadline "within n working days" of `instant`: the end of office hours (workHours.end, 18:00 by default) on
 * the nth working day after the instant's Shanghai date. The time of day and whether that date is itself a working
 * day do not matter: Friday 10:00, Friday 22:30 and Saturday all give Monday 18:00 for n = 1 (if Monday works).
 * n = 0 means "today": the end of the instant's date if it is a working day, else of the next working day.
 * n < 0 counts backwards (the end of the |n|th working day before the date), e.g. for "2 working days before due".
 */
export function addWorkdays(data: CalendarData, instant: Instant, n: number): Instant {
  const start = localDate(instant);
  const target = n === 0 ? onOrNextWorkday(data, start) : shiftWorkdays(data, start, n);
  return endOfWorkday(data, target);
}

/**
 * Signed count of working days from `a` to `b`, by Shanghai date: the working days d with date(a) < d ≤ date(b);
 * negative when b is earlier. Same-day instants give 0. With this convention workdaysBetween(t, addWorkdays(t, n))
 * is n for every n ≥ 1, and "剩余N个工作日" is workdaysBetween(now, due).
 */
export function workdaysBetween(data: CalendarData, a: Instant, b: Instant): number {
  const from = toEpochDay(localDate(a));
  const to = toEpochDay(localDate(b));
  if (to < from) return -workdaysBetween(data, b, a);
  let count = 0;
  for (let day = from + 1; day <= to; day++) {
    if (isWorkdayOfEpochDay(data, day)) count++;
  }
  return count;
}

/**
 * The nth working day of a month (n ≥ 1), or the |n|th from its end (n ≤ -1: -1 is the last working day).
 * Make-up Saturdays count: the 3rd working day of October 2025 is Saturday 11 October.
 */
export function nthWorkdayOfMonth(data: CalendarData, year: number, month: number, n: number): IsoDate {
  assertInteger(n, 'n');
  if (n === 0 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`nthWorkdayOfMonth needs month 1–12 and n ≠ 0 (got month ${month}, n ${n})`);
  }
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const nextFirst = month === 12 ? `${year + 1}-01-01` : `${first.slice(0, 5)}${String(month + 1).padStart(2, '0')}-01`;
  const result = n > 0 ? shiftWorkdays(data, addDays(first, -1), n) : shiftWorkdays(data, nextFirst, n);
  if (result.slice(0, 7) !== first.slice(0, 7)) {
    throw new RangeError(`${first.slice(0, 7)} has fewer than ${Math.abs(n)} working days`);
  }
  return result;
}

/** Years whose statutory days are still the 放假办法 fallback; the app should warn operators about them. */
export function provisionalYears(data: CalendarData): number[] {
  return Object.entries(data.years)
    .filter(([, info]) => info.source === 'provisional')
    .map(([year]) => Number(year))
    .sort((a, b) => a - b);
}

function assertInteger(n: number, label: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${label} must be an integer, got ${n}`);
}
