import chineseDays from 'chinese-days';
import type { NamedDate, YearArrangement } from './calendar-data.js';
import type { LunarCalendar } from './statutory.js';
import { type IsoDate, isWeekend } from './time.js';

/**
 * Our small interface over the `chinese-days` data package: the only module that imports it. build.ts takes a
 * HolidaySource so tests can substitute one and a future package swap touches only this file.
 */
export interface HolidaySource extends LunarCalendar {
  /** The official holidays and weekend make-up working days of `year`, or undefined if the source lacks the year. */
  officialArrangement(year: number): YearArrangement | undefined;
}

// chinese-days writes 'Tomb-sweeping Day,清明,1' (English name, Chinese name, days granted by law); we use the
// names of the 放假办法 so package, notice and fallback days read the same.
const LEGAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function legalName(raw: string): string {
  const chinese = raw.split(',')[1]?.trim() || raw;
  return LEGAL_NAMES[chinese] ?? chinese;
}

function named(date: IsoDate, suffix = ''): NamedDate {
  return { date, name: legalName(chineseDays.getDayDetail(date).name) + suffix };
}

/**
 * chinese-days reads dates through local-time Date objects; on a host west of UTC (negative offset) its answers
 * shift by a day (e.g. 2026-02-13 reported as the make-up Saturday). UTC and Asia/Shanghai hosts are correct.
 */
function assertHostTimeZone(): void {
  if (new Date(2026, 0, 1).getTimezoneOffset() > 0 || new Date(2026, 6, 1).getTimezoneOffset() > 0) {
    throw new Error('chinese-days gives wrong dates west of UTC: run this process with TZ=Asia/Shanghai or TZ=UTC');
  }
}

export const chineseDaysSource: HolidaySource = {
  officialArrangement(year) {
    assertHostTimeZone();
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    // With includeWeekends = false these are exactly the package's holiday entries; none means no notice yet.
    const holidays = chineseDays.getHolidaysInRange(first, last, false);
    if (holidays.length === 0) return undefined;
    const workdays = chineseDays.getWorkdaysInRange(first, last, true).filter(isWeekend);
    return { holidays: holidays.map((date) => named(date)), workdays: workdays.map((date) => named(date, '调休')) };
  },
  lunarToSolar(lunarYear, month, day) {
    assertHostTimeZone();
    const pad = (n: number) => String(n).padStart(2, '0');
    // `date` is the regular month; `leapMonthDate` (a 闰月 of the same number) is never a festival date.
    return chineseDays.getSolarDateFromLunar(`${lunarYear}-${pad(month)}-${pad(day)}`).date;
  },
  qingming(year) {
    assertHostTimeZone();
    return chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  },
};
