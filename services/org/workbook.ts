import ExcelJS from 'exceljs';
import { type RawSheet, type RawWorkbook, SHEET_NAMES } from '../../domain/org/index.js';

/** Reads the five org sheets of an .xlsx; other sheets (instructions, lookups) are ignored. */
export async function readOrgWorkbook(bytes: Uint8Array): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const book: RawWorkbook = {};
  for (const ws of wb.worksheets) {
    const name = SHEET_NAMES.find((s) => s === ws.name.trim());
    if (name) book[name] = readSheet(ws);
  }
  return book;
}

function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  const width = ws.columnCount;
  const cellsOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const sheet: RawSheet = { header: [], rows: [] };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) sheet.header = cellsOf(row);
    else sheet.rows.push({ row: rowNumber, cells: cellsOf(row) });
  });
  return sheet;
}

/**
 * Cell values as the text a person sees. Dates become YYYY-MM-DD: exceljs returns a date cell as
 * the UTC instant of its calendar day, so the UTC date is the one typed in.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}
