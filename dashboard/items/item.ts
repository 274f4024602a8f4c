import { itemTimeline } from '../../db/items/dashboard-list.js';
import { findItem } from '../../db/items/items.js';
import { findPeople } from '../../db/org/org.js';
import { itemLight } from '../../domain/items/item-light.js';
import { mayViewItem } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { HttpError } from '../http.js';
import type { PageEnv } from '../page-env.js';
import { crumbs } from '../pages/crumbs.js';
import { date, levelLabel, lightBadge } from '../pages/format.js';
import { layout } from '../pages/layout.js';
import { isOpenStatus, kindLabel, statusLabel, urgencyLabel } from './format.js';
import { timeline } from './timeline.js';

/** One item: its ledger row and its full timeline. A direct URL to an item outside the viewer's scope is a 403. */
export async function itemPage(env: PageEnv): Promise<Html> {
  const { db, viewer, now } = env;
  const row = await findItem(db, env.params.id ?? '');
  if (!row) throw new HttpError(404, '事项不存在');
  const facts = {
    domain: row.domain,
    ownerUnitId: row.owner_unit_id,
    assigneeId: row.assignee_id,
    reviewerId: row.reviewer_id,
    issuerId: row.issuer_id,
  };
  if (!mayViewItem(viewer.scope, facts)) throw new HttpError(403, '您无权查看此事项');
  const [events, people, cal] = await Promise.all([
    itemTimeline(db, row.id),
    findPeople(db, [row.assignee_id, row.reviewer_id, row.issuer_id]),
    env.calendar(),
  ]);
  const who = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const unit = viewer.units.find((u) => u.id === row.owner_unit_id);
  const open = isOpenStatus(row.status);
  const light = open
    ? itemLight(cal, { createdAt: row.created_at, dueAt: row.due_at, progressPercent: row.progress_percent }, now)
    : undefined;
  const { spec } = row.state;
  const field = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const body = html`${crumbs(viewer.units, row.owner_unit_id, viewer.scope, row.id)}
<h1>${row.title} ${lightBadge(light?.light)}</h1>
${light && light.reasons.length > 0 ? html`<p class="note">${light.reasons.join('；')}</p>` : ''}
<section class="panel"><dl class="facts" data-testid="item-facts">
${field('事项编号', row.id)}${field('类型', kindLabel(row.kind))}${field('分管领域', row.domain)}
${field('紧急程度', urgencyLabel(row.urgency))}${field('状态', html`<span data-testid="item-status">${statusLabel(row.status)}</span>`)}
${field('责任单位', unit?.name ?? row.owner_unit_id)}${field('责任人', who(row.assignee_id))}
${field('审核人', who(row.reviewer_id))}${field('交办人', who(row.issuer_id))}
${field('交办日期', date(row.created_at))}${field('签收期限', date(row.sign_by))}
${field('办结期限', row.due_at === row.original_due_at ? date(row.due_at) : `${date(row.due_at)}（原定 ${date(row.original_due_at)}）`)}
${field('承诺办结', row.committed_date ?? '—')}${field('进度', row.progress_percent === null ? '—' : `${row.progress_percent}%`)}
${field('督办层级', levelLabel(row.escalation_level))}${field('退回次数', row.return_count)}
${field('办结/撤销', date(row.closed_at))}
</dl>
${spec.description ? html`<p class="desc">${spec.description}</p>` : ''}
${row.state.result ? html`<p><strong>办理结果：</strong>${row.state.result}</p>` : ''}
</section>
<section class="panel"><h2>全过程记录</h2>${timeline(events)}</section>`;
  return layout({ title: row.title, viewer, active: 'none', body });
}
