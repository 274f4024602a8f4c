import type { ItemListView } from '../../db/items/dashboard-list.js';
import { listItems, visibleDomains } from '../../db/items/dashboard-list.js';
import { KIND_LABELS } from '../../domain/items/index.js';
import { isPersonalScope } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import type { PageEnv } from '../page-env.js';
import { LEVEL_LABELS } from '../pages/format.js';
import { layout, type NavKey } from '../pages/layout.js';
import { itemTable } from './item-table.js';
import { type ListQuery, listSearch, parseListQuery, toFilter, VIEW_TITLES } from './list-query.js';

const PAGE_LIMIT = 500;

/** 逾期 / 升级督办 / 全部事项: filterable by kind, domain, township and level, sortable by column, exportable. */
export function listPage(fallbackView: ItemListView, nav: NavKey) {
  return async (env: PageEnv): Promise<Html> => {
    const { db, viewer, now } = env;
    const q = parseListQuery(env.url.searchParams, viewer.units, fallbackView);
    const [rows, domains, cal] = await Promise.all([
      listItems(db, viewer.scope, toFilter(q, viewer.units, viewer.scope, PAGE_LIMIT), now),
      visibleDomains(db, viewer.scope),
      env.calendar(),
    ]);
    const path = env.url.pathname;
    const sort = {
      current: q.sort,
      dir: q.dir,
      href: (s: string, d: string) => `${path}?${listSearch(q, { sort: s, dir: d })}`,
    };
    const title = q.mine ? `我的${VIEW_TITLES[q.view]}` : VIEW_TITLES[q.view];
    const body = html`<h1>${title} <small class="muted" data-testid="row-count">${rows.length} 项</small></h1>
${filters(q, domains, env, path)}
<section class="panel">
  <div class="panel-head"><span class="muted">点击表头排序</span><a class="button" href="/export.xlsx?${listSearch(q)}">导出台账（Excel）</a></div>
  ${itemTable(rows, cal, now, sort)}
  ${rows.length >= PAGE_LIMIT ? html`<p class="hint">仅显示前 ${PAGE_LIMIT} 项，完整清单请导出 Excel。</p>` : ''}
</section>`;
    return layout({ title, viewer: env.viewer, active: nav, body });
  };
}

function filters(q: ListQuery, domains: string[], env: PageEnv, path: string): Html {
  const { units, scope } = env.viewer;
  const townships = units.filter(
    (u) => u.kind === 'township' && (scope.all || scope.domains.length > 0 || scope.unitIds.includes(u.id)),
  );
  const option = (value: string, label: string, selected: string | undefined) =>
    html`<option value="${value}" ${value === (selected ?? '') ? 'selected' : ''}>${label}</option>`;
  const select = (name: string, label: string, opts: [string, string][], selected: string | undefined) =>
    html`<label>${label}<select name="${name}">${option('', '全部', selected)}${opts.map(([v, l]) => option(v, l, selected))}</select></label>`;
  return html`<form class="filters" method="get" action="${path}">
<label>范围<select name="view">${Object.entries(VIEW_TITLES).map(([v, l]) => option(v, l, q.view))}</select></label>
${q.mine ? html`<input type="hidden" name="mine" value="1">` : ''}
${select('kind', '类型', Object.entries(KIND_LABELS), q.kind)}
${select(
  'domain',
  '分管领域',
  domains.map((d) => [d, d]),
  q.domain,
)}
${
  isPersonalScope(scope)
    ? ''
    : select(
        'township',
        '乡镇（街道）',
        townships.map((t) => [t.id, t.name]),
        q.township,
      )
}
${select(
  'level',
  '督办层级',
  [1, 2, 3, 4].map((l) => [String(l), `${LEVEL_LABELS[l]} 及以上`]),
  q.level === undefined ? undefined : String(q.level),
)}
<input type="hidden" name="sort" value="${q.sort}"><input type="hidden" name="dir" value="${q.dir}">
<button type="submit">筛选</button> <a href="${path}">清除</a>
</form>`;
}
