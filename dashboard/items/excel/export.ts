import ExcelJS from 'exceljs';
import type { ItemListRow } from '../../../db/items/dashboard-list.js';
import type { CalendarData } from '../../../domain/calendar/index.js';
import type { OrgUnit } from '../../../domain/org/access.js';
import { localDate } from '../../../domain/shanghai-time.js';
import { date, levelLabel } from '../../pages/format.js';
import { kindLabel, statusLabel, urgencyLabel } from '../format.js';
import { rowLight } from '../item-table.js';
import { LEDGER_COLUMNS, type LedgerHeader } from './columns.js';

export interface LedgerMeta {
  title: string;
  /** Who exported, when, and what the list covers; printed under the title. */
  subtitle: string;
  units: readonly OrgUnit[];
  cal: CalendarData;
  now: string;
}

const LIGHT_TEXT = { green: '绿', yellow: '黄', red: '红' } as const;

/** An item list as the county's 督办台账: title, note, a frozen and filterable header row, one row per item. */
export async function ledgerWorkbook(rows: readonly ItemListRow[], meta: LedgerMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '督办 Duban';
  wb.created = new Date(meta.now);
  const ws = wb.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  const last = LEDGER_COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = meta.title;
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = meta.subtitle;
  const header = ws.getRow(3);
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF9' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: last } };
  rows.forEach((r, i) => {
    const values = ledgerValues(r, i + 1, meta);
    const row = ws.getRow(4 + i);
    LEDGER_COLUMNS.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.value = values[c.header] ?? null;
      if ('date' in c && c.date) cell.numFmt = 'yyyy-mm-dd';
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function ledgerValues(
  r: ItemListRow,
  index: number,
  meta: LedgerMeta,
): Partial<Record<LedgerHeader, string | number | Date>> {
  const light = rowLight(meta.cal, r, meta.now);
  const done = r.status === 'done';
  return {
    序号: index,
    事项编号: r.id,
    事项类型: kindLabel(r.kind),
    事项名称: r.title,
    事项内容: r.description,
    分管领域: r.domain,
    紧急程度: urgencyLabel(r.urgency),
    责任单位: r.unitName,
    所属乡镇: townshipName(meta.units, r.ownerUnitId),
    责任人: r.assigneeName,
    审核人: r.reviewerName,
    交办人: r.issuerName,
    交办日期: excelDate(r.createdAt),
    签收期限: excelDate(r.signBy),
    办结期限: excelDate(r.originalDueAt),
    当前期限: excelDate(r.dueAt),
    状态: statusLabel(r.status),
    '进度(%)': r.progressPercent ?? '',
    灯色: light ? LIGHT_TEXT[light.light] : '',
    逾期工作日: light && light.workdaysLeft < 0 ? -light.workdaysLeft : '',
    督办层级: r.escalationLevel > 0 ? levelLabel(r.escalationLevel) : '',
    退回次数: r.returnCount,
    办结日期: r.closedAt ? excelDate(r.closedAt) : '',
    是否按期办结: done && r.closedAt ? (Date.parse(r.closedAt) <= Date.parse(r.originalDueAt) ? '是' : '否') : '',
    需要佐证: r.evidenceRequired ? '是' : '否',
  };
}

/** Excel dates carry no zone: write the Shanghai calendar date as that day's UTC midnight. */
function excelDate(iso: string): Date {
  return new Date(`${localDate(iso)}T00:00:00Z`);
}

function townshipName(units: readonly OrgUnit[], unitId: string): string {
  let u = units.find((x) => x.id === unitId);
  while (u && u.kind !== 'township') u = u.parentId ? units.find((x) => x.id === u!.parentId) : undefined;
  return u?.name ?? '';
}

export function ledgerFileName(title: string, now: string): string {
  return `${title}-${date(now)}.xlsx`;
}
