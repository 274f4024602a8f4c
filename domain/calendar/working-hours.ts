import { type CalendarData, workWindows } from './calendar-data.js';
import { fromMillis, type Instant, localDateOfMillis, MINUTE_MS, millisAt, parseHhmm, toMillis } from './time.js';
import { isWorkday, shiftWorkdays } from './work-calendar.js';

/**
 * Working hours: office hours (workHours, minus breaks) on working days, in Shanghai time. Pure.
 *
 * A working window is half-open, [start, end): 09:00 is working time, 12:00 (lunch) and 18:00 are not. All results
 * are written in +08:00 whatever offset the input used.
 */

interface Window {
  start: number;
  end: number;
}

/** The working window that contains `ms`, or else the first one after it. */
function windowAtOrAfter(data: CalendarData, windows: Array<[number, number]>, ms: number): Window {
  const date = localDateOfMillis(ms);
  if (isWorkday(data, date)) {
    for (const [start, end] of windows) {
      if (ms < millisAt(date, end)) return { start: millisAt(date, start), end: millisAt(date, end) };
    }
  }
  const next = shiftWorkdays(data, date, 1);
  const [start, end] = windows[0]!;
  return { start: millisAt(next, start), end: millisAt(next, end) };
}

export function isWorkingTime(data: CalendarData, instant: Instant): boolean {
  const ms = toMillis(instant);
  const date = localDateOfMillis(ms);
  if (!isWorkday(data, date)) return false;
  const minute = (ms - millisAt(date, 0)) / MINUTE_MS;
  return workWindows(data.workHours).some(([start, end]) => minute >= start && minute < end);
}

/** `instant` itself when it is working time, else the start of the next working window (after lunch, next day…). */
export function nextWorkingMoment(data: CalendarData, instant: Instant): Instant {
  const ms = toMillis(instant);
  const window = windowAtOrAfter(data, workWindows(data.workHours), ms);
  return fromMillis(Math.max(ms, window.start));
}

/**
 * The instant at which `hours` of working time have passed since `instant`, counting only minutes inside working
 * windows on working days (lunch, nights, weekends and holidays do not count). Starting outside working time
 * counts from the next working moment. When the time runs out exactly at a window's end, that end is returned
 * (e.g. 18:00 rather than 09:00 the next working day). `hours` may be fractional; 0 returns `instant` unchanged.
 */
export function addWorkingHours(data: CalendarData, instant: Instant, hours: number): Instant {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  let cursor = toMillis(instant);
  let left = Math.round(hours * 60 * MINUTE_MS);
  if (left === 0) return fromMillis(cursor);
  const windows = workWindows(data.workHours);
  for (;;) {
    const window = windowAtOrAfter(data, windows, cursor);
    const from = Math.max(cursor, window.start);
    if (from + left <= window.end) return fromMillis(from + left);
    left -= window.end - from;
    cursor = window.end;
  }
}

/**
 * "Next working day at HH:MM": the first moment at HH:MM (Shanghai) on a working day that is ≥ `instant`. So at
 * 08:00 on a working day it is 09:00 the same day; at 09:00 exactly it is that instant; at 22:30 on a Friday it
 * is 09:00 on the next working day (Monday, or a make-up Saturday, or the day after a holiday). HH:MM need not lie
 * inside office hours (e.g. '08:30' for a morning digest).
 */
export function nextWorkdayAt(data: CalendarData, instant: Instant, hhmm: string): Instant {
  const ms = toMillis(instant);
  const minute = parseHhmm(hhmm);
  const date = localDateOfMillis(ms);
  if (isWorkday(data, date) && millisAt(date, minute) >= ms) return fromMillis(millisAt(date, minute));
  return fromMillis(millisAt(shiftWorkdays(data, date, 1), minute));
}
