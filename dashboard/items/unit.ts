import { listItems } from '../../db/items/dashboard-list.js';
import { loadSummary } from '../../db/items/summary-data.js';
import { mayViewUnit, subtreeIds } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { crumbs } from '../pages/crumbs.js';
import { layout } from '../pages/layout.js';
import { chart, lightsByRow, lightsPie } from './charts.js';
import { itemTable } from './item-table.js';
import { kpis, summaryTable } from './summary-table.js';

const PAGE_LIMIT = 300;

/** Drill-down: a township (its villages), a village or a department, and the items under it. */
export async function unitPage(env: PageEnv): Promise<Html> {
  const { db, viewer, now } = env;
  const unit = viewer.units.find((u) => u.id === env.params.id);
  if (!unit) throw new HttpError(404, '单位不存在');
  if (!mayViewUnit(viewer.scope, unit.id)) throw new HttpError(403, `您无权查看「${unit.name}」的督办情况`);
  const cal = await env.calendar();
  const hasChildren = viewer.units.some((u) => u.parentId === unit.id);
  const [summary, items] = await Promise.all([
    loadSummary(db, viewer.scope, viewer.units, unit.id, now, cal),
    listItems(
      db,
      viewer.scope,
      { view: 'all', unitIds: subtreeIds(viewer.units, [unit.id]), sort: 'due', dir: 'asc', limit: PAGE_LIMIT },
      now,
    ),
  ]);
  const exportHref = `/export.xlsx?${new URLSearchParams({ view: 'all', unit: unit.id }).toString()}`;
  const body = html`${crumbs(viewer.units, unit.id, viewer.scope)}
<h1>${unit.name}</h1>
${kpis(summary.total)}
${
  hasChildren
    ? html`<section class="panel"><h2>${unit.kind === 'township' ? '各村（社区）' : '下属单位'}</h2>${summaryTable(summary, viewer.scope, unit.id)}</section>
<div class="grid2">
<section class="panel"><h2>灯色分布</h2>${chart('lights', '红黄绿灯分布', lightsPie(summary.total.lights))}</section>
<section class="panel"><h2>各单位灯色</h2>${chart('rows', '各单位红黄绿灯', lightsByRow(summary.rows), Math.max(200, 28 * summary.rows.length + 60))}</section>
</div>`
    : ''
}
<section class="panel">
  <div class="panel-head"><h2>事项</h2><a class="button" href="${exportHref}">导出台账（Excel）</a></div>
  ${itemTable(items, cal, now)}
  ${items.length >= PAGE_LIMIT ? html`<p class="hint">仅显示前 ${PAGE_LIMIT} 项，完整清单请导出 Excel。</p>` : ''}
</section>`;
  return layout({ title: unit.name, viewer, active: 'none', body, charts: hasChildren });
}
