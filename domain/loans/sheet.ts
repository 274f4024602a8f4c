import { isIsoDate } from '../calendar/index.js';

/**
 * A ledger row as read from Excel: cell text by column header, with the sheet's name and the row's number as
 * people see them, so every error can say where it is (「贷款台账」第 5 行：…).
 */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: Record<string, string>;
}

export function rowError(r: Pick<SheetRow, 'sheet' | 'row'>, reason: string): string {
  return `「${r.sheet}」第 ${r.row} 行：${reason}`;
}

/** The headers a sheet must have that it lacks. */
export function missingColumns(headers: string[], required: string[]): string[] {
  const have = new Set(headers.map((h) => h.trim()));
  return required.filter((h) => !have.has(h));
}

/** Cell text trimmed; '' when absent. */
export function cell(r: SheetRow, header: string): string {
  return (r.cells[header] ?? '').trim();
}

/** '2024-6-1', '2024/06/01', '2024年6月1日', '2024.06.01' → '2024-06-01'; undefined if not a real date. */
export function parseDateText(text: string): string | undefined {
  const m = /^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(date) ? date : undefined;
}

/** 是/否 cells: 是, 否, Y, N, yes, no, 1, 0, ✓; undefined for anything else. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['是', 'y', 'yes', '1', '✓', '√', 'true', '已开工'].includes(t)) return true;
  if (['否', 'n', 'no', '0', '✗', '×', 'false', '未开工'].includes(t)) return false;
  return undefined;
}

/** Ids become workflow and item ids: ASCII letters, digits and - _ . only. */
export const LEDGER_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/** A unit named in a cell: by id, full name, or a unique name ending (匡郎村 for 小街镇匡郎村). */
export function findByName<T extends { id: string; name: string }>(list: T[], text: string): T[] {
  const exact = list.filter((u) => u.id === text || u.name === text);
  return exact.length ? exact : list.filter((u) => u.name.endsWith(text));
}
