import type { CollectionFigures } from '../../../domain/loans/index.js';

/**
 * A small 小额信贷 ledger for 2024 in the demo county, as the county would fill it in (amounts in 万元). The
 * loan workflow test imports it on 2024-06-03 and then: records a partial repayment of 20 000 元 on XD2024-001 on
 * 6/6 and the rest on 6/26 (after it went overdue), and grants XD2024-003 a 展期 to 2024-12-20.
 */
export const LOAN_HEADER = [
  '贷款编号',
  '户主',
  '村（社区）',
  '贷款金额（万元）',
  '发放日期',
  '到期日期',
  '状态',
  '已还金额（万元）',
];

export const LOAN_ROWS: string[][] = [
  ['XD2024-001', '李建华', '匡郎村', '5', '2023-06-21', '2024-06-21', '正常', ''],
  ['XD2024-002', '王秀英', '墩白村', '3', '2023-06-14', '2024-06-14', '已结清', '3'],
  ['XD2024-003', '张国强', '兰茂村', '4', '2023-06-20', '2024-06-20', '正常', ''],
  ['XD2024-004', '刘玉兰', '大哨村', '2', '2023-06-28', '2024-06-28', '正常', '0'],
  ['XD2024-005', '陈志刚', '大箐村', '5', '2023-05-31', '2024-05-31', '逾期', '1'],
  ['XD2024-006', '杨春梅', '小坝村', '1.5', '2023-07-15', '2024-07-15', '正常', ''],
];

/** The year's 新增贷款 target (the seed: 500 万元). */
export const TARGET_ROWS: string[][] = [
  ['年度', '新增贷款任务（万元）'],
  ['2024', '500'],
];

const wan = (n: number) => n * 1_000_000;

/**
 * June 2024, as of 6/30, after the workflow test's actions. 小街镇: XD2024-001 (5 万, repaid 2 + 3 by 6/26) and
 * XD2024-002 (3 万, 已结清 at import) — all collected. 杨林镇: XD2024-003 moved to December by its 展期, so only
 * XD2024-004 (2 万, due 6/28) fell due, unpaid: overdue. 牛栏江镇: nothing fell due in June.
 */
export const JUNE_FIGURES: Record<'xiaojie' | 'yanglin' | 'niulanjiang' | 'total', CollectionFigures> = {
  xiaojie: { dueCount: 2, dueFen: wan(8), collectedFen: wan(8), overdueCount: 0, overdueFen: 0, rate: 100 },
  yanglin: { dueCount: 1, dueFen: wan(2), collectedFen: 0, overdueCount: 1, overdueFen: wan(2), rate: 0 },
  niulanjiang: { dueCount: 0, dueFen: 0, collectedFen: 0, overdueCount: 0, overdueFen: 0, rate: undefined },
  total: { dueCount: 3, dueFen: wan(10), collectedFen: wan(8), overdueCount: 1, overdueFen: wan(2), rate: 80 },
};
