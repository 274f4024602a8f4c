import {
  type CalendarData,
  type DayOverride,
  DEFAULT_WORK_HOURS,
  type TimeRange,
  type WorkHours,
  workWindows,
  type YearArrangement,
  type YearInfo,
} from './calendar-data.js';
import { chineseDaysSource, type HolidaySource } from './chinese-days-source.js';
import { noticeArrangement, type OfficialNotice, OfficialNoticeError, parseOfficialNotice } from './official-notice.js';
import { statutoryHolidays } from './statutory.js';
import { addDays, compareAscii, type IsoDate, isIsoDate } from './time.js';

/**
 * Builds the CalendarData that workflows compute with. Call it in an activity (it reads the chinese-days package,
 * whose data changes between versions) and hand the result to the workflow; never call it from workflow code.
 * Not re-exported from index.ts for that reason: import it from 'domain/calendar/build.js'.
 */

/**
 * A county's own change to the calendar.
 * - 'rest': a working day becomes a rest day (e.g. a local festival such as 火把节).
 * - 'work': a rest day becomes a working day (e.g. a Saturday set aside for a 集中攻坚 inspection).
 * - 'emergency': a period such as 防汛 or 森林防火 during which cadres are on duty every day. For deadlines every
 *   day of the period, weekends and statutory holidays included, then counts as a working day: supervision does not
 *   pause while people are at their posts. Office hours stay as configured, so "N working hours" still does not run
 *   through the night; waking people up is a question for quiet-hours policy, not for the calendar.
 * Overrides apply after the statutory days, in the order given: a later override wins on the same date (so a
 * rest day can be granted inside an emergency period). Dates outside the built years are ignored.
 */
export type CountyOverride = { kind: 'rest' | 'work' | 'emergency'; reason: string } & (
  | { date: IsoDate }
  | { from: IsoDate; to: IsoDate }
);

export interface BuildCalendarOptions {
  fromYear: number;
  toYear: number;
  /**
   * Notices loaded by the county (e.g. 2027 once published); each replaces package and fallback for its year.
   * Notices for years outside fromYear–toYear are ignored.
   */
  officialNotices?: OfficialNotice[];
  countyOverrides?: CountyOverride[];
  /** Defaults to 09:00–18:00 with a 12:00–13:00 lunch break. */
  workHours?: TimeRange & { breaks?: TimeRange[] };
}

export function buildCalendarData(
  options: BuildCalendarOptions,
  source: HolidaySource = chineseDaysSource,
): CalendarData {
  const { fromYear, toYear } = options;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || toYear - fromYear > 50) {
    throw new RangeError(`Calendar years must be integers with fromYear ≤ toYear (got ${fromYear}–${toYear})`);
  }
  const notices = noticesByYear(options.officialNotices ?? []);
  const days: Record<IsoDate, DayOverride> = {};
  const years: Record<string, YearInfo> = {};
  for (let year = fromYear; year <= toYear; year++) {
    const { info, arrangement } = statutoryYear(year, notices.get(year), source);
    years[year] = info;
    putStatutory(days, arrangement, info.source === 'provisional');
  }
  (options.countyOverrides ?? []).forEach((override, i) => {
    putCounty(days, override, i, fromYear, toYear);
  });
  return seal(days, years, normalizeWorkHours(options.workHours ?? DEFAULT_WORK_HOURS));
}

function noticesByYear(notices: OfficialNotice[]): Map<number, OfficialNotice> {
  const byYear = new Map<number, OfficialNotice>();
  for (const input of notices) {
    // Re-validate: a notice may have been built in code or stored before validation rules tightened.
    const result = parseOfficialNotice(input);
    if (!result.ok) throw new OfficialNoticeError(result.errors);
    if (byYear.has(result.notice.year)) throw new OfficialNoticeError([`${result.notice.year} 年的放假通知重复加载`]);
    byYear.set(result.notice.year, result.notice);
  }
  return byYear;
}

/** Notice first, then the data package, then the provisional fallback of the 放假办法. */
function statutoryYear(
  year: number,
  notice: OfficialNotice | undefined,
  source: HolidaySource,
): { info: YearInfo; arrangement: YearArrangement } {
  if (notice) return { info: { source: 'official', basis: 'notice' }, arrangement: noticeArrangement(notice) };
  const fromPackage = source.officialArrangement(year);
  if (fromPackage) return { info: { source: 'official', basis: 'package' }, arrangement: fromPackage };
  const holidays = statutoryHolidays(year, source);
  return { info: { source: 'provisional', basis: 'statutory-fallback' }, arrangement: { holidays, workdays: [] } };
}

function putStatutory(days: Record<IsoDate, DayOverride>, arrangement: YearArrangement, provisional: boolean): void {
  for (const { date, name } of arrangement.holidays)
    days[date] = { kind: 'rest', name, provisional, origin: 'statutory' };
  for (const { date, name } of arrangement.workdays)
    days[date] = { kind: 'work', name, provisional, origin: 'statutory' };
}

function putCounty(days: Record<IsoDate, DayOverride>, override: CountyOverride, i: number, from: number, to: number) {
  const label = `县级调整第 ${i + 1} 项`;
  if (!['rest', 'work', 'emergency'].includes(override.kind)) {
    throw new RangeError(`${label}：kind 应为 rest、work 或 emergency，实际为 ${JSON.stringify(override.kind)}`);
  }
  if (typeof override.reason !== 'string' || override.reason.trim() === '')
    throw new RangeError(`${label}：reason 不能为空`);
  const [first, last] = 'date' in override ? [override.date, override.date] : [override.from, override.to];
  if (!isIsoDate(first) || !isIsoDate(last) || first > last) {
    throw new RangeError(`${label}（${override.reason}）：日期应写作 YYYY-MM-DD，且开始不晚于结束`);
  }
  const entry: DayOverride =
    override.kind === 'emergency'
      ? { kind: 'work', name: override.reason.trim(), provisional: false, origin: 'county', emergency: true }
      : { kind: override.kind, name: override.reason.trim(), provisional: false, origin: 'county' };
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const year = Number(date.slice(0, 4));
    if (year >= from && year <= to) days[date] = { ...entry };
  }
}

function normalizeWorkHours(hours: TimeRange & { breaks?: TimeRange[] }): WorkHours {
  const breaks = (hours.breaks ?? [])
    .map(({ start, end }) => ({ start, end }))
    .sort((a, b) => compareAscii(a.start, b.start));
  const normalized = { start: hours.start, end: hours.end, breaks };
  workWindows(normalized); // throws on malformed hours, at build time rather than inside a workflow
  return normalized;
}

/** Sorts the days so equal calendars serialize identically, then stamps the content hash as the version. */
function seal(days: Record<IsoDate, DayOverride>, years: Record<string, YearInfo>, workHours: WorkHours): CalendarData {
  const sortedDays: Record<IsoDate, DayOverride> = {};
  for (const date of Object.keys(days).sort(compareAscii)) sortedDays[date] = days[date]!;
  const body = { days: sortedDays, years, workHours };
  return { version: `cal1-${contentHash(JSON.stringify(body))}`, ...body };
}

/** 64-bit non-cryptographic hash (cyrb53-style, two 32-bit lanes); domain/ may not use node:crypto. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
