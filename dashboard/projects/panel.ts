import type { CalendarData } from '../../domain/calendar/index.js';
import { formatWan } from '../../domain/loans/index.js';
import {
  FUND_SOURCE_LABELS,
  FUND_SOURCES,
  type ProjectState,
  projectFigures,
  projectLight,
  totalFunds,
} from '../../domain/projects/index.js';
import { type Html, html } from '../html.js';
import { lightBadge, pct } from '../pages/format.js';

/** 衔接资金项目: the half-year report's figures over the visible projects, and each project's light today. */
export function projectPanel(list: ProjectState[], cal: CalendarData, now: string, names: Map<string, string>): Html {
  if (list.length === 0) {
    return html`<section class="panel" data-testid="project-figures"><h2>衔接资金项目</h2><p class="muted">暂无可见的项目。</p></section>`;
  }
  // Lights are read live: the latest reported progress against 序时进度 today, as the monthly report would set it.
  const rows = list.map((p) => ({ p, live: projectLight(cal, p.project, p.progress, now) }));
  const f = projectFigures(
    rows.map(({ p, live }) => ({
      project: p.project,
      started: p.progress.started,
      paidFen: p.progress.paidFen,
      light: live.light,
    })),
  );
  const sources = FUND_SOURCES.filter((s) => f.funds[s] > 0);
  return html`<section class="panel" data-testid="project-figures">
<h2>衔接资金项目 <small class="muted">金额单位：万元</small></h2>
<ul class="facts">
<li data-k="funds">衔接资金 ${formatWan(f.funds.total)} 万元，安排项目 ${f.count} 个，开工 ${f.startedCount} 个，开工率 ${pct(f.startedRate)}</li>
<li data-k="industry">产业项目 ${f.industryCount} 个，产业资金占 ${pct(f.industryShare.total)}（${sources.map((s) => `${FUND_SOURCE_LABELS[s]} ${pct(f.industryShare[s])}`).join('，')}）</li>
<li data-k="paid">已拨付 ${formatWan(f.paidFen)} 万元，支付进度 ${pct(f.paidRate)}</li>
<li data-k="lights">绿灯 ${f.lights.green} 个，黄灯 ${f.lights.yellow} 个，红灯 ${f.lights.red} 个</li>
</ul>
<div class="table-wrap"><table class="summary">
<tr><th>项目</th><th>责任单位</th><th class="num">资金</th><th class="num">已支付</th><th class="num">完成进度</th><th class="num">序时进度</th><th>灯</th><th>调整程序</th></tr>
${rows.map(({ p, live }) => {
  const adjustment = p.adjustment?.itemId
    ? html`<a href="/items/${p.adjustment.itemId}">${p.adjustment.itemId}</a>`
    : html`<span class="muted">—</span>`;
  return html`<tr data-project="${p.project.id}"><th scope="row">${p.project.name}<br><small class="muted">${p.project.id}${p.progress.started ? '' : '　未开工'}</small></th>
<td>${names.get(p.project.unitId) ?? p.project.unitId}</td><td class="num">${formatWan(totalFunds(p.project))}</td><td class="num">${formatWan(p.progress.paidFen)}</td>
<td class="num">${p.progress.percent}%</td><td class="num">${live.plannedPercent}%</td><td>${lightBadge(live.light, live.reasons.join('；'))}</td><td>${adjustment}</td></tr>`;
})}
</table></div>
</section>`;
}
