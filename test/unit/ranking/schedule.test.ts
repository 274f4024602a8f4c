import { describe, expect, it } from 'vitest';
import { monthRankedAt, runOf, upcomingRuns } from '../../../domain/ranking/index.js';
import { calendar } from '../calendar/fixtures.js';

const day = { workdayOfMonth: 3, time: '09:00' };

describe('when the monthly run happens', () => {
  it('is the 3rd working day of the month, counting make-up Saturdays and skipping holidays', () => {
    // October 2025: 1–8 National Day, Saturday the 11th is a make-up working day.
    expect(runOf(calendar, '2025-10', day)).toEqual({
      date: '2025-10-11',
      at: '2025-10-11T09:00:00+08:00',
      month: '2025-09',
    });
    // February 2026: Spring Festival 15–23 Feb does not touch the first working days.
    expect(runOf(calendar, '2026-02', day).date).toBe('2026-02-04');
    // January 2026: New Year's Day 1–3 Jan, Sunday the 4th is a make-up working day.
    expect(runOf(calendar, '2026-01', day).date).toBe('2026-01-06');
  });

  it('lists the next runs after an instant, ranking the month before each', () => {
    const runs = upcomingRuns(calendar, '2025-10-11T09:00:00+08:00', day, 3);
    expect(runs.map((r) => [r.date, r.month])).toEqual([
      ['2025-11-05', '2025-10'],
      ['2025-12-03', '2025-11'],
      ['2026-01-06', '2025-12'],
    ]);
    expect(upcomingRuns(calendar, '2025-10-11T08:59:00+08:00', day, 1)[0]?.date).toBe('2025-10-11');
  });

  it('stops where the calendar stops instead of guessing holidays', () => {
    const runs = upcomingRuns(calendar, '2027-10-01T00:00:00+08:00', day, 12);
    expect(runs.map((r) => r.month)).toEqual(['2027-09', '2027-10', '2027-11']);
  });

  it('ranks the previous month, Shanghai time', () => {
    expect(monthRankedAt('2026-01-06T01:00:00Z')).toBe('2025-12');
    expect(monthRankedAt('2025-12-31T16:30:00Z')).toBe('2025-12');
  });
});
