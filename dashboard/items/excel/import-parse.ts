import { cellTextOrDate, findHeaderRow, loadWorkbook, readTable } from '../../../services/shared/workbook.js';
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
  const loaded = await loadWorkbook(data, '无法读取文件，请上传 Excel 2007 及以上格式（.xlsx）的文件');
  if (!loaded.ok) return loaded;
  const ws = loaded.workbook.worksheets[0];
  if (!ws) return { ok: false, error: '文件中没有工作表' };
  const headerRow = findHeaderRow(ws, '事项名称');
  if (headerRow === 0) return { ok: false, error: '未找到表头：前 10 行中应有一行包含「事项名称」等列名' };
  const table = readTable(ws, headerRow);
  const columns = new Map<number, LedgerHeader>();
  table.header.forEach((h, i) => {
    const text = h.trim();
    if ((IMPORT_HEADERS as readonly string[]).includes(text)) columns.set(i + 1, text as LedgerHeader);
  });
  const missing = REQUIRED_IMPORT_HEADERS.filter((h) => ![...columns.values()].includes(h));
  if (missing.length > 0) return { ok: false, error: `缺少必填列：${missing.join('、')}` };
  const rows: ImportRow[] = [];
  for (const r of table.rows) {
    const values: ImportRow['values'] = {};
    for (const [col, header] of columns) {
      const v = cellTextOrDate(r.values[col - 1] ?? null);
      if (v !== undefined) values[header] = v;
    }
    if (Object.keys(values).length > 0) rows.push({ row: r.row, values });
  }
  if (rows.length === 0) return { ok: false, error: '文件中没有事项数据' };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, error: `一次最多导入 ${MAX_IMPORT_ROWS} 项，请分批导入` };
  return { ok: true, rows };
}
