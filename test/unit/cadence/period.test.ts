import { describe, expect, it } from 'vitest';
import { CADENCES, cadenceDeadlines, cadenceItemId, isoWeek, periodOf } from '../../../domain/cadence/index.js';
import { calendar, sh } from '../calendar/fixtures.js';

const monthly = CADENCES['county-monthly'];
const half = CADENCES['township-halfmonth'];
const weekly = CADENCES['village-weekly'];

describe('"by the 5th" moves to the next working day', () => {
  it('October 2025: the 5th is in 国庆 (1–8 off), so the monthly 调度 is due Thursday 9 October', () => {
    expect(periodOf(monthly, '2025-10-01', calendar)).toEqual({
      key: '2025-10',
      label: '2025年10月',
      startDate: '2025-10-01',
      endDate: '2025-10-31',
      dueDate: '2025-10-09',
    });
  });

  it('on a plain working day it stays put; on a weekend it moves to Monday', () => {
    expect(periodOf(monthly, '2025-11-01', calendar).dueDate).toBe('2025-11-05');
    expect(periodOf(monthly, '2025-04-01', calendar).dueDate).toBe('2025-04-07'); // 5 April 2025 is 清明 (Saturday)
  });

  it('half-monthly 研判: the 5th for the first half, the 20th for the second', () => {
    expect(periodOf(half, '2026-04-01', calendar)).toMatchObject({ key: '2026-04-A', dueDate: '2026-04-07' });
    expect(periodOf(half, '2025-12-16', calendar)).toMatchObject({
      key: '2025-12-B',
      label: '2025年12月下半月',
      startDate: '2025-12-16',
      endDate: '2025-12-31',
      dueDate: '2025-12-22', // the 20th is a Saturday
    });
  });
});

describe('weekly 排查 is due on the week’s last working day', () => {
  it('Friday in an ordinary week', () => {
    expect(periodOf(weekly, '2026-03-04', calendar)).toMatchObject({
      key: '2026-W10',
      startDate: '2026-03-02',
      endDate: '2026-03-08',
      dueDate: '2026-03-06',
    });
  });

  it('across 春节 2026: the 调休 Saturday before, the first working day after an all-holiday week, the 调休 Saturday after', () => {
    expect(periodOf(weekly, '2026-02-09', calendar).dueDate).toBe('2026-02-14');
    expect(periodOf(weekly, '2026-02-16', calendar)).toMatchObject({
      key: '2026-W08',
      label: '2026年第8周（2月16日—2月22日）',
      dueDate: '2026-02-24',
    });
    expect(periodOf(weekly, '2026-02-23', calendar).dueDate).toBe('2026-02-28');
  });

  it('the week 国庆 starts in is due before the holiday', () => {
    expect(periodOf(weekly, '2025-09-29', calendar).dueDate).toBe('2025-09-30');
  });

  it('numbers weeks the ISO way at year ends', () => {
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(periodOf(weekly, '2027-01-01', calendar).key).toBe('2026-W53');
  });
});

describe('an item’s two clocks', () => {
  it('due at the close of the due day; 签收 within a working day but never after the deadline', () => {
    const october = periodOf(monthly, '2025-10-01', calendar);
    expect(cadenceDeadlines(calendar, october, sh('2025-10-01 08:30'))).toEqual({
      signBy: '2025-10-09T18:00:00+08:00',
      dueAt: '2025-10-09T18:00:00+08:00',
    });
    const november = periodOf(monthly, '2025-11-01', calendar);
    expect(cadenceDeadlines(calendar, november, sh('2025-11-03 08:30'))).toEqual({
      signBy: '2025-11-04T18:00:00+08:00',
      dueAt: '2025-11-05T18:00:00+08:00',
    });
  });

  it('a period opened after its due day (a late catch-up) gets one working day, never an item born overdue', () => {
    const november = periodOf(monthly, '2025-11-01', calendar);
    expect(cadenceDeadlines(calendar, november, sh('2025-11-06 10:00')).dueAt).toBe('2025-11-07T18:00:00+08:00');
  });

  it('ids are deterministic per cadence, period and unit', () => {
    expect(cadenceItemId('village-weekly', '2026-W08', 'xiaojie-v1')).toBe('CD-village-weekly-2026-W08-xiaojie-v1');
  });
});
