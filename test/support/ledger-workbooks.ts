import ExcelJS from 'exceljs';
import { projectSheetRows } from '../../app/demo/seed-projects.js';
import { LOAN_HEADER, LOAN_ROWS, TARGET_ROWS } from '../unit/loans/fixture-loans.js';

/** An .xlsx with the given sheets, every cell as text (as a county clerk's export often is). */
export async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The fixture loan ledger with the year's target, as the county would hand it over. */
export function loanWorkbook(rows: string[][] = LOAN_ROWS): Promise<Buffer> {
  return workbook({ 贷款台账: [LOAN_HEADER, ...rows], 年度任务: TARGET_ROWS });
}

export function projectWorkbook(rows: string[][] = projectSheetRows()): Promise<Buffer> {
  return workbook({ 项目台账: rows });
}
