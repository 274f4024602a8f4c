import { type IsoDate, parseHhmm } from './time.js';

/**
 * The working-day calendar as plain JSON.
 *
 * It is built outside workflows (by an activity, see build.ts) and passed in, so a workflow replays against the
 * exact data it first saw even after the `chinese-days` package is upgraded. Everything in it survives
 * `JSON.parse(JSON.stringify(data))` unchanged.
 *
 * The base rule is Monday–Friday work, Saturday–Sunday rest. `days` holds only what differs from that rule:
 * - statutory holiday days, weekends included (so a Saturday inside 国庆 is named '国庆节', not just '周六');
 * - 调休 make-up working days on weekends;
 * - every day a county declared (rest, work or emergency), even where it matches the rule, to keep its reason.
 */
export interface CalendarData {
  /** Content hash of days, years and workHours: equal versions mean equal calendars. */
  version: string;
  days: Record<IsoDate, DayOverride>;
  /** Every year the data covers. Dates in other years are refused (CalendarRangeError), never guessed. */
  years: Record<string, YearInfo>;
  workHours: WorkHours;
}

export type DayKind = 'rest' | 'work';
export type DayOrigin = 'statutory' | 'county';

export interface DayOverride {
  kind: DayKind;
  /** '国庆节', '国庆节调休' (a make-up working day), or the county's reason. */
  name: string;
  /** True for statutory days of a year whose official notice is not loaded yet; county days are never provisional. */
  provisional: boolean;
  origin: DayOrigin;
  /** Present (true) on days of a county emergency period; see CountyOverride in build.ts. */
  emergency?: boolean;
}

export interface YearInfo {
  /** 'provisional' until the official notice for the year is known; operators should be warned about such years. */
  source: 'official' | 'provisional';
  /** Where the statutory days came from: the data package, a notice loaded by the county, or the 放假办法 fallback. */
  basis: 'package' | 'notice' | 'statutory-fallback';
}

export interface TimeRange {
  start: string;
  end: string;
}

/** Office hours on a working day, local 'HH:MM'; breaks (lunch) do not count as working time. */
export interface WorkHours extends TimeRange {
  breaks: TimeRange[];
}

export const DEFAULT_WORK_HOURS: WorkHours = {
  start: '09:00',
  end: '18:00',
  breaks: [{ start: '12:00', end: '13:00' }],
};

/** A date with the name of the holiday or make-up day it belongs to. */
export interface NamedDate {
  date: IsoDate;
  name: string;
}

/** The statutory arrangement of one year: rest days and weekend make-up working days. */
export interface YearArrangement {
  holidays: NamedDate[];
  workdays: NamedDate[];
}

/** Thrown when a computation reaches a date in a year the CalendarData does not cover. */
export class CalendarRangeError extends RangeError {
  override name = 'CalendarRangeError';
}

/**
 * The working windows of a day as [startMinute, endMinute) pairs, e.g. [[540, 720], [780, 1080]].
 * Throws when the hours are malformed: end before start, breaks outside office hours, or overlapping breaks.
 */
export function workWindows(hours: WorkHours): Array<[number, number]> {
  const start = parseHhmm(hours.start);
  const end = parseHhmm(hours.end);
  if (end <= start) throw new RangeError(`Working hours end (${hours.end}) must be after their start (${hours.start})`);
  const breaks = hours.breaks.map((b) => [parseHhmm(b.start), parseHhmm(b.end)] as const);
  breaks.sort((a, b) => a[0] - b[0]);
  const windows: Array<[number, number]> = [];
  let cursor = start;
  for (const [from, to] of breaks) {
    if (from <= cursor || to <= from || to >= end) {
      throw new RangeError(
        `Break ${fmt(from)}–${fmt(to)} must lie strictly inside ${hours.start}–${hours.end} and not overlap another`,
      );
    }
    windows.push([cursor, from]);
    cursor = to;
  }
  windows.push([cursor, end]);
  return windows;
}

function fmt(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
