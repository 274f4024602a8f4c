import ExcelJS from 'exceljs';
import { IMPORT_HEADERS, type LedgerHeader, REQUIRED_IMPORT_HEADERS } from './columns.js';

export type CellValue = string | Date;

/** One data row of an import file, by header, with its row number in the sheet (as Excel shows it). */
export interface ImportRow {
  row: number;
  values: Partial<Record<LedgerHeader, CellValue>>;
}

export type ParseResult = { ok: true; rows: ImportRow[] } | { ok: false; error: string };

export const MAX_IMPORT_ROWS = 2000;

/**
 * Reads the first worksheet. The header row is the first of the top ten rows that has 事项名称 (an exported ledger
 * has a title and a note above it); blank rows are skipped.
 */
export async function parseImportFile(data: Buffer): Promise<ParseResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: '无法读取文件，请上传 Excel 2007 及以上格式（.xlsx）的文件' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, error: '文件中没有工作表' };
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    if (rowTexts(ws.getRow(r)).includes('事项名称')) {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) return { ok: false, error: '未找到表头：前 10 行中应有一行包含「事项名称」等列名' };
  const columns = new Map<number, LedgerHeader>();
  ws.getRow(headerRow).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (typeof text === 'string' && (IMPORT_HEADERS as readonly string[]).includes(text))
      columns.set(col, text as LedgerHeader);
  });
  const missing = REQUIRED_IMPORT_HEADERS.filter((h) => ![...columns.values()].includes(h));
  if (missing.length > 0) return { ok: false, error: `缺少必填列：${missing.join('、')}` };
  const rows: ImportRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values: ImportRow['values'] = {};
    for (const [col, header] of columns) {
      const v = cellText(ws.getRow(r).getCell(col).value);
      if (v !== undefined) values[header] = v;
    }
    if (Object.keys(values).length > 0) rows.push({ row: r, values });
  }
  if (rows.length === 0) return { ok: false, error: '文件中没有事项数据' };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `一次最多导入 ${MAX_IMPORT_ROWS} 项，请分批导入` };
  return { ok: true, rows };
}

function rowTexts(row: ExcelJS.Row): string[] {
  const out: string[] = [];
  row.eachCell((cell) => {
    const t = cellText(cell.value);
    if (typeof t === 'string') out.push(t);
  });
  return out;
}

/** Text of a cell whatever Excel stored (rich text, hyperlink, formula result); dates stay dates; blanks vanish. */
function cellText(v: ExcelJS.CellValue): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return trimmed(v.richText.map((t) => t.text).join(''));
    if ('text' in v && typeof v.text === 'string') return trimmed(v.text);
    if ('result' in v) return v.result instanceof Date ? v.result : trimmed(String(v.result ?? ''));
    return undefined;
  }
  return trimmed(String(v));
}

function trimmed(s: string): string | undefined {
  const t = s.trim();
  return t === '' ? undefined : t;
}
