import { describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import {
  addWorkingHours,
  endOfWorkday,
  isWorkingTime,
  nextWorkdayAt,
  nextWorkingMoment,
  startOfWorkday,
} from '../../../domain/calendar/index.js';
import { calendar as cal, sh } from './fixtures.js';

describe('an item created at 22:30 on a Friday', () => {
  it('waits for Monday 09:00', () => {
    expect(nextWorkingMoment(cal, sh('2025-11-14 22:30'))).toBe(sh('2025-11-17 09:00'));
    expect(nextWorkdayAt(cal, sh('2025-11-14 22:30'), '09:00')).toBe(sh('2025-11-17 09:00'));
  });

  it('waits past a Monday holiday (端午 2025: Mon 6/2 off)', () => {
    expect(nextWorkingMoment(cal, sh('2025-05-30 22:30'))).toBe(sh('2025-06-03 09:00'));
  });

  it('starts on a make-up Saturday (春节 2026: Sat 2/14 works)', () => {
    expect(nextWorkingMoment(cal, sh('2026-02-13 22:30'))).toBe(sh('2026-02-14 09:00'));
  });

  it('"unread after 4 working hours" falls on Monday 14:00 (lunch excluded)', () => {
    expect(addWorkingHours(cal, sh('2025-11-14 22:30'), 4)).toBe(sh('2025-11-17 14:00'));
  });
});

describe('addWorkingHours (09:00–18:00, lunch 12:00–13:00)', () => {
  it('skips the lunch break', () => {
    expect(addWorkingHours(cal, sh('2025-11-12 11:00'), 2)).toBe(sh('2025-11-12 14:00'));
    expect(addWorkingHours(cal, sh('2025-11-12 12:30'), 1)).toBe(sh('2025-11-12 14:00'));
  });

  it('skips the night', () => {
    expect(addWorkingHours(cal, sh('2025-11-12 17:00'), 2)).toBe(sh('2025-11-13 10:00'));
  });

  it('skips the weekend', () => {
    expect(addWorkingHours(cal, sh('2025-11-14 17:30'), 4)).toBe(sh('2025-11-17 13:30'));
  });

  it('skips a holiday (国庆 2025)', () => {
    expect(addWorkingHours(cal, sh('2025-09-30 16:00'), 4)).toBe(sh('2025-10-09 11:00'));
  });

  it('stops at the end of a window rather than the start of the next', () => {
    expect(addWorkingHours(cal, sh('2025-11-12 17:00'), 1)).toBe(sh('2025-11-12 18:00'));
    expect(addWorkingHours(cal, sh('2025-11-12 09:00'), 3)).toBe(sh('2025-11-12 12:00'));
    expect(addWorkingHours(cal, sh('2025-11-12 09:00'), 8)).toBe(sh('2025-11-12 18:00'));
    expect(addWorkingHours(cal, sh('2025-11-12 09:00'), 16)).toBe(sh('2025-11-13 18:00'));
  });

  it('handles fractions and zero', () => {
    expect(addWorkingHours(cal, sh('2025-11-12 09:00'), 0.25)).toBe(sh('2025-11-12 09:15'));
    expect(addWorkingHours(cal, '2025-11-12T01:00:00Z', 0)).toBe(sh('2025-11-12 09:00'));
    expect(() => addWorkingHours(cal, sh('2025-11-12 09:00'), -1)).toThrow(RangeError);
  });
});

describe('working time', () => {
  it('is half-open: opening minute in, closing and lunch minutes out', () => {
    const at = (t: string) => isWorkingTime(cal, sh(`2025-11-12 ${t}`));
    expect([at('08:59'), at('09:00'), at('11:59:59'), at('12:00'), at('12:59'), at('13:00')]).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
    ]);
    expect([at('17:59:59'), at('18:00')]).toEqual([true, false]);
  });

  it('follows the calendar', () => {
    expect(isWorkingTime(cal, sh('2025-11-15 10:00'))).toBe(false);
    expect(isWorkingTime(cal, sh('2026-02-14 10:00'))).toBe(true);
    expect(isWorkingTime(cal, sh('2025-10-02 10:00'))).toBe(false);
  });

  it('nextWorkingMoment returns working instants unchanged and jumps over lunch', () => {
    expect(nextWorkingMoment(cal, sh('2025-11-12 10:15'))).toBe(sh('2025-11-12 10:15'));
    expect(nextWorkingMoment(cal, sh('2025-11-12 12:10'))).toBe(sh('2025-11-12 13:00'));
    expect(nextWorkingMoment(cal, sh('2025-11-12 07:00'))).toBe(sh('2025-11-12 09:00'));
  });
});

describe('nextWorkdayAt', () => {
  it('is the first working-day HH:MM at or after the instant', () => {
    expect(nextWorkdayAt(cal, sh('2025-11-12 08:00'), '09:00')).toBe(sh('2025-11-12 09:00'));
    expect(nextWorkdayAt(cal, sh('2025-11-12 09:00'), '09:00')).toBe(sh('2025-11-12 09:00'));
    expect(nextWorkdayAt(cal, sh('2025-11-12 09:01'), '09:00')).toBe(sh('2025-11-13 09:00'));
    expect(nextWorkdayAt(cal, sh('2025-09-30 10:00'), '08:30')).toBe(sh('2025-10-09 08:30'));
    expect(() => nextWorkdayAt(cal, sh('2025-11-12 08:00'), '9:00')).toThrow(/HH:MM/);
  });
});

describe('office hours', () => {
  it('start and end of a working day', () => {
    expect(startOfWorkday(cal, '2025-10-09')).toBe(sh('2025-10-09 09:00'));
    expect(endOfWorkday(cal, '2025-10-09')).toBe(sh('2025-10-09 18:00'));
  });

  it('are configurable per county (summer hours with a long lunch)', () => {
    const summer = buildCalendarData({
      fromYear: 2025,
      toYear: 2025,
      workHours: { start: '08:30', end: '18:00', breaks: [{ start: '12:00', end: '14:30' }] },
    });
    expect(addWorkingHours(summer, sh('2025-07-01 11:00'), 2)).toBe(sh('2025-07-01 15:30'));
    expect(endOfWorkday(summer, '2025-07-01')).toBe(sh('2025-07-01 18:00'));
  });

  it('refuses malformed hours when building', () => {
    const build = (workHours: { start: string; end: string; breaks?: { start: string; end: string }[] }) =>
      buildCalendarData({ fromYear: 2025, toYear: 2025, workHours });
    expect(() => build({ start: '18:00', end: '09:00' })).toThrow(/after/);
    expect(() => build({ start: '09:00', end: '18:00', breaks: [{ start: '08:00', end: '10:00' }] })).toThrow(/inside/);
    expect(() => build({ start: '09:00', end: '18:00', breaks: [{ start: '24:00', end: '25:00' }] })).toThrow(/HH:MM/);
  });
});
