import { describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { lightOf, plannedPercent } from '../../../domain/lights.js';

const cal = buildCalendarData({ fromYear: 2025, toYear: 2026 });

describe('lights (红黄绿灯)', () => {
  it('green with time to spare, yellow within two working days, red once overdue', () => {
    const due = '2025-09-30T18:00:00+08:00';
    expect(lightOf(cal, { now: '2025-09-24T10:00:00+08:00', dueAt: due }).light).toBe('green');
    // 9/28 is a 调休 Sunday: from Friday 9/26 the deadline is two working days away (9/28, 9/29 … 9/30 = 3).
    expect(lightOf(cal, { now: '2025-09-26T10:00:00+08:00', dueAt: due })).toMatchObject({
      light: 'green',
      workdaysLeft: 3,
    });
    expect(lightOf(cal, { now: '2025-09-28T10:00:00+08:00', dueAt: due })).toMatchObject({
      light: 'yellow',
      workdaysLeft: 2,
    });
    const late = lightOf(cal, { now: '2025-10-09T10:00:00+08:00', dueAt: due });
    expect(late.light).toBe('red');
    expect(late.reasons).toEqual(['已逾期 1 个工作日']);
  });

  it('behind 序时进度: 10–30 points yellow, more than 30 red', () => {
    const base = { now: '2025-06-02T10:00:00+08:00', dueAt: '2025-12-31T18:00:00+08:00' };
    expect(lightOf(cal, { ...base, plannedPercent: 50, actualPercent: 45 }).light).toBe('green');
    expect(lightOf(cal, { ...base, plannedPercent: 50, actualPercent: 30 })).toMatchObject({
      light: 'yellow',
      behindPoints: 20,
    });
    expect(lightOf(cal, { ...base, plannedPercent: 60, actualPercent: 20 })).toMatchObject({
      light: 'red',
      behindPoints: 40,
    });
  });

  it('序时进度 counts working days, so the 国庆 week adds nothing', () => {
    const start = '2025-09-26T09:00:00+08:00';
    const due = '2025-10-17T18:00:00+08:00';
    const beforeHoliday = plannedPercent(cal, start, due, '2025-09-30T18:00:00+08:00');
    const afterHoliday = plannedPercent(cal, start, due, '2025-10-08T18:00:00+08:00');
    expect(afterHoliday).toBe(beforeHoliday);
    expect(plannedPercent(cal, start, due, due)).toBe(100);
  });
});
