import type { ItemTimeline } from '../../db/items/dashboard-list.js';
import { EVENT_LABELS } from '../../domain/items/index.js';
import { type Html, html } from '../html.js';
import { date, dateTime, levelLabel } from '../pages/format.js';

const CHANNEL_LABELS: Record<string, string> = {
  card: '发送待办卡片',
  notice: '发送提醒消息',
  urgent_app: '应用内加急',
  urgent_sms: '短信加急',
  urgent_phone: '电话加急',
  digest: '纳入每日汇总',
};

/** How an escalation or reminder reached someone (the `channels` of those events). */
const REACH_LABELS: Record<string, string> = {
  card: '卡片',
  notice: '消息提醒',
  digest: '每日汇总',
  app: '应用内加急',
  sms: '短信加急',
  phone: '电话加急',
};

interface Entry {
  at: string;
  order: number;
  kind: 'event' | 'delivery';
  type: string;
  title: string;
  detail: string;
  who: string;
  bad?: boolean;
}

/** Every audit event and every delivery of an item, in time order: who did what, when, and who was sent what. */
export function timeline(t: ItemTimeline): Html {
  const name = (id: unknown) => (typeof id === 'string' ? (t.names[id] ?? (id === 'system' ? '系统' : id)) : '');
  const entries: Entry[] = [
    ...t.events.map((e) => ({
      at: e.at,
      order: e.seq,
      kind: 'event' as const,
      type: e.type,
      title: (EVENT_LABELS as Record<string, string>)[e.type] ?? e.type,
      detail: describe(e.type, e.payload as Record<string, unknown>, name),
      who: name(e.actor_id),
    })),
    ...t.deliveries.map((d, i) => ({
      at: d.at,
      order: 10_000 + i,
      kind: 'delivery' as const,
      type: d.channel,
      title: CHANNEL_LABELS[d.channel] ?? `发送（${d.channel}）`,
      detail: `发送给 ${name(d.personId)}${d.ok ? '' : `，未送达：${d.detail ?? '原因不明'}`}`,
      who: '督办助手',
      bad: !d.ok,
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  if (entries.length === 0) return html`<p class="empty">暂无记录。</p>`;
  return html`<ol class="timeline" data-testid="timeline">${entries.map(
    (e) => html`<li class="tl-${e.kind}${e.bad ? ' bad' : ''}" data-type="${e.type}">
<time datetime="${e.at}">${dateTime(e.at)}</time>
<div><strong>${e.title}</strong> <span class="muted">${e.who}</span>${e.detail ? html`<div class="tl-detail">${e.detail}</div>` : ''}</div>
</li>`,
  )}</ol>`;
}

function reach(p: Record<string, unknown>): string {
  const channels = Array.isArray(p.channels) ? p.channels.map((c) => REACH_LABELS[String(c)] ?? String(c)) : [];
  const failures = Array.isArray(p.failures) ? p.failures.map(String) : [];
  return `${channels.length ? `，经${channels.join('、')}` : ''}${failures.length ? `；${failures.join('；')}` : ''}`;
}

function describe(type: string, p: Record<string, unknown>, name: (id: unknown) => string): string {
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  switch (type) {
    case 'created': {
      const spec = (p.spec ?? {}) as Record<string, unknown>;
      return `责任人 ${name(spec.assigneeId)}，办结期限 ${date(spec.dueAt as string | undefined)}`;
    }
    case 'signed':
      return `承诺 ${s('committedDate')} 前办结`;
    case 'progress_reported':
      return `完成 ${String(p.percent ?? '')}%：${s('note')}`;
    case 'submitted':
      return s('result');
    case 'approved':
      return s('note');
    case 'returned':
    case 'extension_rejected':
    case 'cancelled':
      return `理由：${s('reason')}`;
    case 'extension_requested':
      return `申请延至 ${date(s('newDueAt'))}，理由：${s('reason')}`;
    case 'extension_approved':
      return `期限由 ${date(s('previousDueAt'))} 延至 ${date(s('newDueAt'))}${s('note') ? `，${s('note')}` : ''}`;
    case 'transferred':
      return `${name(p.fromPersonId)} → ${name(p.toPersonId)}，${s('reason')}`;
    case 'escalated': {
      const standIn = p.standsInFor ? `（代 ${name(p.standsInFor)}）` : '';
      return `升至 ${levelLabel(Number(p.level ?? 0))}：${name(p.personId)}${standIn}${reach(p)}`;
    }
    case 'reminded':
      return `提醒 ${name(p.personId)}${reach(p)}`;
    case 'escalation_skipped':
      return `跳过 ${levelLabel(Number(p.level ?? 0))}：${s('reason')}`;
    case 'escalation_requested':
      return `要求升至 ${levelLabel(Number(p.level ?? 0))}：${s('reason')}`;
    case 'urged':
      return s('reason');
    case 'instructed':
      return s('text');
    case 'read_checked':
      return p.readAt ? `${name(p.personId)} 已于 ${dateTime(String(p.readAt))} 查看` : `${name(p.personId)} 尚未查看`;
    default:
      // 催办, 批示 and anything newer: show the text fields it carries.
      return Object.entries(p)
        .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
        .map(([k, v]) => (k.endsWith('PersonId') || k === 'personId' ? name(v) : String(v)))
        .join('；');
  }
}
