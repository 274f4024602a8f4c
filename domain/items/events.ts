import type { ItemSpec } from './types.js';

/** What happened to an item. The audit trail stores exactly these, with actor and time. */
export type ItemEventBody =
  | { type: 'created'; spec: ItemSpec }
  | { type: 'signed'; committedDate: string }
  | { type: 'progress_reported'; percent: number; note: string }
  | { type: 'submitted'; result: string }
  | { type: 'approved'; note?: string }
  | { type: 'returned'; reason: string }
  | { type: 'extension_requested'; reason: string; newDueAt: string }
  | { type: 'extension_approved'; newDueAt: string; previousDueAt: string; note?: string }
  | { type: 'extension_rejected'; reason: string }
  | { type: 'transferred'; fromPersonId: string; toPersonId: string; reason: string }
  | { type: 'cancelled'; reason: string }
  | { type: 'read_checked'; stepId: string; personId: string; readAt?: string; scheduledAt?: string }
  | {
      type: 'reminded';
      stepId: string;
      /** When the policy scheduled the step (the event's own time is when it was carried out). */
      scheduledAt?: string;
      personId: string;
      /** How it reached them: the daily digest, a notice under their card, or 加急 channels. */
      channels: string[];
      failures?: string[];
    }
  | {
      type: 'escalated';
      stepId: string;
      scheduledAt?: string;
      level: number;
      personId: string;
      role: string;
      standsInFor?: string;
      channels: string[];
      failures?: string[];
    }
  | { type: 'escalation_skipped'; stepId: string; scheduledAt?: string; level: number; reason: string }
  | { type: 'escalation_requested'; level: number; reason: string }
  | { type: 'calendar_changed'; version: string }
  | { type: 'urged'; reason: string }
  | { type: 'instructed'; text: string };

export type ItemEventType = ItemEventBody['type'];

export type ItemEvent = ItemEventBody & { seq: number; actorId: string; at: string };

export const EVENT_LABELS: Record<ItemEventType, string> = {
  created: '交办',
  signed: '签收',
  progress_reported: '反馈进度',
  submitted: '提交办结',
  approved: '审核通过',
  returned: '退回',
  extension_requested: '申请延期',
  extension_approved: '同意延期',
  extension_rejected: '不同意延期',
  transferred: '转办',
  cancelled: '撤销',
  read_checked: '查看已读情况',
  reminded: '提醒',
  escalated: '升级督办',
  escalation_skipped: '跳过层级',
  escalation_requested: '要求立即升级',
  calendar_changed: '日历更新，重算督办时间',
  urged: '催办',
  instructed: '批示',
};
