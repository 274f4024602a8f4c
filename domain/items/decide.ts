import { compareInstants, endOfDay, localDate } from '../shanghai-time.js';
import type { CommandContext, ItemCommand } from './commands.js';
import { decideEscalationCommand } from './decide-escalation.js';
import type { ItemEventBody } from './events.js';
import { STATUS_LABELS } from './labels.js';
import { type Refusal, refuse } from './refusal.js';
import { type ItemState, type ItemStatus, TERMINAL_STATUSES } from './types.js';
import { requireDate, requirePercent, requireText } from './validate.js';

export type Decision = { ok: true; event: ItemEventBody } | Refusal;

const accept = (event: ItemEventBody): Decision => ({ ok: true, event });

/**
 * The item state machine: who may do what, in which state, with which values.
 * Used by the workflow's synchronous update validators and by its handlers, so a refusal
 * never reaches history and an accepted command always yields exactly one event.
 */
export function decide(state: ItemState, command: ItemCommand, ctx: CommandContext): Decision {
  switch (command.type) {
    case 'sign':
      return (
        asAssignee(state, ctx) ??
        inStatus(state, ['assigned'], '签收') ??
        requireDate(command.committedDate, '承诺办结日期') ??
        notBefore(command.committedDate, localDate(ctx.now), '承诺办结日期不能早于今天') ??
        notAfterDue(state, command.committedDate, ctx.now) ??
        accept({ type: 'signed', committedDate: command.committedDate })
      );
    case 'report_progress':
      return (
        asAssignee(state, ctx) ??
        inStatus(state, ['in_progress'], '反馈进度') ??
        requirePercent(command.percent) ??
        requireText(command.note, '进度说明', 500) ??
        accept({ type: 'progress_reported', percent: command.percent, note: command.note.trim() })
      );
    case 'submit':
      return (
        asAssignee(state, ctx) ??
        inStatus(state, ['in_progress'], '提交办结') ??
        requireText(command.result, '办理结果', 1000) ??
        accept({ type: 'submitted', result: command.result.trim() })
      );
    case 'approve':
      return (
        asReviewer(state, ctx) ??
        inStatus(state, ['submitted'], '审核通过') ??
        accept({ type: 'approved', ...(command.note ? { note: command.note.trim() } : {}) })
      );
    case 'reject':
      return (
        asReviewer(state, ctx) ??
        inStatus(state, ['submitted'], '退回') ??
        requireText(command.reason, '退回理由', 500) ??
        accept({ type: 'returned', reason: command.reason.trim() })
      );
    case 'request_extension':
      return decideExtensionRequest(state, command, ctx);
    case 'approve_extension':
      return (
        asReviewer(state, ctx) ??
        pendingExtension(state) ??
        accept({
          type: 'extension_approved',
          newDueAt: state.extension!.newDueAt,
          previousDueAt: state.dueAt,
          ...(command.note ? { note: command.note.trim() } : {}),
        })
      );
    case 'reject_extension':
      return (
        asReviewer(state, ctx) ??
        pendingExtension(state) ??
        requireText(command.reason, '不同意理由', 500) ??
        accept({ type: 'extension_rejected', reason: command.reason.trim() })
      );
    case 'transfer':
      return decideTransfer(state, command, ctx);
    case 'cancel':
      return (
        asIssuer(state, ctx) ??
        inStatus(state, ['assigned', 'in_progress', 'submitted'], '撤销') ??
        requireText(command.reason, '撤销理由', 500) ??
        accept({ type: 'cancelled', reason: command.reason.trim() })
      );
    case 'urge':
    case 'instruct':
    case 'escalate_now':
      return decideEscalationCommand(state, command, ctx);
  }
}

