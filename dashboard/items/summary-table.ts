import type { Summary, SummaryRow } from '../../domain/items/summary.js';
import { type AccessScope, mayViewUnit } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { percent } from '../pages/format.js';

const KIND_TEXT: Record<SummaryRow['kind'], string> = {
  county: '县',
  township: '乡镇',
  department: '县直部门',
  village: '村（社区）',
  self: '本级',
};

/**
 * The per-unit table: every number cell carries `data-k` and every row `data-unit`, so tests (and scripts) read
 * the same numbers people see.
 */
export function summaryTable(summary: Summary, scope: AccessScope, parentId: string): Html {
  const head = html`<tr><th>单位</th><th class="num">事项</th><th class="num">在办</th><th class="num">已办结</th>
<th class="num">逾期</th><th class="num">红灯</th><th class="num">黄灯</th><th class="num">绿灯</th>
<th class="num">按时办结率</th><th class="num">升级督办</th></tr>`;
  const body = summary.rows.map((r) => row(r, scope, parentId));
  return html`<div class="table-wrap"><table class="summary" data-testid="summary-table">
<thead>${head}</thead>
<tbody>${body}</tbody>
<tfoot>${row(summary.total, scope, parentId, true)}</tfoot>
</table></div>`;
}

function row(r: SummaryRow, scope: AccessScope, parentId: string, total = false): Html {
  const target = r.kind === 'self' ? parentId : r.unitId;
  const linkable = !total && mayViewUnit(scope, target);
  const name = linkable
    ? html`<a href="/units/${encodeURIComponent(target)}">${r.name}</a>`
    : html`<span>${total ? '合计' : r.name}</span>`;
  const cell = (k: string, v: number | string, cls = '') => html`<td class="num ${cls}" data-k="${k}">${v}</td>`;
  return html`<tr data-unit="${total ? 'total' : r.kind === 'self' ? `${r.unitId}:self` : r.unitId}">
<th scope="row">${name} <small class="muted">${total ? '' : KIND_TEXT[r.kind]}</small></th>
${cell('total', r.total)}${cell('open', r.open)}${cell('done', r.done)}${cell('overdue', r.overdue, r.overdue ? 'bad' : '')}
${cell('red', r.lights.red)}${cell('yellow', r.lights.yellow)}${cell('green', r.lights.green)}
${cell('onTimeRate', percent(r.onTimeRate))}${cell('escalated', r.escalated)}
</tr>`;
}

/** The headline numbers of a summary. */
export function kpis(total: SummaryRow): Html {
  const tile = (k: string, label: string, value: string | number, cls = '') =>
    html`<div class="kpi ${cls}" data-kpi="${k}"><div class="kpi-value">${value}</div><div class="kpi-label">${label}</div></div>`;
  return html`<section class="kpis" data-testid="kpis">
${tile('total', '事项总数', total.total)}
${tile('open', '在办', total.open)}
${tile('done', '已办结', total.done, 'good')}
${tile('overdue', '逾期', total.overdue, total.overdue ? 'bad' : '')}
${tile('onTimeRate', '按时办结率', percent(total.onTimeRate))}
${tile('escalated', '升级督办中', total.escalated, total.escalated ? 'warn' : '')}
${tile('red', '红灯', total.lights.red, 'light-red-tile')}
${tile('yellow', '黄灯', total.lights.yellow, 'light-yellow-tile')}
${tile('green', '绿灯', total.lights.green, 'light-green-tile')}
</section>`;
}
