import type { Kysely } from 'kysely';
import { campaignItemFacts } from '../../db/campaigns/campaigns.js';
import type { Database } from '../../db/schema.js';
import { type CampaignStatus, rollUp } from '../../domain/campaigns/index.js';
import type { LedgerVisibility } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { date } from '../pages/format.js';

const STATUS: Record<CampaignStatus, string> = { running: '进行中', done: '已全部办结', withdrawn: '已撤回' };
const SHOWN = 20;

/**
 * 一令多发: the latest campaigns with their roll-up (签收, 办结, 逾期) as the issuer's card shows it, and the units
 * lagging behind. A campaign's issuer and county-wide viewers see all its units; a unit's leaders see their own.
 */
export async function campaignPanel(
  db: Kysely<Database>,
  visible: LedgerVisibility,
  viewerId: string,
  now: string,
  mayDispatch: boolean,
): Promise<Html> {
  const campaigns = await db
    .selectFrom('campaigns')
    .select(['id', 'title', 'issuer_id', 'status', 'created_at', 'due_at'])
    .orderBy('created_at', 'desc')
    .limit(SHOWN)
    .execute();
  const rows: Html[] = [];
  for (const c of campaigns) {
    const whole = visible.countyWide || c.issuer_id === viewerId;
    const items = (await campaignItemFacts(db, c.id)).filter((i) => whole || visible.unit(i.unitId));
    if (items.length === 0) continue;
    const r = rollUp(items, now);
    const lagging = r.lagging.slice(0, 5).map((l) => `${l.unitName}（${l.reason === 'overdue' ? '逾期' : '未签收'}）`);
    rows.push(html`<tr data-campaign="${c.id}"><th scope="row">${c.title}<br><small class="muted">${c.id} · ${date(c.created_at)} 交办 · ${date(c.due_at)} 截止</small></th>
<td class="num" data-k="total">${r.total}</td><td class="num" data-k="signed">${r.signed}</td><td class="num" data-k="done">${r.done}</td>
<td class="num ${r.overdue ? 'bad' : ''}" data-k="overdue">${r.overdue}</td><td>${STATUS[c.status]}</td>
<td>${lagging.length ? lagging.join('、') + (r.lagging.length > lagging.length ? ` 等 ${r.lagging.length} 个` : '') : html`<span class="muted">—</span>`}</td></tr>`);
  }
  return html`<section class="panel" data-testid="campaigns">
<h2>一令多发督办活动 <small class="muted">最近 ${SHOWN} 项</small>${mayDispatch ? html` <a class="action" href="/campaigns/new">发起督办活动</a>` : ''}</h2>
${
  rows.length
    ? html`<div class="table-wrap"><table class="summary">
<tr><th>活动</th><th class="num">单位</th><th class="num">已签收</th><th class="num">已办结</th><th class="num">逾期</th><th>状态</th><th>滞后单位</th></tr>
${rows}</table></div>`
    : html`<p class="muted">暂无可见的督办活动。</p>`
}
</section>`;
}
