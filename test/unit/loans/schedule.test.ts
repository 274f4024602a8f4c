import { describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { overdueTime, planLoan, reminderKey, reminderTime } from '../../../domain/loans/index.js';
import { calendar } from '../calendar/fixtures.js';
import { loanState } from './helpers.js';

describe('loan reminders and the overdue moment, in working days', () => {
  it('10 and 3 working days before the due date, 端午 (6/10) skipped; overdue from the next working day', () => {
    expect(reminderTime(calendar, '2024-06-21', 10)).toBe('2024-06-06T09:00:00+08:00');
    expect(reminderTime(calendar, '2024-06-21', 3)).toBe('2024-06-18T09:00:00+08:00');
    expect(overdueTime(calendar, '2024-06-21')).toBe('2024-06-24T09:00:00+08:00'); // Friday → Monday
    expect(overdueTime(calendar, '2024-09-30')).toBe('2024-10-08T09:00:00+08:00'); // 国庆
  });

  it('wakes for each reminder, then for the overdue step', () => {
    const s = loanState(0); // due 2024-06-21
    expect(planLoan(s, calendar, '2024-06-03T09:00:00+08:00')).toEqual({
      due: [],
      nextAt: '2024-06-06T09:00:00+08:00',
    });
    expect(planLoan(s, calendar, '2024-06-06T09:00:00+08:00').due).toEqual([
      { type: 'remind', key: reminderKey('2024-06-21', 10), workdaysBefore: 10, workdaysLeft: 10 },
    ]);
    const reminded = { ...s, reminded: [reminderKey('2024-06-21', 10)] };
    expect(planLoan(reminded, calendar, '2024-06-06T09:00:01+08:00').nextAt).toBe('2024-06-18T09:00:00+08:00');
    const both = { ...reminded, reminded: [...reminded.reminded, reminderKey('2024-06-21', 3)] };
    expect(planLoan(both, calendar, '2024-06-18T09:00:01+08:00')).toEqual({
      due: [],
      nextAt: '2024-06-24T09:00:00+08:00',
    });
    expect(planLoan(both, calendar, '2024-06-24T09:00:00+08:00').due).toEqual([{ type: 'overdue' }]);
  });

  it('a loan imported late gets only the latest reminder; an overdue one gets its item at once', () => {
    expect(planLoan(loanState(0), calendar, '2024-06-19T15:00:00+08:00').due).toEqual([
      { type: 'remind', key: reminderKey('2024-06-21', 3), workdaysBefore: 3, workdaysLeft: 2 },
    ]);
    expect(planLoan(loanState(4), calendar, '2024-06-03T09:00:00+08:00').due).toEqual([{ type: 'overdue' }]);
  });

  it('a 展期 brings fresh reminders for the new date; a repaid loan needs nothing', () => {
    const extended = { ...loanState(0), dueOn: '2024-12-20', reminded: [reminderKey('2024-06-21', 10)] };
    expect(planLoan(extended, calendar, '2024-06-07T09:00:00+08:00').nextAt).toBe(
      reminderTime(calendar, '2024-12-20', 10),
    );
    expect(planLoan({ ...loanState(0), status: 'repaid' }, calendar, '2024-06-24T09:00:00+08:00')).toEqual({ due: [] });
  });

  it('a loan due beyond the calendar waits for a calendar that covers it', () => {
    const short = buildCalendarData({ fromYear: 2023, toYear: 2026 });
    const plan = planLoan({ ...loanState(0), dueOn: '2027-03-01' }, short, '2024-06-03T09:00:00+08:00');
    expect(plan).toEqual({ due: [], nextAt: '2026-01-02T09:00:00+08:00', needsCalendar: true });
  });
});
