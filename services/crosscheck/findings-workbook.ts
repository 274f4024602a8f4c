import { type FindingInput, parseSeverity } from '../../domain/crosscheck/index.js';
import { cellText, headerColumns, loadWorkbook, readTable, type TableRow } from '../shared/workbook.js';

/** The columns of a findings upload; any other columns (e.g. 被检单位, 检查人) are ignored. */
export const FINDING_COLUMNS = {
  line: '清单编号',
  problem: '问题描述',
  severity: '严重程度',
  workdays: '整改时限（工作日）',
} as const;

/** `errors` name rows whose cells cannot be read; `findings` are the other rows, for the round to judge. */
export type ParsedWorkbook = { ok: true; findings: FindingInput[]; errors: string[] } | { ok: false; errors: string[] };

/**
 * Reads findings from the first sheet: row 1 holds the headers, every later non-empty row is one finding with its
 * row number. Only the file's shape is judged here (headers, severity words, whole numbers); whether a line exists
 * and who may enter it is the round's decision, and it names the rows too. A file that cannot be read at all is
 * not ok; otherwise readable rows and the problems of unreadable ones come back together.
 */
export async function parseFindingsWorkbook(file: Buffer): Promise<ParsedWorkbook> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };
  const sheet = loaded.workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: ['Excel 文件中没有工作表'] };
  const table = readTable(sheet);
  const headers = headerColumns(table.header, (h) => h.replace(/\s|\(|\)/g, (c) => paren(c)));
  const missing = [FINDING_COLUMNS.line, FINDING_COLUMNS.problem, FINDING_COLUMNS.severity].filter(
    (h) => !headers.has(h),
  );
  if (missing.length) return { ok: false, errors: [`第 1 行缺少列：${missing.join('、')}`] };

  const errors: string[] = [];
  const findings: FindingInput[] = [];
  const col = (row: TableRow, header: string) => {
    const c = headers.get(header);
    return c === undefined ? '' : cellText(row.values[c - 1] ?? null).trim();
  };
  for (const row of table.rows) {
    const n = row.row;
    const values = Object.values(FINDING_COLUMNS).map((h) => col(row, h));
    if (values.every((v) => v === '')) continue;
    const severityText = col(row, FINDING_COLUMNS.severity);
    const severity = parseSeverity(severityText);
    const days = col(row, FINDING_COLUMNS.workdays);
    if (!severity) errors.push(`第 ${n} 行：严重程度须为 一般、较重 或 严重（收到“${severityText}”）`);
    if (days !== '' && !/^\d+$/.test(days)) errors.push(`第 ${n} 行：整改时限须为整数（工作日），收到“${days}”`);
    if (!severity || (days !== '' && !/^\d+$/.test(days))) continue;
    findings.push({
      lineId: col(row, FINDING_COLUMNS.line),
      problem: col(row, FINDING_COLUMNS.problem),
      severity,
      ...(days === '' ? {} : { workdays: Number(days) }),
      row: n,
    });
  }
  if (findings.length === 0 && errors.length === 0) return { ok: false, errors: ['文件中没有问题记录'] };
  return { ok: true, findings, errors };
}

/** People type either bracket; the header is matched with full-width ones. */
function paren(c: string): string {
  return c === '(' ? '（' : c === ')' ? '）' : '';
}
