import ExcelJS from 'exceljs';
import type { SheetRow } from '../../domain/loans/index.js';
import { cellText } from '../org/workbook.js';

export type Workbook = ExcelJS.Workbook;

/** Loads an .xlsx, or says in Chinese why it cannot. */
export async function loadWorkbook(
  file: Uint8Array,
): Promise<{ ok: true; workbook: Workbook } | { ok: false; error: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: '文件不是有效的 Excel（.xlsx）文件' };
  }
  return { ok: true, workbook };
}

/**
 * The rows of a sheet as cell text by header (row 1), numbered as Excel shows them; blank rows are skipped.
 * Dates become YYYY-MM-DD and numbers their plain text (cellText).
 */
export function readSheet(ws: ExcelJS.Worksheet): { headers: string[]; rows: SheetRow[] } {
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => {
    headers[col - 1] = cellText(c.value).trim();
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = cellText(row.getCell(i + 1).value).trim();
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ sheet: ws.name, row: n, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

/** The sheet with this name, else the first one (a ledger exported with a default sheet name still imports). */
export function sheetNamed(workbook: Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((w) => w.name.trim() === name) ?? workbook.worksheets[0];
}
