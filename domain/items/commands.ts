/** What people ask the item to do. Each command becomes one Temporal Update. */

export type ItemCommand =
  | { type: 'sign'; committedDate: string }
  | { type: 'report_progress'; percent: number; note: string }
  | { type: 'submit'; result: string }
  | { type: 'approve'; note?: string }
  | { type: 'reject'; reason: string }
  | { type: 'request_extension'; reason: string; newDueDate: string }
  | { type: 'approve_extension'; note?: string }
  | { type: 'reject_extension'; reason: string }
  | { type: 'transfer'; toPersonId: string; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'urge'; reason: string }
  | { type: 'instruct'; text: string }
  | { type: 'escalate_now'; level: number; reason: string };

export type ItemCommandType = ItemCommand['type'];

/**
 * Facts the edge resolves before asking the workflow, so that the workflow's synchronous
 * validator can decide without I/O.
 */
export interface CommandContext {
  actorId: string;
  now: string;
  /** For transfer: the units the target person belongs to (resolved from the org by the edge). */
  targetUnitIds?: string[];
}

export const COMMAND_LABELS: Record<ItemCommandType, string> = {
  sign: '签收',
  report_progress: '反馈进度',
  submit: '提交办结',
  approve: '审核通过',
  reject: '退回',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  reject_extension: '不同意延期',
  transfer: '转办',
  cancel: '撤销',
  urge: '催办',
  instruct: '批示',
  escalate_now: '立即升级',
};
