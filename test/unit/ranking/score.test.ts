import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_SET,
  NO_OVERRIDES,
  rankMonth,
  scoreVillage,
  sumTenths,
  type VillageScore,
} from '../../../domain/ranking/index.js';
import { EXPECTED, fixtureVillages, MONTH } from './fixture-month.js';

const ranking = rankMonth(MONTH, fixtureVillages(), DEFAULT_RULE_SET, {}, NO_OVERRIDES);
const score = (id: string): VillageScore => ranking.scores.find((s) => s.villageId === id)!;

describe('scoring a month of the demo county', () => {
  it('gives every ranked village the score worked out by hand', () => {
    const got = Object.fromEntries(ranking.scores.filter((s) => s.ranked).map((s) => [s.villageId, s.tenths / 10]));
    expect(got).toEqual(EXPECTED);
  });

  it('explains every score: the breakdown adds up, and each line names its inspection or item', () => {
    for (const s of ranking.scores) {
      expect(sumTenths(s.lines)).toBe(s.tenths);
      for (const line of s.lines) {
        if (line.kind === 'inspection') expect(line.ref).toEqual({ kind: 'inspection', id: expect.any(String) });
        if (line.kind === 'on_time' || line.kind === 'deduction') expect(line.ref?.kind).toBe('item');
        expect(line.detail.length).toBeGreaterThan(4);
      }
    }
  });

  it('links 大箐村 points to its inspections and items, with the reasons in Chinese', () => {
    const dq = score('niulanjiang-v1');
    expect(dq.lines.map((l) => [l.id, l.tenths])).toEqual([
      ['insp:insp-2024-06-niulanjiang-v1-toilet', 96],
      ['insp:insp-2024-06-niulanjiang-v1-garbage', 88],
      ['insp:insp-2024-06-niulanjiang-v1-sewage', 104],
      ['insp:insp-2024-06-niulanjiang-v1-appearance', 112],
      ['insp:insp-2024-06-niulanjiang-v1-maintenance', 96],
      ['item:RH-T-DQ-1:on_time', 100],
      ['item:RH-T-DQ-2:on_time', 0],
      ['item:RH-T-DQ-2:overdue', -20],
      ['item:RH-T-DQ-2:escalated', -30],
    ]);
    expect(dq.lines[1]!.detail).toContain('河道垃圾堆积');
    expect(dq.lines[6]!.detail).toBe('《大箐村垃圾收集点建设》到期未办结（期限6月21日），不得分（应得 10.0 分）');
    expect(dq.lines[8]!.detail).toBe('《大箐村垃圾收集点建设》6月28日升级至分管县领导督办');
    expect(dq.lines[8]!.ref).toEqual({ kind: 'item', id: 'RH-T-DQ-2', seq: 6 });
  });

  it('never counts cancelled items, and assesses against the original deadline, not an extended one', () => {
    const lm = score('yanglin-v1');
    expect(lm.lines.find((l) => l.kind === 'no_items')?.tenths).toBe(200);
    expect(JSON.stringify(lm.lines)).not.toContain('RH-T-LM-1');
    const bj = score('songyang-v1').lines.find((l) => l.id === 'item:RH-T-BJ-2:on_time')!;
    expect(bj.tenths).toBe(0);
    expect(bj.detail).toContain('逾期办结（期限6月20日，6月27日办结）');
  });

  it('counts an item overdue from an earlier month as overdue at this month end', () => {
    const db = score('xiaojie-v2');
    expect(db.lines.filter((l) => l.kind === 'deduction').map((l) => l.id)).toEqual([
      'item:RH-T-DB-0:overdue',
      'item:RH-T-DB-1:overdue',
    ]);
    expect(db.facts).toMatchObject({ due: 1, onTime: 0, notDone: 1, overdueOpen: 2 });
  });

  it('caps a deduction at the rule table’s limit and floors the score at zero, still adding up', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({
      id: `X-${i}`,
      title: `积压事项${i + 1}`,
      status: 'in_progress',
      originalDueAt: '2024-05-10T18:00:00+08:00',
      returns: [],
      escalations: [],
    }));
    const village = { ...fixtureVillages()[0]!, inspections: [], items: many };
    const s = scoreVillage(village, DEFAULT_RULE_SET, MONTH, NO_OVERRIDES);
    const overdue = s.lines.filter((l) => l.kind === 'deduction');
    expect(overdue.map((l) => l.tenths)).toEqual([-20, -20, -20, -20, -20, 0, 0]);
    expect(overdue[5]!.detail).toContain('已达本项扣分上限 10 分');
    // No inspections, no items due in June: 20 for the on-time part, −10 overdue.
    expect(s.tenths).toBe(100);
    expect(s.ranked).toBe(false);
    expect(sumTenths(s.lines)).toBe(s.tenths);

    const hopeless = scoreVillage(
      village,
      {
        ...DEFAULT_RULE_SET,
        items: {
          ...DEFAULT_RULE_SET.items,
          onTimeWeight: 20,
          deductions: [{ measure: 'overdue_open', label: '逾期未办结', points: 30, cap: 100 }],
        },
      },
      MONTH,
      NO_OVERRIDES,
    );
    // 20 on time − 100 (the cap) = −80, lifted back to 0 by an explicit line.
    expect(hopeless.tenths).toBe(0);
    expect(hopeless.lines.at(-1)).toMatchObject({ kind: 'floor', tenths: 800 });
  });

  it('applies accepted appeals: a voided inspection is missing data, an excluded item drops out', () => {
    const fg = fixtureVillages().find((v) => v.villageId === 'yangqiao-v3')!;
    const excluded = scoreVillage(fg, DEFAULT_RULE_SET, MONTH, {
      voidedInspectionIds: [],
      excludedItemIds: ['RH-T-FG-2'],
    });
    expect(excluded.tenths).toBe(856);
    const voided = scoreVillage(fg, DEFAULT_RULE_SET, MONTH, {
      voidedInspectionIds: ['insp-2024-06-yangqiao-v3-sewage'],
      excludedItemIds: [],
    });
    expect(voided.ranked).toBe(false);
    expect(voided.facts.missingDimensions).toEqual(['污水']);
  });
});
