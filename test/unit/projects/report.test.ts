import { describe, expect, it } from 'vitest';
import { FEN_PER_WAN } from '../../../domain/loans/index.js';
import {
  decideReport,
  evolveProject,
  type ProjectEvent,
  type ProjectState,
  type ReportCommand,
  type ReportContext,
} from '../../../domain/projects/index.js';
import { calendar } from '../calendar/fixtures.js';
import { projectState } from './helpers.js';

// XM2024-01: 240 万元 (central 180, provincial 60), planned 2024-03-01 → 2024-10-31, reporter p-xiaojie-staff.
const asked: ProjectState = { ...projectState(), requested: ['2024-06'] };
const ctx: ReportContext = { actorId: 'p-xiaojie-staff', now: '2024-07-02T10:00:00+08:00' };
const report = (r: Partial<ReportCommand> = {}): ReportCommand => ({
  period: '2024-06',
  started: true,
  startedOn: '2024-03-05',
  percent: 60,
  paidFen: 170 * FEN_PER_WAN,
  note: '主体完工',
  ...r,
});
const refusal = (state: ProjectState, r: ReportCommand, c = ctx) => {
  const d = decideReport(state, r, c, calendar);
  return d.ok ? 'accepted' : d.message;
};

describe('a monthly report, checked', () => {
  it('is judged against 序时进度 at the end of the period', () => {
    // 2024-03-01 → 2024-10-31 is 168 working days; 83 have passed by 30 June: 49%.
    const d = decideReport(asked, report(), ctx, calendar);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.event.report).toMatchObject({ period: '2024-06', percent: 60, plannedPercent: 49, light: 'green' });
    expect(d.adjustment).toBeUndefined();
    expect(d.complete).toBe(false);
    const next = evolveProject(asked, { ...d.event, seq: 2, actorId: ctx.actorId, at: ctx.now } as ProjectEvent);
    expect(next.progress).toEqual({ started: true, startedOn: '2024-03-05', percent: 60, paidFen: 170 * FEN_PER_WAN });
    expect(next.light).toBe('green');
    expect(next.reports.map((r) => [r.period, r.by])).toEqual([['2024-06', 'p-xiaojie-staff']]);
  });

  it('comes from the responsible unit only', () => {
    expect(refusal(asked, report(), { ...ctx, actorId: 'p-yanglin-staff' })).toBe('只有项目责任单位的人员可以填报月报');
    expect(refusal(asked, report(), { ...ctx, actorId: 'p-xiaojie-mayor', actorUnitIds: ['xiaojie'] })).toBe(
      'accepted',
    );
  });

  it('answers the open period only', () => {
    expect(refusal(projectState(), report())).toBe('目前没有待填报的月报');
    const later = { ...asked, requested: ['2024-06', '2024-07'] };
    expect(refusal(later, report())).toBe('2024年6月月报已截止，请在2024年7月月报卡片上填报');
  });

  it('names what is wrong with the figures', () => {
    expect(refusal(asked, report({ started: undefined as unknown as boolean }))).toBe('请选择是否已开工');
    expect(refusal(asked, report({ startedOn: '' }))).toBe('请选择开工日期');
    expect(refusal(asked, report({ startedOn: '2024-07-03' }))).toBe('开工日期 2024-07-03 不能晚于今天');
    expect(refusal(asked, report({ percent: 101 }))).toBe('完成进度须为 0–100 的整数');
    expect(refusal(asked, report({ started: false, percent: 5 }))).toBe('未开工的项目完成进度应为 0');
    expect(refusal(asked, report({ paidFen: Number.NaN }))).toBe('请填写累计支付金额（万元），最多六位小数');
    expect(refusal(asked, report({ paidFen: 241 * FEN_PER_WAN }))).toBe('累计支付 241.00 万元超过项目资金 240.00 万元');
    const paid = { ...asked, progress: { ...asked.progress, paidFen: 180 * FEN_PER_WAN } };
    expect(refusal(paid, report())).toBe('累计支付不能少于上次填报的 180.00 万元');
  });

  it('a project 100% done and fully paid is complete; no report is taken after that', () => {
    const d = decideReport(asked, report({ percent: 100, paidFen: 240 * FEN_PER_WAN }), ctx, calendar);
    expect(d.ok && d.complete).toBe(true);
    expect(refusal({ ...asked, status: 'completed' }, report())).toBe('项目已完工并支付完毕，无需再填报');
  });

  it('a correction for the same period replaces the earlier report', () => {
    const first = decideReport(asked, report({ percent: 50 }), ctx, calendar);
    if (!first.ok) throw new Error(first.message);
    const s1 = evolveProject(asked, { ...first.event, seq: 2, actorId: ctx.actorId, at: ctx.now } as ProjectEvent);
    const second = decideReport(s1, report({ percent: 60 }), ctx, calendar);
    if (!second.ok) throw new Error(second.message);
    const s2 = evolveProject(s1, { ...second.event, seq: 3, actorId: ctx.actorId, at: ctx.now } as ProjectEvent);
    expect(s2.reports.map((r) => r.percent)).toEqual([60]);
    expect(s2.seq).toBe(3);
  });
});
