import ExcelJS from 'exceljs';

/**
 * The one Excel reader every import uses (loan and project ledgers, the org workbook, inspections, crosscheck
 * findings, the items ledger): load the bytes, pick a sheet, read a header row and the rows below it with their row
 * numbers as Excel shows them, and turn cells into the text (or date) a person sees. What the columns mean is each
 * feature's business; this module knows no feature.
 */

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.CellValue;

export const NOT_AN_XLSX = '文件不是有效的 Excel（.xlsx）文件';

/** Loads an .xlsx; throws exceljs's own error, for callers that put it in their message. */
export async function readWorkbook(file: Uint8Array): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Loads an .xlsx, or says in Chinese why it cannot (`error`, by default NOT_AN_XLSX). */
export async function loadWorkbook(
  file: Uint8Array,
  error = NOT_AN_XLSX,
): Promise<{ ok: true; workbook: Workbook } | { ok: false; error: string }> {
  try {
    return { ok: true, workbook: await readWorkbook(file) };
  } catch {
    return { ok: false, error };
  }
}

/** The sheet with this name (ignoring stray spaces around it), else undefined. */
export function sheetByName(workbook: Workbook, name: string): Worksheet | undefined {
  return workbook.worksheets.find((w) => w.name.trim() === name);
}

/** The sheet with this name, else the first one (a file exported with a default sheet name still imports). */
export function sheetNamed(workbook: Workbook, name: string): Worksheet | undefined {
  return sheetByName(workbook, name) ?? workbook.worksheets[0];
}

/** One non-empty row below the header: its number as Excel shows it, and its cells; values[i] is column i + 1. */
export interface TableRow {
  row: number;
  values: Cell[];
}

export interface SheetTable {
  /** The header row's cell text by column (values[i] is column i + 1); empty when the header row is blank. */
  header: string[];
  rows: TableRow[];
}

/** The header row (row 1 unless told) and every non-empty row below it, each as wide as the sheet. */
export function readTable(ws: Worksheet, headerRow = 1): SheetTable {
  const width = ws.columnCount;
  const valuesOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => row.getCell(i + 1).value);
  const top = ws.getRow(headerRow);
  const table: SheetTable = { header: top.hasValues ? valuesOf(top).map(cellText) : [], rows: [] };
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > headerRow) table.rows.push({ row: n, values: valuesOf(row) });
  });
  return table;
}

/**
 * Header text → column (1-based). Blank headers are left out; when a header repeats, the rightmost column wins.
 * `normalize` decides how loosely headers match (trimmed by default).
 */
export function headerColumns(header: readonly string[], normalize = (h: string) => h.trim()): Map<string, number> {
  const columns = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalize(h);
    if (key) columns.set(key, i + 1);
  });
  return columns;
}

/** The first of the top `within` rows holding a cell whose text is `header`, or 0 (an export may put a title above). */
export function findHeaderRow(ws: Worksheet, header: string, within = 10): number {
  for (let r = 1; r <= Math.min(within, ws.rowCount); r++) {
    let found = false;
    ws.getRow(r).eachCell((c) => {
      if (cellText(c.value).trim() === header) found = true;
    });
    if (found) return r;
  }
  return 0;
}

/**
 * A cell as the text a person sees (not trimmed). Dates become YYYY-MM-DD: exceljs returns a date cell as the UTC
 * instant of its calendar day, so the UTC date is the one typed in. Rich text is joined, a hyperlink is its text, a
 * formula its result, an error cell its code (#N/A).
 */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as Cell);
  if ('error' in value) return value.error;
  if ('result' in value) return cellText(value.result ?? null);
  return '';
}

/** A cell as trimmed text, but a date (typed, or a formula's result) stays a Date; blank is undefined. */
export function cellTextOrDate(value: Cell): string | Date | undefined {
  if (value instanceof Date) return value;
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date) return value.result;
  const text = cellText(value).trim();
  return text === '' ? undefined : text;
}

/** Images placed over the sheet, by 'row:column' (1-based, as Excel shows them) of the cell under their corner. */
export function imagesByCell(workbook: Workbook, ws: Worksheet): Map<string, { contentType: string; bytes: Buffer }[]> {
  const out = new Map<string, { contentType: string; bytes: Buffer }[]>();
  for (const img of ws.getImages()) {
    const media = workbook.getImage(Number(img.imageId));
    if (!media?.buffer) continue;
    const key = `${Math.floor(img.range.tl.nativeRow) + 1}:${Math.floor(img.range.tl.nativeCol) + 1}`;
    const type = media.extension === 'png' ? 'image/png' : media.extension === 'gif' ? 'image/gif' : 'image/jpeg';
    out.set(key, [...(out.get(key) ?? []), { contentType: type, bytes: Buffer.from(media.buffer as ArrayBuffer) }]);
  }
  return out;
}
