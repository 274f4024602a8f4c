import type { SheetRow } from '../../domain/loans/index.js';
import { cellText, readTable, type Worksheet } from '../shared/workbook.js';

// The loan and project imports load and pick sheets with the shared reader; re-exported for them.
export { loadWorkbook, sheetNamed, type Workbook } from '../shared/workbook.js';

/**
 * The rows of a ledger sheet as trimmed cell text by header (row 1), numbered as Excel shows them; blank rows are
 * skipped. Dates become YYYY-MM-DD and numbers their plain text (shared/workbook.ts cellText).
 */
export function readSheet(ws: Worksheet): { headers: string[]; rows: SheetRow[] } {
  const table = readTable(ws);
  const headers = table.header.map((h) => h.trim());
  const rows: SheetRow[] = [];
  for (const r of table.rows) {
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) cells[h] = cellText(r.values[i] ?? null).trim();
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ sheet: ws.name, row: r.row, cells });
  }
  return { headers: headers.filter(Boolean), rows };
}
