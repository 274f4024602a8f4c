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
  | { type: 'cancelled'; reason: string };

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
};
