import type { CommandContext, ItemCommand } from './commands.js';
import type { ItemEventBody } from './events.js';
import { type Refusal, refuse } from './refusal.js';
import { escalationOf, type ItemState, TERMINAL_STATUSES } from './types.js';
import { requireText } from './validate.js';

type Decision = { ok: true; event: ItemEventBody } | Refusal;
const DEFAULT_URGE_INTERVAL_MINUTES = 60;

/** 催办, 批示 and 立即升级: who may, and how often. */
export function decideEscalationCommand(
  state: ItemState,
  command: Extract<ItemCommand, { type: 'urge' | 'instruct' | 'escalate_now' }>,
  ctx: CommandContext,
): Decision {
  if (TERMINAL_STATUSES.includes(state.status)) return refuse('not_allowed_in_state', '事项已结束，无需督办');
  const esc = escalationOf(state);
  const supervisors = [state.spec.issuerId, state.spec.reviewerId];
  switch (command.type) {
    case 'urge': {
      if (!supervisors.includes(ctx.actorId) && !esc.recipients.includes(ctx.actorId)) {
        return refuse('not_reviewer', '只有督查人员和收到督办的领导可以催办');
      }
      const interval = state.spec.policy?.urgeIntervalMinutes ?? DEFAULT_URGE_INTERVAL_MINUTES;
      const last = esc.lastUrgedAt[ctx.actorId];
      if (last && Date.parse(ctx.now) - Date.parse(last) < interval * 60_000) {
        return refuse('invalid_value', `您在 ${interval} 分钟内已催办过此事项，请稍后再催`);
      }
      return (
        requireText(command.reason, '催办内容', 200) ?? {
          ok: true,
          event: { type: 'urged', reason: command.reason.trim() },
        }
      );
    }
    case 'instruct':
      if (ctx.actorId !== state.spec.issuerId && !esc.recipients.includes(ctx.actorId)) {
        return refuse('not_reviewer', '只有收到督办的领导可以批示');
      }
      return (
        requireText(command.text, '批示内容', 500) ?? {
          ok: true,
          event: { type: 'instructed', text: command.text.trim() },
        }
      );
    case 'escalate_now':
      if (!supervisors.includes(ctx.actorId)) return refuse('not_reviewer', '只有督查人员可以立即升级');
      if (!Number.isInteger(command.level) || command.level < 1 || command.level > 4) {
        return refuse('invalid_value', '升级层级须为 1–4');
      }
      return (
        requireText(command.reason, '升级理由', 200) ?? {
          ok: true,
          event: { type: 'escalation_requested', level: command.level, reason: command.reason.trim() },
        }
      );
  }
}
