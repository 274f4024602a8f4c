import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInMonth,
  formatMonth,
  inMonth,
  isMonth,
  lastDayOfMonth,
  MonthError,
  monthBounds,
  monthLabel,
  monthOfDate,
  monthsEndingWith,
  nextMonth,
  parseMonth,
  previousMonth,
} from '../../domain/month.js';

describe('month', () => {
  it('recognises YYYY-MM with a month from 01 to 12 only', () => {
    for (const ok of ['2024-01', '2024-12', '1999-09']) expect(isMonth(ok)).toBe(true);
    for (const bad of ['2024-00', '2024-13', '2024-6', '24-06', '2024-06-01', ' 2024-06', '', 202406, null]) {
      expect(isMonth(bad)).toBe(false);
    }
  });

  it('parses a month (trimmed) and refuses anything else in Chinese', () => {
    expect(parseMonth(' 2024-06 ')).toEqual({ year: 2024, month: 6 });
    expect(() => parseMonth('2024-13')).toThrow(MonthError);
    expect(() => parseMonth('六月')).toThrow('月份格式不正确：“六月”，应为 YYYY-MM，例如 2024-06');
  });

  it('formats, steps and crosses year ends', () => {
    expect(formatMonth(987, 3)).toBe('0987-03');
    expect(nextMonth('2024-12')).toBe('2025-01');
    expect(previousMonth('2025-01')).toBe('2024-12');
    expect(nextMonth('2024-06')).toBe('2024-07');
    expect(() => nextMonth('2024-6')).toThrow(MonthError);
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-02', -14)).toBe('2022-12');
    expect(addMonths('2024-06', 0)).toBe('2024-06');
  });

  it('agrees with nextMonth and previousMonth over many years', () => {
    let m = '2019-01';
    for (let i = 0; i < 120; i++) {
      expect(addMonths(m, 1)).toBe(nextMonth(m));
      expect(addMonths(nextMonth(m), -1)).toBe(m);
      expect(previousMonth(nextMonth(m))).toBe(m);
      m = nextMonth(m);
    }
    expect(m).toBe('2029-01');
  });

  it('knows month lengths, leap Februaries included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2025-12')).toBe('2025-12-31');
    expect(lastDayOfMonth('2025-09')).toBe('2025-09-30');
  });

  it('takes the month of a date and lists months ending with one', () => {
    expect(monthOfDate('2024-06-30')).toBe('2024-06');
    expect(monthsEndingWith('2025-02', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsEndingWith('2025-02', 1)).toEqual(['2025-02']);
  });

  it('bounds a month in Shanghai time', () => {
    expect(monthBounds('2024-12')).toEqual({ start: '2024-12-01T00:00:00+08:00', end: '2025-01-01T00:00:00+08:00' });
    // 30 June 16:00 UTC is 1 July 00:00 in Shanghai.
    expect(inMonth('2024-06-30T15:59:59Z', '2024-06')).toBe(true);
    expect(inMonth('2024-06-30T16:00:00Z', '2024-06')).toBe(false);
    expect(inMonth('2024-06-30T16:00:00Z', '2024-07')).toBe(true);
  });

  it('labels a month in Chinese', () => {
    expect(monthLabel('2024-06')).toBe('2024年6月');
    expect(monthLabel('2025-11')).toBe('2025年11月');
  });
});
