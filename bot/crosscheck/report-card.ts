import { PHASE_LABELS, type ReportCounts, type RoundReport } from '../../domain/crosscheck/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Card, card, header, hr, markdown } from '../cards/elements.js';

function counts(c: ReportCounts): string {
  const overdue = c.overdue ? `（<font color='red'>逾期 ${c.overdue}</font>）` : '';
  return `发现问题 ${c.findings} 个，已销号 ${c.done}，整改中 ${c.open}${overdue}，已撤销 ${c.cancelled}`;
}

/** The round's report: findings per inspected township, closed (销号) and open, with the totals. */
export function reportCard(report: RoundReport): Card {
  const rows = report.townships.map(
    (t) => `**${t.townshipName}**（第 ${t.teamNo} 组 ${t.teamFrom} 检查）：清单 ${t.lines} 项，${counts(t)}`,
  );
  const s = report.totals.bySeverity;
  const closed = report.phase === 'closed';
  return card(
    header(
      `交叉检查报告：${report.title}`,
      `截至 ${localDate(report.at)} · ${PHASE_LABELS[report.phase]}`,
      closed ? 'green' : report.totals.overdue ? 'red' : 'blue',
    ),
    [
      markdown(rows.join('\n')),
      hr(),
      markdown(
        [
          `**合计**：清单 ${report.totals.lines} 项，${counts(report.totals)}`,
          `**按严重程度**：严重 ${s.severe}，较重 ${s.major}，一般 ${s.minor}`,
          closed ? '全部整改事项已销号（或撤销），本轮交叉检查完成。' : '整改事项全部销号后，本轮交叉检查方告完成。',
        ].join('\n'),
      ),
    ],
    `交叉检查报告｜${report.title}`,
  );
}
