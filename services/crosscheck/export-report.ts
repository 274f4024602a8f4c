import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { loadRoundReportData } from '../../db/crosscheck/report.js';
import type { Database } from '../../db/schema.js';
import {
  buildReport,
  isLineType,
  LINE_TYPES,
  PHASE_LABELS,
  type RoundReport,
  SEVERITY_LABELS,
} from '../../domain/crosscheck/index.js';
import { localDate } from '../../domain/shanghai-time.js';

export const SUMMARY_SHEET = '汇总';
export const FINDINGS_SHEET = '问题清单';

export const SUMMARY_HEADERS = [
  '被检乡镇（街道）',
  '检查组',
  '检查组来自',
  '清单项',
  '发现问题',
  '已销号',
  '整改中',
  '其中逾期',
  '已撤销',
] as const;

export const FINDINGS_HEADERS = [
  '问题编号',
  '清单编号',
  '被检单位',
  '类型',
  '核查对象',
  '问题描述',
  '严重程度',
  '整改时限（工作日）',
  '整改期限',
  '整改事项',
  '状态',
  '销号时间',
  '整改责任人',
  '复核销号人',
] as const;

const STATUS: Record<string, string> = { open: '整改中', done: '已销号', cancelled: '已撤销' };

/**
 * The round's report as a workbook, from the ledger (works while the round runs and after): sheet 汇总 with one row
 * per inspected township and a 合计 row, sheet 问题清单 with every finding and its 整改 item's status.
 */
export async function exportRoundReport(
  db: Kysely<Database>,
  roundId: string,
  now: string,
): Promise<{ report: RoundReport; xlsx: Buffer } | undefined> {
  const data = await loadRoundReportData(db, roundId);
  if (!data) return undefined;
  const report = buildReport(data.input, now);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.parse(now));
  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.addRow([`${report.title}（${PHASE_LABELS[report.phase]}，截至 ${localDate(now)}）`]);
  summary.addRow([...SUMMARY_HEADERS]);
  for (const t of report.townships) {
    summary.addRow([
      t.townshipName,
      `第 ${t.teamNo} 组`,
      t.teamFrom,
      t.lines,
      t.findings,
      t.done,
      t.open,
      t.overdue,
      t.cancelled,
    ]);
  }
  const s = report.totals;
  summary.addRow(['合计', '', '', s.lines, s.findings, s.done, s.open, s.overdue, s.cancelled]);
  summary.getRow(2).font = { bold: true };
  summary.columns.forEach((c, i) => {
    c.width = i === 0 ? 18 : 12;
  });

  const list = workbook.addWorksheet(FINDINGS_SHEET);
  list.addRow([...FINDINGS_HEADERS]);
  list.getRow(1).font = { bold: true };
  for (const f of data.findings) {
    list.addRow([
      f.id,
      f.lineId,
      f.unitName,
      isLineType(f.type) ? LINE_TYPES[f.type].label : f.type,
      f.subject,
      f.problem,
      SEVERITY_LABELS[f.severity],
      f.workdays,
      localDate(f.dueAt),
      f.itemId,
      STATUS[f.status] ?? f.status,
      f.closedAt ? localDate(f.closedAt) : '',
      f.assigneeName,
      f.reviewerName,
    ]);
  }
  return { report, xlsx: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
