import type { ItemListRow, ItemListSort } from '../../db/items/dashboard-list.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { itemLight } from '../../domain/items/item-light.js';
import type { LightResult } from '../../domain/lights.js';
import { type Html, html } from '../html.js';
import { date, levelLabel, lightBadge } from '../pages/format.js';
import { isOpenStatus, kindLabel, statusLabel } from './format.js';

export interface SortLinks {
  current: ItemListSort;
  dir: 'asc' | 'desc';
  href(sort: ItemListSort, dir: 'asc' | 'desc'): string;
}

/** The light of a listed item: open items only; closed items have none. */
export function rowLight(cal: CalendarData, row: ItemListRow, now: string): LightResult | undefined {
  if (!isOpenStatus(row.status)) return undefined;
  return itemLight(cal, { createdAt: row.createdAt, dueAt: row.dueAt, progressPercent: row.progressPercent }, now);
}

export function itemTable(rows: readonly ItemListRow[], cal: CalendarData, now: string, sort?: SortLinks): Html {
  if (rows.length === 0) return html`<p class="empty">没有符合条件的事项。</p>`;
  const th = (label: string, key?: ItemListSort, cls = '') => {
    if (!sort || !key) return html`<th class="${cls}">${label}</th>`;
    const active = sort.current === key;
    const dir = active && sort.dir === 'asc' ? 'desc' : 'asc';
    const arrow = active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '';
    return html`<th class="${cls}" aria-sort="${active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}"><a href="${sort.href(key, dir)}">${label}${arrow}</a></th>`;
  };
  return html`<div class="table-wrap"><table class="items" data-testid="item-table">
<thead><tr>${th('事项', 'title')}${th('类型')}${th('分管')}${th('责任单位', 'unit')}${th('责任人')}${th('状态')}${th('灯')}
${th('办结期限', 'due')}${th('督办层级', 'level')}${th('进度', undefined, 'num')}</tr></thead>
<tbody>${rows.map((r) => itemRow(r, cal, now))}</tbody>
</table></div>`;
}

function itemRow(r: ItemListRow, cal: CalendarData, now: string): Html {
  const light = rowLight(cal, r, now);
  const moved = r.dueAt !== r.originalDueAt ? html`<br><small class="muted">原定 ${date(r.originalDueAt)}</small>` : '';
  return html`<tr data-item="${r.id}">
<td><a href="/items/${encodeURIComponent(r.id)}">${r.title}</a><br><small class="muted">${r.id}</small></td>
<td>${kindLabel(r.kind)}</td><td>${r.domain}</td><td>${r.unitName}</td><td>${r.assigneeName}</td>
<td>${statusLabel(r.status)}</td><td>${lightBadge(light?.light, light?.reasons.join('；'))}</td>
<td>${date(r.dueAt)}${moved}</td><td>${r.escalationLevel > 0 ? levelLabel(r.escalationLevel) : '—'}</td>
<td class="num">${r.progressPercent === null ? '—' : `${r.progressPercent}%`}</td>
</tr>`;
}
