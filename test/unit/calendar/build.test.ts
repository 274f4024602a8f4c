import { readFileSync } from 'node:fs';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { chineseDaysSource } from '../../../domain/calendar/chinese-days-source.js';
import {
  addDays,
  addWorkdays,
  dayInfo,
  isWorkday,
  OfficialNoticeError,
  officialNoticeOrThrow,
  provisionalYears,
  statutoryHolidays,
} from '../../../domain/calendar/index.js';
import { calendar as cal, notice2027, sh } from './fixtures.js';

const notice2026 = officialNoticeOrThrow(
  readFileSync(new URL('../../../domain/calendar/notices/2026.json', import.meta.url), 'utf8'),
);

function* datesOf(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

describe('years from the chinese-days package', () => {
  it('marks 2024–2026 official and 2027 provisional', () => {
    expect(cal.years).toEqual({
      '2024': { source: 'official', basis: 'package' },
      '2025': { source: 'official', basis: 'package' },
      '2026': { source: 'official', basis: 'package' },
      '2027': { source: 'provisional', basis: 'statutory-fallback' },
    });
  });

  it('agrees with chinese-days on every day of 2024–2026', () => {
    const disagreements = [...datesOf('2024-01-01', '2026-12-31')].filter(
      (d) => isWorkday(cal, d) !== chineseDays.isWorkday(d),
    );
    expect(disagreements).toEqual([]);
  });

  it('stores statutory holidays and weekend make-up days, nothing else', () => {
    for (const [date, day] of Object.entries(cal.days)) {
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      if (day.kind === 'work') expect(weekend, date).toBe(true);
      expect(day.origin).toBe('statutory');
    }
  });
});

describe('2027 statutory fallback (no official notice yet)', () => {
  it('marks 除夕 and 初一–初三 (春节 2027 is Sat Feb 6) as provisional rest days', () => {
    for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
      expect(dayInfo(cal, date), date).toMatchObject({ workday: false, name: '春节', provisional: true });
    }
    expect(dayInfo(cal, '2027-02-04')).toMatchObject({ workday: true, provisional: true, origin: 'weekly' });
    expect(dayInfo(cal, '2027-02-09')).toMatchObject({ workday: true, provisional: true });
  });

  it('has the other statutory days, 国庆 Oct 1–3 included, and no make-up days', () => {
    const rest = Object.entries(cal.days).filter(([d]) => d.startsWith('2027'));
    expect(rest.map(([d, day]) => `${d} ${day.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
    expect(rest.every(([, day]) => day.kind === 'rest' && day.provisional)).toBe(true);
  });

  it('invents no substitute when a holiday falls on a weekend (劳动节 2027 is Sat–Sun)', () => {
    expect(isWorkday(cal, '2027-05-03')).toBe(true);
    expect(addWorkdays(cal, sh('2027-09-30 10:00'), 1)).toBe(sh('2027-10-04 18:00'));
  });

  it('computes the same days the real notices gave for 2025 and 2026', () => {
    for (const year of [2025, 2026]) {
      for (const { date, name } of statutoryHolidays(year, chineseDaysSource)) {
        expect(dayInfo(cal, date), date).toMatchObject({ workday: false, name, provisional: false });
      }
    }
  });

  it('merges coinciding festivals and refuses years before the 2024 revision', () => {
    const days2028 = statutoryHolidays(2028, chineseDaysSource);
    expect(days2028).toHaveLength(12);
    expect(days2028).toContainEqual({ date: '2028-10-03', name: '中秋节、国庆节' });
    expect(() => statutoryHolidays(2024, chineseDaysSource)).toThrow(RangeError);
  });
});

describe('official notices loaded by the county', () => {
  it('the 2026 notice reproduces the package data', () => {
    const fromNotice = buildCalendarData({ fromYear: 2026, toYear: 2026, officialNotices: [notice2026] });
    const fromPackage = buildCalendarData({ fromYear: 2026, toYear: 2026 });
    expect(fromNotice.days).toEqual(fromPackage.days);
    expect(fromNotice.years['2026']).toEqual({ source: 'official', basis: 'notice' });
  });

  it('a 2027 notice turns provisional into official and adds make-up days', () => {
    const data = buildCalendarData({ fromYear: 2024, toYear: 2027, officialNotices: [notice2027] });
    expect(provisionalYears(data)).toEqual([]);
    expect(data.years['2027']).toEqual({ source: 'official', basis: 'notice' });
    expect(dayInfo(data, '2027-02-10')).toMatchObject({ workday: false, name: '春节', provisional: false });
    expect(dayInfo(data, '2027-10-09')).toMatchObject({ workday: true, name: '国庆节调休', provisional: false });
    expect(addWorkdays(data, sh('2027-09-30 10:00'), 1)).toBe(sh('2027-10-08 18:00'));
    // The notice replaces the fallback entirely: this (partial, hypothetical) notice has no 清明.
    expect(isWorkday(data, '2027-04-05')).toBe(true);
  });

  it('refuses invalid or duplicate notices', () => {
    const bad = { ...notice2027, workdays: [{ date: '2027-10-05', name: '国庆节调休' }] };
    expect(() => buildCalendarData({ fromYear: 2027, toYear: 2027, officialNotices: [bad] })).toThrow(
      OfficialNoticeError,
    );
    expect(() =>
      buildCalendarData({ fromYear: 2027, toYear: 2027, officialNotices: [notice2027, notice2027] }),
    ).toThrow(/重复/);
  });
});
