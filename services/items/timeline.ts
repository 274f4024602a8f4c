import type { Kysely } from 'kysely';
import { listEvents } from '../../db/items/items.js';
import { findPeople } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import { EVENT_LABELS, type ItemEventType } from '../../domain/items/index.js';

const CHANNELS: Record<string, string> = {
  card: '卡片',
  notice: '消息',
  digest: '每日汇总',
  urgent_app: '应用内加急',
  urgent_sms: '短信加急',
  urgent_phone: '电话加急',
};

/** An item's audit trail as people read it: one line per event, Asia/Shanghai time, names not ids. */
export async function formatTimeline(db: Kysely<Database>, itemId: string): Promise<string[]> {
  const events = await listEvents(db, itemId);
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.actor_id);
    const p = e.payload as Record<string, unknown>;
    for (const k of ['personId', 'standsInFor', 'toPersonId', 'fromPersonId'])
      if (typeof p[k] === 'string') ids.add(p[k] as string);
  }
  const names = new Map((await findPeople(db, [...ids])).map((p) => [p.id, p.name]));
  const who = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? (id === 'system' ? '系统' : id)) : '');
  return events.map((e) => {
    const p = e.payload as Record<string, unknown>;
    const at = shanghai(e.at);
    const label = EVENT_LABELS[e.type as ItemEventType] ?? e.type;
    const detail = describe(e.type, p, who);
    return `${at}  ${who(e.actor_id).padEnd(4, '　')}  ${label}${detail ? `：${detail}` : ''}`;
  });
}

function describe(type: string, p: Record<string, unknown>, who: (id: unknown) => string): string {
  const channels = Array.isArray(p.channels) ? (p.channels as string[]).map((c) => CHANNELS[c] ?? c).join('、') : '';
  const failures = Array.isArray(p.failures) && p.failures.length ? `（${(p.failures as string[]).join('；')}）` : '';
  switch (type) {
    case 'escalated':
      return `L${p.level} ${String(p.role ?? '')} ${who(p.personId)}${p.standsInFor ? `（代 ${who(p.standsInFor)}）` : ''}，${channels}${failures} [${p.stepId}]`;
    case 'escalation_skipped':
      return `L${p.level} ${String(p.reason)} [${p.stepId}]`;
    case 'reminded':
      return `${who(p.personId)}，${channels}${failures} [${p.stepId}]`;
    case 'read_checked':
      return p.readAt ? `已读（${shanghai(String(p.readAt))}） [${p.stepId}]` : `未读 [${p.stepId}]`;
    case 'signed':
      return `承诺 ${String(p.committedDate)} 办结`;
    case 'returned':
    case 'cancelled':
    case 'urged':
      return String(p.reason ?? '');
    case 'instructed':
      return String(p.text ?? '');
    case 'transferred':
      return `${who(p.fromPersonId)} → ${who(p.toPersonId)}，${String(p.reason ?? '')}`;
    default:
      return '';
  }
}

function shanghai(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
