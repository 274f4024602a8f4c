import type { NamedDate } from './calendar-data.js';
import { addDays, compareAscii, type IsoDate } from './time.js';

/** What the fallback needs from a lunar calendar; implemented over chinese-days in chinese-days-source.ts. */
export interface LunarCalendar {
  /** Gregorian date of `day` of the regular (non-leap) lunar `month` of lunar year `lunarYear`. */
  lunarToSolar(lunarYear: number, month: number, day: number): IsoDate;
  /** Gregorian date of the 清明 solar term in `year`. */
  qingming(year: number): IsoDate;
}

/** The 2024 revision of 全国年节及纪念日放假办法 took effect on 2025-01-01; earlier years had fewer days. */
export const FALLBACK_FIRST_YEAR = 2025;

/**
 * The 13 statutory holiday days of 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025), for a year
 * whose official notice is not known yet:
 *   元旦 1月1日; 春节 除夕 and 正月初一–初三; 清明节 the 清明 solar-term day; 劳动节 5月1日–2日;
 *   端午节 农历五月初五; 中秋节 农历八月十五; 国庆节 10月1日–3日.
 *
 * This is deliberately only the law's floor. The yearly notice moves days around (调休): it bridges holidays to
 * weekends and adds make-up working Saturdays and Sundays. The fallback invents none of that: no make-up days, and
 * no substitute weekday when a holiday falls on a weekend — the official notice decides those, and until it is
 * loaded the whole year is marked provisional. Days that coincide (中秋 on 10月3日 in 2028) share one entry.
 */
export function statutoryHolidays(year: number, lunar: LunarCalendar): NamedDate[] {
  if (year < FALLBACK_FIRST_YEAR) {
    throw new RangeError(`No statutory fallback before ${FALLBACK_FIRST_YEAR} (asked for ${year}): use official data`);
  }
  const newYear = lunar.lunarToSolar(year, 1, 1);
  const days: NamedDate[] = [
    { date: `${year}-01-01`, name: '元旦' },
    // 除夕 is the day before 正月初一 (腊月 may have 29 or 30 days, so never ask for 腊月三十).
    ...[-1, 0, 1, 2].map((offset) => ({ date: addDays(newYear, offset), name: '春节' })),
    { date: lunar.qingming(year), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar.lunarToSolar(year, 5, 5), name: '端午节' },
    { date: lunar.lunarToSolar(year, 8, 15), name: '中秋节' },
    ...['01', '02', '03'].map((day) => ({ date: `${year}-10-${day}`, name: '国庆节' })),
  ];
  return mergeSameDay(year, days);
}

function mergeSameDay(year: number, days: NamedDate[]): NamedDate[] {
  const byDate = new Map<IsoDate, string>();
  for (const { date, name } of days) {
    if (date.slice(0, 4) !== String(year)) throw new RangeError(`${name} of ${year} computed as ${date}`);
    const other = byDate.get(date);
    byDate.set(date, other === undefined ? name : `${other}、${name}`);
  }
  return [...byDate].sort(([a], [b]) => compareAscii(a, b)).map(([date, name]) => ({ date, name }));
}
