import { describe, expect, it } from 'vitest';
import { parseLoanRow } from '../../../domain/loans/index.js';
import { sheetRows } from '../projects/helpers.js';
import { LOAN_HEADER, LOAN_ROWS } from './fixture-loans.js';
import { fixtureLoans, loanImportContext } from './helpers.js';

const errors = (change: Partial<Record<string, string>>, base = LOAN_ROWS[0]!) => {
  const row = LOAN_HEADER.map((h, i) => change[h] ?? base[i]!);
  const r = parseLoanRow(sheetRows([LOAN_HEADER, row], '贷款台账')[0]!, loanImportContext);
  return r.ok ? [] : r.errors;
};

describe('a loan ledger row', () => {
  it('becomes a loan in 分 with its village, township and collection cadre', () => {
    const [first, second, , , fifth] = fixtureLoans();
    expect(first).toEqual({
      loan: {
        id: 'XD2024-001',
        household: '李建华',
        villageId: 'xiaojie-v1',
        townshipId: 'xiaojie',
        cadreId: 'p-xiaojie-v1-cadre',
        amountFen: 5_000_000,
        issuedOn: '2023-06-21',
        dueOn: '2024-06-21',
      },
      status: 'active',
      repaidFen: 0,
    });
    expect([second!.status, second!.repaidFen]).toEqual(['repaid', 3_000_000]);
    expect([fifth!.status, fifth!.repaidFen, fifth!.loan.villageId]).toEqual(['overdue', 1_000_000, 'niulanjiang-v1']);
  });

  it('names sheet, row and reason for every problem', () => {
    expect(errors({ 贷款编号: '' })).toEqual(['「贷款台账」第 2 行：缺少贷款编号']);
    expect(errors({ '村（社区）': '昆明村' })).toEqual(['「贷款台账」第 2 行：找不到村（社区）“昆明村”']);
    expect(errors({ '贷款金额（万元）': '五万' })).toEqual([
      '「贷款台账」第 2 行：贷款金额“五万”不是大于 0 的数字（单位：万元）',
    ]);
    expect(errors({ 到期日期: '2024-02-30' })).toEqual(['「贷款台账」第 2 行：到期日期“2024-02-30”不是有效日期']);
    expect(errors({ 到期日期: '2023-01-01' })).toEqual([
      '「贷款台账」第 2 行：到期日期 2023-01-01 须晚于发放日期 2023-06-21',
    ]);
    expect(errors({ 状态: '呆账' })).toEqual(['「贷款台账」第 2 行：状态“呆账”应为 正常、展期、逾期 或 已结清']);
    expect(errors({ '已还金额（万元）': '6' })).toEqual(['「贷款台账」第 2 行：已还金额超过贷款金额']);
    expect(errors({ 状态: '已结清', '已还金额（万元）': '2' })).toEqual([
      '「贷款台账」第 2 行：状态为已结清，但已还金额不等于贷款金额',
    ]);
    expect(errors({ 状态: '逾期' })).toEqual(['「贷款台账」第 2 行：状态为逾期，但到期日期 2024-06-21 还未过']);
  });

  it('accepts dates as people write them', () => {
    expect(errors({ 发放日期: '2023年6月21日', 到期日期: '2024/6/21' })).toEqual([]);
  });
});
