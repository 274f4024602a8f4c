import { describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../../../app/demo/county.js';
import {
  FEN_PER_WAN,
  formatWan,
  formatYuan,
  type LoanFigureInput,
  monthlyCollection,
  newLoans,
  parseAmount,
  percentOf,
  targetProgress,
  yearElapsedPercent,
} from '../../../domain/loans/index.js';
import { calendar } from '../calendar/fixtures.js';
import { JUNE_FIGURES } from './fixture-loans.js';
import { fixtureLoans } from './helpers.js';

const townships = buildDemoOrg()
  .units.filter((u) => u.kind === 'township')
  .map((u) => ({ id: u.id, name: u.name }));

/** The fixture ledger after the loan workflow test's actions (see fixture-loans.ts). */
function ledgerAfterJune(): LoanFigureInput[] {
  return fixtureLoans().map(({ loan, status, repaidFen }) => {
    const base = { ...loan, status, repayments: repaidFen ? [{ amountFen: repaidFen, on: loan.dueOn }] : [] };
    if (loan.id === 'XD2024-001') {
      return {
        ...base,
        status: 'repaid' as const,
        repayments: [
          { amountFen: 2 * FEN_PER_WAN, on: '2024-06-06' },
          { amountFen: 3 * FEN_PER_WAN, on: '2024-06-26' },
        ],
      };
    }
    return loan.id === 'XD2024-003' ? { ...base, dueOn: '2024-12-20' } : base;
  });
}

describe('monthly collection figures per township', () => {
  it('June 2024: due, collected, overdue and rate match the fixture', () => {
    const june = monthlyCollection(ledgerAfterJune(), townships, '2024-06');
    const by = Object.fromEntries(june.townships.map(({ townshipId, townshipName, ...f }) => [townshipId, f]));
    expect(by.xiaojie).toEqual(JUNE_FIGURES.xiaojie);
    expect(by.yanglin).toEqual(JUNE_FIGURES.yanglin);
    expect(by.niulanjiang).toEqual(JUNE_FIGURES.niulanjiang);
    expect(june.total).toEqual(JUNE_FIGURES.total);
    expect(june.townships.map((t) => t.townshipName)).toContain('小街镇');
  });

  it('counts repayments up to the cut-off only: on 6/25 the second half of XD2024-001 was still owed', () => {
    const early = monthlyCollection(ledgerAfterJune(), townships, '2024-06', '2024-06-25');
    const xiaojie = early.townships.find((t) => t.townshipId === 'xiaojie')!;
    expect([xiaojie.collectedFen, xiaojie.overdueCount, xiaojie.overdueFen, xiaojie.rate]).toEqual([
      5 * FEN_PER_WAN,
      1,
      3 * FEN_PER_WAN,
      62.5,
    ]);
  });
});

describe('新增贷款 against the year’s target and 序时进度', () => {
  // The seed: 2024 target 500 万元; by mid-year 39 households, 193 万元.
  const issued: LoanFigureInput[] = Array.from({ length: 39 }, (_, i) => ({
    id: `XD2024-N${String(i + 1).padStart(2, '0')}`,
    townshipId: townships[i % townships.length]!.id,
    household: `户${i + 1}`,
    villageId: `${townships[i % townships.length]!.id}-v${(i % 3) + 1}`,
    amountFen: (i === 0 ? 3 : 5) * FEN_PER_WAN,
    issuedOn: `2024-0${(i % 6) + 1}-15`,
    dueOn: `2025-0${(i % 6) + 1}-15`,
    status: 'active',
    repayments: [],
  }));

  it('39 households, 193 万元 by 30 June: 38.6% against 50% — 11.4 points behind, 黄', () => {
    const n = newLoans([...issued, ...ledgerAfterJune()], 2024, '2024-06-30');
    expect([n.households, n.count, formatWan(n.amountFen)]).toEqual([39, 39, '193.00']);
    const t = targetProgress(calendar, {
      year: 2024,
      targetFen: 500 * FEN_PER_WAN,
      actualFen: n.amountFen,
      asOf: '2024-06-30',
    });
    expect([t.actualPercent, t.plannedPercent, t.behindPoints, t.light]).toEqual([38.6, 50, 11.4, 'yellow']);
    expect(t.summary).toBe('完成 38.6%，序时进度 50.0%，落后 11.4 个百分点（黄灯）');
  });

  it('序时进度 of an annual target runs by month', () => {
    expect(yearElapsedPercent(2024, '2024-03-31')).toBe(25);
    expect(yearElapsedPercent(2024, '2024-06-15')).toBe(45.8);
    expect(yearElapsedPercent(2024, '2024-12-31')).toBe(100);
    const ahead = targetProgress(calendar, {
      year: 2024,
      targetFen: 500 * FEN_PER_WAN,
      actualFen: 300 * FEN_PER_WAN,
      asOf: '2024-06-30',
    });
    expect([ahead.light, ahead.behindPoints]).toEqual(['green', -10]);
  });
});

describe('money in 分', () => {
  it('parses what people type and rounds rates as a report does', () => {
    expect(parseAmount('4.85', 'wan')).toBe(4_850_000);
    expect(parseAmount('1,182.62', 'wan')).toBe(1_182_620_000);
    expect(parseAmount('20000', 'yuan')).toBe(2_000_000);
    expect(parseAmount('12.345', 'yuan')).toBeUndefined();
    expect(parseAmount('-1', 'wan')).toBeUndefined();
    expect(parseAmount('五万', 'wan')).toBeUndefined();
    expect([formatWan(1_182_620_000), formatYuan(5_000_000), formatYuan(123_456)]).toEqual([
      '1182.62',
      '50,000.00',
      '1,234.56',
    ]);
    expect([percentOf(13, 15), percentOf(1, 0)]).toEqual([86.67, undefined]);
  });
});
