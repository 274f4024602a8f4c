import type { Kysely } from 'kysely';
import { listPauses } from '../../db/cadence/cadences.js';
import type { Database } from '../../db/schema.js';
import { CADENCE_IDS, CADENCES, cadenceBatchId } from '../../domain/cadence/index.js';
import type { LedgerVisibility } from '../../domain/org/access.js';
import { type Html, html } from '../html.js';
import { date } from '../pages/format.js';

/**
 * 常态化监测: each cadence's latest period — how many units owe a report, how many are 办结 and how many overdue —
 * and the units paused, with who paused them and why. Unit leaders count their own units only.
 */
export async function cadencePanel(
  db: Kysely<Database>,
  visible: LedgerVisibility,
  now: string,
  names: Map<string, string>,
  /** The 督查室's pause/resume form, for those who may use it. */
  admin?: Html,
): Promise<Html> {
  const rows: Html[] = [];
  for (const id of CADENCE_IDS) {
    const latest = await db
      .selectFrom('cadence_events')
      .select('period_key')
      .where('cadence_id', '=', id)
      .where('type', '=', 'period_opened')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const pauses = (await listPauses(db, id)).filter((p) => !p.resumedAt && visible.unit(p.unitId));
    if (!latest?.period_key && pauses.length === 0) continue;
    const items = latest?.period_key
      ? (
          await db
            .selectFrom('items')
            .select(['owner_unit_id', 'status', 'due_at'])
            .where('id', 'like', `${cadenceBatchId(id, latest.period_key)}-%`)
            .execute()
        ).filter((i) => visible.unit(i.owner_unit_id))
      : [];
    if (!visible.countyWide && items.length === 0 && pauses.length === 0) continue;
    const open = items.filter((i) => i.status !== 'done' && i.status !== 'cancelled');
    const overdue = open.filter((i) => Date.parse(i.due_at) < Date.parse(now)).length;
    const due = items.map((i) => i.due_at).sort()[0];
    const paused = pauses.map((p) => `${names.get(p.unitId) ?? p.unitId}（${p.reason}，${date(p.at)} 起）`);
    rows.push(html`<tr data-cadence="${id}"><th scope="row">${CADENCES[id].name}</th>
<td>${latest?.period_key ?? '—'}</td><td>${due ? date(due) : '—'}</td>
<td class="num" data-k="units">${items.length}</td><td class="num" data-k="done">${items.filter((i) => i.status === 'done').length}</td>
<td class="num ${overdue ? 'bad' : ''}" data-k="overdue">${overdue}</td>
<td>${paused.length ? paused.join('；') : html`<span class="muted">—</span>`}</td></tr>`);
  }
  return html`<section class="panel" data-testid="cadences">
<h2>常态化监测 <small class="muted">村每周排查 · 乡半月研判 · 县每月调度，最近一期</small></h2>
${
  rows.length
    ? html`<div class="table-wrap"><table class="summary">
<tr><th>任务</th><th>本期</th><th>截止</th><th class="num">应报单位</th><th class="num">已办结</th><th class="num">逾期</th><th>暂停的单位</th></tr>
${rows}</table></div>`
    : html`<p class="muted">暂无已开始的常态化监测。</p>`
}
${admin ? html`<h3>暂停或恢复某单位的常态化任务</h3>${admin}` : ''}
</section>`;
}
