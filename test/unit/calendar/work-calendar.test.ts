import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  CalendarRangeError,
  dayInfo,
  isWorkday,
  nthWorkdayOfMonth,
  onOrNextWorkday,
  provisionalYears,
  shiftWorkdays,
  workdaysBetween,
} from '../../../domain/calendar/index.js';
import { calendar as cal, sh } from './fixtures.js';

const workdays = (dates: string[]) => dates.map((d) => isWorkday(cal, d));

describe('国庆 2025: Oct 1–8 off, Sun 9/28 and Sat 10/11 are make-up working days', () => {
  it('marks the holiday and both make-up days', () => {
    expect(workdays(['2025-09-26', '2025-09-27', '2025-09-28', '2025-09-30'])).toEqual([true, false, true, true]);
    const golden = ['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}`);
    expect(workdays(golden)).toEqual(golden.map(() => false));
    expect(workdays(['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-12'])).toEqual([true, true, true, false]);
  });

  it('names the days, including a weekend inside the holiday and 中秋 on Oct 6', () => {
    expect(dayInfo(cal, '2025-09-28')).toEqual({
      date: '2025-09-28',
      workday: true,
      name: '国庆节调休',
      provisional: false,
      origin: 'statutory',
      emergency: false,
    });
    expect(dayInfo(cal, '2025-10-04')).toMatchObject({ workday: false, name: '国庆节' });
    expect(dayInfo(cal, '2025-10-06')).toMatchObject({ workday: false, name: '中秋节' });
    expect(dayInfo(cal, '2025-10-13')).toMatchObject({ workday: true, name: '工作日', origin: 'weekly' });
    expect(dayInfo(cal, '2025-10-12')).toMatchObject({ workday: false, name: '周日', origin: 'weekly' });
  });

  it('counts working days across the holiday', () => {
    expect(addWorkdays(cal, sh('2025-09-30 10:00'), 1)).toBe(sh('2025-10-09 18:00'));
    expect(addWorkdays(cal, sh('2025-09-30 15:00'), 3)).toBe(sh('2025-10-11 18:00'));
    expect(addWorkdays(cal, sh('2025-09-26 16:00'), 1)).toBe(sh('2025-09-28 18:00'));
    expect(workdaysBetween(cal, sh('2025-09-30 09:00'), sh('2025-10-10 18:00'))).toBe(2);
    expect(workdaysBetween(cal, sh('2025-10-10 18:00'), sh('2025-09-30 09:00'))).toBe(-2);
  });
});

describe('春节 2026: Feb 15–23 off, Sat 2/14 and Sat 2/28 are make-up working days', () => {
  it('treats the 调休 Saturdays as working days', () => {
    expect(dayInfo(cal, '2026-02-14')).toMatchObject({ workday: true, name: '春节调休', origin: 'statutory' });
    expect(isWorkday(cal, '2026-02-28')).toBe(true);
    expect(isWorkday(cal, '2026-03-01')).toBe(false);
    expect(workdays(['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23', '2026-02-24'])).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('counts the make-up Saturday as the next working day', () => {
    expect(addWorkdays(cal, sh('2026-02-13 17:00'), 1)).toBe(sh('2026-02-14 18:00'));
    expect(addWorkdays(cal, sh('2026-02-13 17:00'), 2)).toBe(sh('2026-02-24 18:00'));
    expect(workdaysBetween(cal, sh('2026-02-13 09:00'), sh('2026-02-28 09:00'))).toBe(6);
  });
});

describe('addWorkdays semantics', () => {
  it('ignores the time of day and whether the start date is itself a working day', () => {
    const expected = sh('2025-11-17 18:00');
    expect(addWorkdays(cal, sh('2025-11-14 10:00'), 1)).toBe(expected);
    expect(addWorkdays(cal, sh('2025-11-14 22:30'), 1)).toBe(expected);
    expect(addWorkdays(cal, sh('2025-11-15 11:00'), 1)).toBe(expected);
  });

  it('n = 0 is the end of today, or of the next working day', () => {
    expect(addWorkdays(cal, sh('2025-10-09 08:00'), 0)).toBe(sh('2025-10-09 18:00'));
    expect(addWorkdays(cal, sh('2025-10-04 12:00'), 0)).toBe(sh('2025-10-09 18:00'));
  });

  it('negative n counts back ("2 working days before due")', () => {
    expect(addWorkdays(cal, sh('2025-10-10 18:00'), -2)).toBe(sh('2025-09-30 18:00'));
  });

  it('reads the Shanghai date of instants given in UTC', () => {
    // 2025-09-27T16:30Z is 00:30 on Sunday 9/28 (a make-up day) in Shanghai.
    expect(addWorkdays(cal, '2025-09-27T16:30:00Z', 1)).toBe(sh('2025-09-29 18:00'));
  });
});

describe('year boundary', () => {
  it('Dec 31 2025 + 1 is Sunday Jan 4 2026, a 元旦 make-up day', () => {
    expect(addWorkdays(cal, sh('2025-12-31 10:00'), 1)).toBe(sh('2026-01-04 18:00'));
    expect(addWorkdays(cal, sh('2026-01-04 10:00'), -1)).toBe(sh('2025-12-31 18:00'));
    expect(workdaysBetween(cal, sh('2025-12-30 10:00'), sh('2026-01-05 10:00'))).toBe(3);
  });

  it('Dec 31 2024 + 1 is Jan 2 2025 (元旦 2025 was one day)', () => {
    expect(addWorkdays(cal, sh('2024-12-31 09:00'), 1)).toBe(sh('2025-01-02 18:00'));
  });
});

describe('monthly cadence', () => {
  it('"by the 5th" moves to the next working day', () => {
    expect(onOrNextWorkday(cal, '2025-10-05')).toBe('2025-10-09');
    expect(onOrNextWorkday(cal, '2024-05-05')).toBe('2024-05-06');
    expect(onOrNextWorkday(cal, '2026-03-05')).toBe('2026-03-05');
  });

  it('nth working day of the month counts make-up days', () => {
    expect(nthWorkdayOfMonth(cal, 2025, 10, 1)).toBe('2025-10-09');
    expect(nthWorkdayOfMonth(cal, 2025, 10, 3)).toBe('2025-10-11');
    expect(nthWorkdayOfMonth(cal, 2026, 1, 1)).toBe('2026-01-04');
    expect(nthWorkdayOfMonth(cal, 2026, 2, -1)).toBe('2026-02-28');
    expect(() => nthWorkdayOfMonth(cal, 2026, 2, 30)).toThrow(RangeError);
    expect(() => nthWorkdayOfMonth(cal, 2026, 13, 1)).toThrow(RangeError);
  });

  it('shiftWorkdays works on dates', () => {
    expect(shiftWorkdays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    expect(shiftWorkdays(cal, '2025-10-09', -1)).toBe('2025-09-30');
    expect(shiftWorkdays(cal, '2025-10-04', 0)).toBe('2025-10-04');
  });
});

describe('coverage', () => {
  it('lists provisional years', () => {
    expect(provisionalYears(cal)).toEqual([2027]);
  });

  it('refuses dates outside the covered years instead of guessing', () => {
    expect(() => isWorkday(cal, '2028-01-03')).toThrow(CalendarRangeError);
    expect(() => addWorkdays(cal, sh('2027-12-30 10:00'), 5)).toThrow(/outside the working calendar/);
    expect(() => dayInfo(cal, '2023-12-29')).toThrow(CalendarRangeError);
  });

  it('refuses malformed input', () => {
    expect(() => isWorkday(cal, '2025-02-30')).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2025-10-09 09:00', 1)).toThrow(/offset/);
    expect(() => addWorkdays(cal, sh('2025-10-09 09:00'), 1.5)).toThrow(/integer/);
  });
});
