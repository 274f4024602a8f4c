import type { Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays } from '../../domain/calendar/index.js';
import { LOAN_SHEET } from '../../domain/loans/index.js';
import { PROJECT_SHEET } from '../../domain/projects/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { importLoans, TARGET_SHEET } from '../../services/loans/import-loans.js';
import { startLoanWorkflows } from '../../services/loans/loan-service.js';
import { importProjects } from '../../services/projects/import-projects.js';
import { startProjectWorkflows } from '../../services/projects/project-service.js';
import { type FixtureProject, projectSheetRows, SEED_PROJECTS } from './seed-projects.js';

const DAY_MS = 86_400_000;
/** The date the seed report's project figures stand at. */
const SEED_REPORT_DAY = '2024-06-30T00:00:00Z';

/** An .xlsx with the given sheets, every cell as text, as a county clerk hands a ledger over. */
async function workbook(sheets: Record<string, string[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The demo county's 小额信贷 ledger, dated around `now` so the demo shows every stage: loans falling due in the
 * coming days (reminder cards), one already overdue (an item that escalates), one partly repaid, one settled, and
 * a few issued this year.
 * The year's 新增贷款 target is the seed's 500 万元.
 */
export function demoLoanSheets(now: Date): Record<string, string[][]> {
  const day = (offset: number) => localDate(now.getTime() + offset * DAY_MS);
  const year = day(0).slice(0, 4);
  const loan = (n: number, holder: string, village: string, wan: string, due: number, status: string, repaid = '') => [
    `XD${year}-${String(n).padStart(3, '0')}`,
    holder,
    village,
    wan,
    day(due - 365),
    day(due),
    status,
    repaid,
  ];
  return {
    [LOAN_SHEET]: [
      ['贷款编号', '户主', '村（社区）', '贷款金额（万元）', '发放日期', '到期日期', '状态', '已还金额（万元）'],
      loan(1, '李建华', '匡郎村', '5', 3, '正常'),
      loan(2, '王秀英', '墩白村', '3', 12, '正常'),
      loan(3, '张国强', '兰茂村', '4', 6, '正常'),
      loan(4, '刘玉兰', '大哨村', '2', -8, '逾期', '0.5'),
      loan(5, '陈志刚', '大箐村', '5', 20, '正常', '1'),
      loan(6, '杨春梅', '小坝村', '1.5', -30, '已结清', '1.5'),
      // New this year (新增贷款, counted against the target), due next year.
      loan(7, '赵德明', '积德村', '5', 165, '正常'),
      loan(8, '周桂芬', '白邑村', '4', 245, '正常'),
      loan(9, '孙永福', '铁冲村', '3', 320, '正常'),
    ],
    [TARGET_SHEET]: [
      ['年度', '新增贷款任务（万元）'],
      [year, '500'],
    ],
  };
}

/**
 * The seed's 15 衔接资金 projects (2163 万元; 13 started; 54.67% paid) as they stood at the report's date, 30 June
 * 2024, with every date moved by the days since then: today the demo stands where the seed stood, so its lights and
 * adjustment items read against 序时进度 as the half-year report would have.
 */
export function demoProjectRows(now: Date): string[][] {
  const shiftDays = Math.round(
    (Date.parse(`${localDate(now.getTime())}T00:00:00Z`) - Date.parse(SEED_REPORT_DAY)) / DAY_MS,
  );
  const shift = (date: string) => addDays(date, shiftDays);
  const moved: FixtureProject[] = SEED_PROJECTS.map((p) => ({
    ...p,
    plannedStart: shift(p.plannedStart),
    plannedFinish: shift(p.plannedFinish),
    ...(p.startedOn ? { startedOn: shift(p.startedOn) } : {}),
  }));
  return projectSheetRows(moved);
}

/**
 * Loads the demo ledgers through the same Excel import a county uses, once (an existing ledger is left alone), and
 * starts the loans' and projects' workflows. Returns what it did, for the start-up banner.
 */
export async function seedDemoLedgers(
  db: Kysely<Database>,
  client: Client,
  taskQueue: string,
  now: Date,
): Promise<{ loans: number; projects: number }> {
  const meta = { by: 'demo', at: now.toISOString() };
  let loans = 0;
  let projects = 0;
  const hasLoans = await db.selectFrom('loans').select('id').limit(1).executeTakeFirst();
  if (!hasLoans) {
    const r = await importLoans(db, await workbook(demoLoanSheets(now)), meta);
    if (!r.ok) throw new Error(`demo loan ledger refused: ${r.errors.join('; ')}`);
    loans = (await startLoanWorkflows(client, taskQueue, r.loans)).started;
  }
  const hasProjects = await db.selectFrom('projects').select('id').limit(1).executeTakeFirst();
  if (!hasProjects) {
    const r = await importProjects(db, await workbook({ [PROJECT_SHEET]: demoProjectRows(now) }), meta);
    if (!r.ok) throw new Error(`demo project ledger refused: ${r.errors.join('; ')}`);
    projects = (await startProjectWorkflows(client, taskQueue, r.projects)).started;
  }
  return { loans, projects };
}
