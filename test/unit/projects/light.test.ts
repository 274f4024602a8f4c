import { describe, expect, it } from 'vitest';
import {
  adjustmentReason,
  periodEnd,
  plannedProgress,
  planProject,
  projectLight,
  requestTime,
} from '../../../domain/projects/index.js';
import { calendar } from '../calendar/fixtures.js';
import { projectState } from './helpers.js';

// Planned 2024-04-01 → 2024-11-29: 168 working days on 2024's calendar (清明 4/4–4/6 and 5/1–5/5 off,
// 4/7 and 4/28, 5/11 make-up days count; 端午 6/10, 中秋 9/16–9/17, 国庆 10/1–10/7 off; 9/14, 9/29, 10/12 work).
const project = projectState({ plannedStart: '2024-04-01', plannedFinish: '2024-11-29', milestones: [] }).project;

describe('序时进度 of a project, by working days', () => {
  it('grows per working day from the planned start to the planned finish', () => {
    expect(plannedProgress(calendar, project, '2024-03-31T18:00:00+08:00')).toBe(0);
    expect(plannedProgress(calendar, project, periodEnd('2024-06'))).toBe(37); // 62 of 168 working days (April 22, May 21, June 19)
    expect(plannedProgress(calendar, project, periodEnd('2024-07'))).toBe(51); // 85 of 168
    expect(plannedProgress(calendar, project, '2024-11-29T18:00:00+08:00')).toBe(100);
  });

  it('milestones bend the line: even growth between two points', () => {
    const bent = { ...project, milestones: [{ date: '2024-06-28', percent: 20, name: '基础施工' }] };
    expect(plannedProgress(calendar, bent, periodEnd('2024-06'))).toBe(20);
    // July: 23 of the 106 working days from 6/29 to 11/29, from 20% towards 100%: 20 + 80 × 23 / 106 = 37.4.
    expect(plannedProgress(calendar, bent, periodEnd('2024-07'))).toBe(37);
  });
});

describe('the light and the 调整程序 rule', () => {
  const started = { started: true, startedOn: '2024-04-08', paidFen: 0 };

  it('10–30 points behind 序时进度 is 黄; more than 30 is 红 and opens the 调整程序', () => {
    const june = projectLight(calendar, project, { ...started, percent: 22 }, periodEnd('2024-06'));
    expect(june).toMatchObject({ light: 'yellow', plannedPercent: 37, behindPoints: 15 });
    expect(june.reasons).toEqual(['落后序时进度 15 个百分点']);
    expect(adjustmentReason(project, { ...started, percent: 22 }, june)).toBeUndefined();
    const july = projectLight(calendar, project, { ...started, percent: 18 }, periodEnd('2024-07'));
    expect(july).toMatchObject({ light: 'red', plannedPercent: 51, behindPoints: 33 });
    expect(adjustmentReason(project, { ...started, percent: 18 }, july)).toBe(
      '完成进度 18%，落后序时进度（51%）33 个百分点，超过 30 个百分点',
    );
  });

  it('on track is 绿; the configured threshold decides when the 调整程序 opens', () => {
    const green = projectLight(calendar, project, { ...started, percent: 35 }, periodEnd('2024-06'));
    expect(green.light).toBe('green');
    const strict = { ...project, adjustBehindPoints: 10 };
    const yellow = projectLight(calendar, strict, { ...started, percent: 22 }, periodEnd('2024-06'));
    expect(adjustmentReason(strict, { ...started, percent: 22 }, yellow)).toContain('超过 10 个百分点');
  });

  it('not started by the planned start is 红 and opens the 调整程序; before it, nothing is due', () => {
    const late = { ...project, plannedStart: '2024-05-06' };
    const notStarted = { started: false, percent: 0, paidFen: 0 };
    const may = projectLight(calendar, late, notStarted, periodEnd('2024-04'));
    expect(may).toMatchObject({ light: 'green', plannedPercent: 0, notStarted: false });
    const june = projectLight(calendar, late, notStarted, periodEnd('2024-06'));
    expect(june).toMatchObject({ light: 'red', notStarted: true });
    expect(adjustmentReason(late, notStarted, june)).toBe('计划 2024-05-06 开工，截至 2024-06-30 仍未开工');
  });

  it('a finished project is 绿 even after its planned finish', () => {
    const done = projectLight(calendar, project, { ...started, percent: 100 }, periodEnd('2024-12'));
    expect(done).toMatchObject({ light: 'green', reasons: ['已完工'] });
  });
});

describe('when reports are asked for', () => {
  it('at the opening of the first working day of the month after the period', () => {
    expect(requestTime(calendar, '2024-06')).toBe('2024-07-01T09:00:00+08:00');
    expect(requestTime(calendar, '2024-09')).toBe('2024-10-08T09:00:00+08:00'); // after 国庆
    expect(requestTime(calendar, '2025-01')).toBe('2025-02-05T09:00:00+08:00'); // after 春节 (1/28–2/4)
  });

  it('from the month of the import, one period at a time, then chased once after 3 working days', () => {
    const state = projectState({}, '2024-06-28T10:00:00+08:00');
    expect(planProject(state, calendar, '2024-06-28T10:00:00+08:00')).toEqual({
      due: [],
      nextAt: '2024-07-01T09:00:00+08:00',
    });
    expect(planProject(state, calendar, '2024-07-01T09:00:00+08:00').due).toEqual([
      { type: 'request', period: '2024-06' },
    ]);
    const asked = { ...state, requested: ['2024-06'] };
    expect(planProject(asked, calendar, '2024-07-01T09:00:01+08:00')).toEqual({
      due: [],
      nextAt: '2024-07-04T09:00:00+08:00',
    });
    expect(planProject(asked, calendar, '2024-07-04T09:00:00+08:00').due).toEqual([
      { type: 'remind', period: '2024-06' },
    ]);
    const chased = { ...asked, reminded: ['2024-06'] };
    expect(planProject(chased, calendar, '2024-07-04T09:00:01+08:00').nextAt).toBe('2024-08-01T09:00:00+08:00');
    // After an outage only the latest period is asked for.
    expect(planProject(asked, calendar, '2024-09-03T10:00:00+08:00').due).toEqual([
      { type: 'request', period: '2024-08' },
    ]);
  });
});
