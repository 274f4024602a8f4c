import { loadSummary, loadTrend, rootUnit, TREND_MONTHS } from '../../db/items/summary-data.js';
import { isPersonalScope } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { layout } from '../pages/layout.js';
import { chart, lightsByRow, lightsPie, trendOption } from './charts.js';
import { kpis, summaryTable } from './summary-table.js';

/** 县域总览: headline numbers, one row per township and department, lights and the monthly trend. */
export async function overviewPage(env: PageEnv): Promise<Html> {
  const { db, viewer, now } = env;
  const root = rootUnit(viewer.units);
  if (!root) throw new HttpError(404, '尚未导入组织架构，请先导入县、乡镇、村的单位信息');
  const cal = await env.calendar();
  const [summary, trend] = await Promise.all([
    loadSummary(db, viewer.scope, viewer.units, root.id, now, cal),
    loadTrend(db, viewer.scope, viewer.units, root.id, now),
  ]);
  const personal = isPersonalScope(viewer.scope);
  const body = html`<h1>${root.name}乡村振兴督办总览 <small class="muted">截至 ${now.slice(0, 16).replace('T', ' ')}</small></h1>
${personal ? html`<p class="note">您可以查看本人作为责任人、审核人或交办人的事项。<a href="/items?mine=1&view=open">查看我的待办</a></p>` : ''}
${kpis(summary.total)}
<section class="panel">
  <h2>${personal ? '按单位' : '各乡镇（街道）及县直部门'}</h2>
  ${summaryTable(summary, viewer.scope, root.id)}
  <p class="hint">按时办结率 = 按原定期限办结的事项 ÷ 已办结事项；逾期 = 在办且已过当前办结期限。</p>
</section>
<div class="grid2">
  <section class="panel"><h2>红黄绿灯分布（在办事项）</h2>${chart('lights', '红黄绿灯分布', lightsPie(summary.total.lights))}</section>
  <section class="panel"><h2>各单位灯色</h2>${chart('rows', '各单位红黄绿灯', lightsByRow(summary.rows), Math.max(240, 28 * summary.rows.length + 60))}</section>
</div>
<section class="panel"><h2>近 ${TREND_MONTHS} 个月趋势</h2>${chart('trend', '月度趋势', trendOption(trend), 320)}</section>`;
  return layout({ title: '总览', viewer, active: 'overview', body, charts: true });
}