function decideExtensionRequest(
  state: ItemState,
  command: Extract<ItemCommand, { type: 'request_extension' }>,
  ctx: CommandContext,
): Decision {
  const dueDate = localDate(state.dueAt);
  return (
    asAssignee(state, ctx) ??
    inStatus(state, ['assigned', 'in_progress'], '申请延期') ??
    (state.extension ? refuse('extension_pending', '已有延期申请在审核中，请等待审核结果') : undefined) ??
    (compareInstants(ctx.now, state.dueAt) > 0
      ? refuse('past_deadline', `已超过办结期限（${dueDate}），不能再申请延期，请联系督查室`)
      : undefined) ??
    requireText(command.reason, '延期理由', 500) ??
    requireDate(command.newDueDate, '新的办结期限') ??
    (command.newDueDate <= dueDate ? refuse('invalid_value', `新的办结期限须晚于当前期限 ${dueDate}`) : undefined) ??
    accept({ type: 'extension_requested', reason: command.reason.trim(), newDueAt: endOfDay(command.newDueDate) })
  );
}

function decideTransfer(
  state: ItemState,
  command: Extract<ItemCommand, { type: 'transfer' }>,
  ctx: CommandContext,
): Decision {
  const mayTransfer = [state.assigneeId, state.spec.reviewerId, state.spec.issuerId].includes(ctx.actorId);
  return (
    (mayTransfer ? undefined : refuse('not_assignee', '只有责任人或督查人员可以转办此事项')) ??
    inStatus(state, ['assigned', 'in_progress'], '转办') ??
    requireText(command.toPersonId, '转办对象', 64) ??
    (command.toPersonId === state.assigneeId ? refuse('invalid_value', '不能转办给当前责任人') : undefined) ??
    (ctx.targetUnitIds?.includes(state.spec.ownerUnitId)
      ? undefined
      : refuse('outside_unit', '只能转办给本单位的人员')) ??
    requireText(command.reason, '转办说明', 500) ??
    accept({
      type: 'transferred',
      fromPersonId: state.assigneeId,
      toPersonId: command.toPersonId,
      reason: command.reason.trim(),
    })
  );
}

function asAssignee(state: ItemState, ctx: CommandContext): Refusal | undefined {
  return ctx.actorId === state.assigneeId ? undefined : refuse('not_assignee', '您不是此事项的责任人，不能执行此操作');
}

function asReviewer(state: ItemState, ctx: CommandContext): Refusal | undefined {
  return ctx.actorId === state.spec.reviewerId
    ? undefined
    : refuse('not_reviewer', '您不是此事项的审核人，不能执行此操作');
}

function asIssuer(state: ItemState, ctx: CommandContext): Refusal | undefined {
  return ctx.actorId === state.spec.issuerId ? undefined : refuse('not_issuer', '只有交办人可以撤销此事项');
}

function inStatus(state: ItemState, allowed: ItemStatus[], action: string): Refusal | undefined {
  if (allowed.includes(state.status)) return undefined;
  const now = STATUS_LABELS[state.status];
  const hint = TERMINAL_STATUSES.includes(state.status) ? '' : '，请刷新卡片查看最新状态';
  return refuse('not_allowed_in_state', `事项当前为「${now}」，不能${action}${hint}`);
}

function pendingExtension(state: ItemState): Refusal | undefined {
  if (TERMINAL_STATUSES.includes(state.status)) return inStatus(state, [], '审核延期');
  return state.extension ? undefined : refuse('no_extension_pending', '此事项没有待审核的延期申请');
}

function notBefore(date: string, min: string, message: string): Refusal | undefined {
  return date < min ? refuse('invalid_value', message) : undefined;
}

/** Before the deadline a commitment must fit inside it (more time needs 延期); an overdue item commits to any day from today. */
function notAfterDue(state: ItemState, date: string, now: string): Refusal | undefined {
  const dueDate = localDate(state.dueAt);
  return date > dueDate && localDate(now) <= dueDate
    ? refuse('invalid_value', `承诺办结日期不能晚于办结期限 ${dueDate}，如需更多时间请申请延期`)
    : undefined;
}
