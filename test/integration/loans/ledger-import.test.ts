import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { projectSheetRows } from '../../../app/demo/seed-projects.js';
import { listLoanEvents } from '../../../db/loans/loans.js';
import { loanFiguresReport } from '../../../services/loans/figures-report.js';
import { importLoans } from '../../../services/loans/import-loans.js';
import { projectFiguresReport } from '../../../services/projects/figures-report.js';
import { importProjects } from '../../../services/projects/import-projects.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { loanWorkbook, projectWorkbook, workbook } from '../../support/ledger-workbooks.js';
import { LOAN_HEADER, LOAN_ROWS, TARGET_ROWS } from '../../unit/loans/fixture-loans.js';

let db: TestDatabase;
const meta = { by: 'p-caizheng-staff', at: '2024-06-03T09:00:00+08:00' };

const count = async (table: 'loans' | 'loan_events' | 'loan_targets' | 'projects' | 'project_events') =>
  Number(
    (
      await db.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
});

afterAll(async () => {
  await db?.drop();
});

describe('importing the 小额信贷 ledger from Excel', () => {
  it('a file with a bad row names sheet, row and reason and imports nothing', async () => {
    const rows = LOAN_ROWS.map((r) => [...r]);
    rows[1]![4] = '2024-13-01'; // row 3 in Excel: no such month
    rows[3]![2] = '昆明村'; // row 5: no such village
    const r = await importLoans(db.db, await loanWorkbook(rows), meta);
    expect(r).toEqual({
      ok: false,
      errors: [
        '「贷款台账」第 3 行：发放日期“2024-13-01”不是有效日期',
        '「贷款台账」第 5 行：找不到村（社区）“昆明村”',
      ],
    });
    expect(await Promise.all([count('loans'), count('loan_events'), count('loan_targets')])).toEqual([0, 0, 0]);
  });

  it('a file that is not Excel, or lacks a column, is refused with the reason', async () => {
    expect(await importLoans(db.db, Buffer.from('户主,金额\n李建华,5'), meta)).toEqual({
      ok: false,
      errors: ['文件不是有效的 Excel（.xlsx）文件'],
    });
    const noStatus = await workbook({ 贷款台账: [LOAN_HEADER.slice(0, 6), ...LOAN_ROWS.map((r) => r.slice(0, 6))] });
    expect(await importLoans(db.db, noStatus, meta)).toEqual({
      ok: false,
      errors: ['「贷款台账」第 1 行缺少列：状态'],
    });
  });

  it('a good file imports every loan with its audit event and the year’s target; real date and number cells read as typed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('贷款台账');
    ws.addRows([LOAN_HEADER, ...LOAN_ROWS]);
    // A clerk's sheet mixes kinds: a real date cell and a number cell in the first loan's row.
    ws.getCell('F2').value = new Date(Date.UTC(2024, 5, 21));
    ws.getCell('D2').value = 5;
    wb.addWorksheet('年度任务').addRows(TARGET_ROWS);
    const r = await importLoans(db.db, Buffer.from(await wb.xlsx.writeBuffer()), meta);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.loans.map((l) => [l.loan.id, l.status, l.loan.cadreId])).toEqual([
      ['XD2024-001', 'active', 'p-xiaojie-v1-cadre'],
      ['XD2024-002', 'repaid', 'p-xiaojie-v2-cadre'],
      ['XD2024-003', 'active', 'p-yanglin-v1-cadre'],
      ['XD2024-004', 'active', 'p-yanglin-v2-cadre'],
      ['XD2024-005', 'overdue', 'p-niulanjiang-v1-cadre'],
      ['XD2024-006', 'active', 'p-niulanjiang-v2-cadre'],
    ]);
    expect(r.loans[0]!.loan).toMatchObject({ dueOn: '2024-06-21', amountFen: 5_000_000 });
    expect(r.target).toEqual({ year: 2024, amountFen: 500_000_000 });
    expect(await Promise.all([count('loans'), count('loan_events'), count('loan_targets')])).toEqual([6, 6, 1]);
    const [imported] = await listLoanEvents(db.db, 'XD2024-001');
    expect(imported).toMatchObject({ type: 'imported', seq: 1, actorId: 'p-caizheng-staff', at: meta.at });
    const row = await db.db.selectFrom('loans').selectAll().where('id', '=', 'XD2024-005').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'overdue',
      amount_fen: '5000000',
      repaid_fen: '1000000',
      township_id: 'niulanjiang',
    });
  });

  it('importing the same loans again adds nothing and says which are already there', async () => {
    const r = await importLoans(db.db, await loanWorkbook(LOAN_ROWS.slice(0, 2)), meta);
    expect(r).toEqual({
      ok: false,
      errors: [
        '「贷款台账」第 2 行：贷款编号 XD2024-001 已在台账中，不能重复导入',
        '「贷款台账」第 3 行：贷款编号 XD2024-002 已在台账中，不能重复导入',
      ],
    });
    expect(await count('loans')).toBe(6);
  });

  it('the figures command reads the imported ledger', async () => {
    const lines = await loanFiguresReport(db.db, '2024-06');
    expect(lines[0]).toBe('2024年6月小额信贷回收情况（截至 2024-06-30，金额单位：万元）');
    // As imported: 小街镇 8 万 due (XD2024-002 repaid, XD2024-001 not), 杨林镇 6 万 due, nothing collected.
    expect(lines.find((l) => l.startsWith('小街镇'))).toMatch(/2 笔\s+8\.00\s+3\.00\s+1 笔\s+5\.00\s+37\.50%$/);
    expect(lines.find((l) => l.startsWith('杨林镇'))).toMatch(/2 笔\s+6\.00\s+0\.00\s+2 笔\s+6\.00\s+0\.00%$/);
    expect(lines.at(-1)).toBe('年度任务 500.00 万元：完成 0.0%，序时进度 50.0%，落后 50.0 个百分点（红灯）');
  });
});

describe('importing the 衔接资金 project ledger from Excel', () => {
  it('a file with a bad row names sheet, row and reason and imports nothing', async () => {
    const rows = projectSheetRows().map((r) => [...r]);
    rows[4]![8] = '2024-02-30'; // 计划完工日期 of the 4th project, row 5
    rows[9]![5] = '一百'; // 中央衔接资金 of the 9th project, row 10
    const r = await importProjects(db.db, await projectWorkbook(rows), meta);
    expect(r).toEqual({
      ok: false,
      errors: [
        '「项目台账」第 5 行：计划完工日期“2024-02-30”不是有效日期',
        '「项目台账」第 10 行：中央衔接资金（万元）“一百”不是有效金额',
      ],
    });
    expect(await Promise.all([count('projects'), count('project_events')])).toEqual([0, 0]);
  });

  it('the seed’s 15 projects import, and the figures from the ledger are the report’s', async () => {
    const r = await importProjects(db.db, await projectWorkbook(), meta);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.projects).toHaveLength(15);
    expect(await Promise.all([count('projects'), count('project_events')])).toEqual([15, 15]);
    expect(await projectFiguresReport(db.db)).toEqual([
      '衔接资金 2163.04 万元，安排项目 15 个，开工 13 个，开工率 86.67%',
      '其中产业项目 11 个，产业资金 1975.60 万元，占 91.33%',
      '  中央衔接资金 1641.08 万元，用于产业 1464.60 万元，比例 89.25%',
      '  省级衔接资金 521.96 万元，用于产业 511.00 万元，比例 97.90%',
      '已拨付 1182.62 万元，支付进度 54.67%',
      '灯色：绿灯 0 个，黄灯 0 个，红灯 0 个，尚无月报 15 个',
    ]);
  });
});
