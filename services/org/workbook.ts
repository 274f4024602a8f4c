import { type RawSheet, type RawWorkbook, SHEET_NAMES } from '../../domain/org/index.js';
import { cellText, readTable, readWorkbook, type Worksheet } from '../shared/workbook.js';

/** Reads the five org sheets of an .xlsx; other sheets (instructions, lookups) are ignored. Throws on a bad file. */
export async function readOrgWorkbook(bytes: Uint8Array): Promise<RawWorkbook> {
  const wb = await readWorkbook(bytes);
  const book: RawWorkbook = {};
  for (const ws of wb.worksheets) {
    const name = SHEET_NAMES.find((s) => s === ws.name.trim());
    if (name) book[name] = readSheet(ws);
  }
  return book;
}

function readSheet(ws: Worksheet): RawSheet {
  const { header, rows } = readTable(ws);
  return { header, rows: rows.map((r) => ({ row: r.row, cells: r.values.map(cellText) })) };
}
