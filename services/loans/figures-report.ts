import type { Kysely } from 'kysely';
import { loadCalendarAround } from '../../db/calendar/load-calendar.js';
import type { Database } from '../../db/schema.js';
import { type CollectionFigures, formatWan, lastDayOfMonth } from '../../domain/loans/index.js';
import { loadLoanFigures } from './figures.js';

/**
 * The month's 小额信贷 figures as text: collection per township (due, collected, overdue, rate) and the year's
 * 新增贷款 against its target and 序时进度, as of the month's last day (or `asOf`, if earlier).
 */
export async function loanFiguresReport(db: Kysely<Database>, month: string, asOf?: string): Promise<string[]> {
  const end = asOf && asOf < lastDayOfMonth(month) ? asOf : lastDayOfMonth(month);
  const noon = `${end}T12:00:00+08:00`;
  const cal = await loadCalendarAround(db, noon);
  const { collection, year, issued, target } = await loadLoanFigures(db, month, cal, end);
  const row = (name: string, f: CollectionFigures) =>
    `${name.padEnd(7, '　')}  ${String(f.dueCount).padStart(3)} 笔 ${formatWan(f.dueFen).padStart(8)}  ${formatWan(f.collectedFen).padStart(8)}  ${String(f.overdueCount).padStart(3)} 笔 ${formatWan(f.overdueFen).padStart(8)}  ${f.rate === undefined ? '    —' : `${f.rate.toFixed(2)}%`.padStart(7)}`;
  const lines = [
    `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月小额信贷回收情况（截至 ${end}，金额单位：万元）`,
    '乡镇（街道）      到期笔数/金额      已收回   逾期笔数/金额     回收率',
    ...collection.townships.map((t) => row(t.townshipName, t)),
    row('合计', collection.total),
  ];
  lines.push('', `${year}年新增贷款：${issued.households} 户 ${issued.count} 笔 ${formatWan(issued.amountFen)} 万元`);
  if (target) lines.push(`年度任务 ${formatWan(target.targetFen)} 万元：${target.summary}`);
  else lines.push('（未设定年度新增贷款任务：在导入文件的“年度任务”工作表中填写）');
  return lines;
}
