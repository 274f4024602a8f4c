import type { Kysely } from 'kysely';
import { loadRoundReportData } from '../../db/crosscheck/report.js';
import type { Database } from '../../db/schema.js';
import { buildReport, PHASE_LABELS, type ReportCounts } from '../../domain/crosscheck/index.js';
import type { LedgerVisibility } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { date } from '../pages/format.js';

const SHOWN = 5;

/**
 * 交叉检查: the latest rounds, per inspected township: which team came, findings, 已销号, 整改中 and overdue — the
 * round report card's figures, from the ledger. A township's leaders see their own township's row.
 */
export async function crosscheckPanel(db: Kysely<Database>, visible: LedgerVisibility, now: string): Promise<Html> {
  const rounds = await db
    .selectFrom('crosscheck_rounds')
    .select(['id', 'started_at'])
    .orderBy('started_at', 'desc')
    .limit(SHOWN)
    .execute();
  const sections: Html[] = [];
  for (const { id, started_at } of rounds) {
    const data = await loadRoundReportData(db, id);
    if (!data) continue;
    const report = buildReport(data.input, now);
    const townships = report.townships.filter((t) => visible.unit(t.townshipId));
    if (townships.length === 0) continue;
    const cells = (c: ReportCounts) =>
      html`<td class="num">${c.lines}</td><td class="num">${c.findings}</td><td class="num">${c.done}</td><td class="num">${c.open}</td><td class="num ${c.overdue ? 'bad' : ''}">${c.overdue}</td>`;
    sections.push(html`<h3 data-round="${id}">${report.title} <small class="muted">${id} · ${date(started_at)} 开始 · ${PHASE_LABELS[report.phase]}</small></h3>
<div class="table-wrap"><table class="summary">
<tr><th>被检乡镇（街道）</th><th>检查组来自</th><th class="num">清单项</th><th class="num">发现问题</th><th class="num">已销号</th><th class="num">整改中</th><th class="num">其中逾期</th></tr>
${townships.map((t) => html`<tr data-round-township="${id}:${t.townshipId}"><th scope="row">${t.townshipName}</th><td>${t.teamFrom}</td>${cells(t)}</tr>`)}
${visible.countyWide ? html`<tr class="total"><th scope="row">合计</th><td></td>${cells(report.totals)}</tr>` : ''}
</table></div>`);
  }
  return html`<section class="panel" data-testid="crosschecks">
<h2>交叉检查 <small class="muted">最近 ${SHOWN} 轮</small></h2>
${sections.length ? sections : html`<p class="muted">暂无可见的交叉检查。</p>`}
</section>`;
}
