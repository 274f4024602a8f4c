import { addDays } from '../calendar/index.js';
import { type Refusal, refuse } from '../items/refusal.js';
import { requireDate, requireText } from '../items/validate.js';
import { localDate } from '../shanghai-time.js';
import type { LoanCommand, LoanCommandContext } from './commands.js';
import type { LoanEventBody } from './events.js';
import { formatYuan } from './money.js';
import { DEFAULT_LOAN_RULES, type LoanRules } from './rules.js';
import { isOpenLoan, type LoanState, outstandingOf } from './types.js';

export type LoanDecision = { ok: true; event: LoanEventBody } | Refusal;

const accept = (event: LoanEventBody): LoanDecision => ({ ok: true, event });

/**
 * Who may record what on a loan, in which state, with which values. The loan workflow's synchronous Update
 * validators call it, so a refused click never reaches history and an accepted one yields exactly one event.
 */
export function decideLoan(
  state: LoanState,
  command: LoanCommand,
  ctx: LoanCommandContext,
  rules: LoanRules = DEFAULT_LOAN_RULES,
): LoanDecision {
  const today = localDate(ctx.now);
  const guard =
    mayRecord(state, ctx) ??
    (isOpenLoan(state) ? undefined : refuse('not_allowed_in_state', '该笔贷款已结清，无需再登记'));
  if (guard) return guard;
  const outstanding = outstandingOf(state);
  switch (command.type) {
    case 'repay_full':
      return (
        repaymentDate(state, command.on, today) ??
        accept({ type: 'repaid', amountFen: outstanding, on: command.on, full: true, outstandingFen: 0 })
      );
    case 'repay_partial': {
      const amount = command.amountFen;
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
        return refuse('invalid_value', '请填写还款金额（元），须大于 0，最多两位小数');
      }
      if (amount > outstanding) {
        return refuse('invalid_value', `还款金额 ${formatYuan(amount)} 元超过未还金额 ${formatYuan(outstanding)} 元`);
      }
      return (
        repaymentDate(state, command.on, today) ??
        accept({
          type: 'repaid',
          amountFen: amount,
          on: command.on,
          full: amount === outstanding,
          outstandingFen: outstanding - amount,
        })
      );
    }
    case 'extend':
      return decideExtension(state, command, today, rules);
  }
}

function mayRecord(state: LoanState, ctx: LoanCommandContext): Refusal | undefined {
  if (ctx.actorId === state.loan.cadreId || ctx.actorUnitIds?.includes(state.loan.villageId)) return undefined;
  return refuse('not_assignee', '只有本村负责小额信贷的干部可以登记还款或展期');
}

function repaymentDate(state: LoanState, on: string, today: string): Refusal | undefined {
  return (
    requireDate(on, '还款日期') ??
    (on > today ? refuse('invalid_value', `还款日期 ${on} 不能晚于今天`) : undefined) ??
    (on < state.loan.issuedOn
      ? refuse('invalid_value', `还款日期 ${on} 不能早于放款日期 ${state.loan.issuedOn}`)
      : undefined)
  );
}

function decideExtension(
  state: LoanState,
  command: Extract<LoanCommand, { type: 'extend' }>,
  today: string,
  rules: LoanRules,
): LoanDecision {
  const latest = addDays(state.dueOn, rules.maxExtensionDays);
  return (
    (state.extension ? refuse('not_allowed_in_state', '该笔贷款已展期一次，不能再次展期') : undefined) ??
    (state.status !== 'active' || today > state.dueOn
      ? refuse('past_deadline', `贷款已于 ${state.dueOn} 到期，逾期贷款不能办理展期，请督促还款`)
      : undefined) ??
    requireDate(command.newDueOn, '展期后的到期日期') ??
    (command.newDueOn <= state.dueOn
      ? refuse('invalid_value', `展期后的到期日期须晚于原到期日期 ${state.dueOn}`)
      : undefined) ??
    (command.newDueOn > latest
      ? refuse('invalid_value', `展期最长 ${rules.maxExtensionDays} 天，最晚到 ${latest}`)
      : undefined) ??
    requireText(command.reason, '展期理由', 200) ??
    accept({ type: 'extended', fromDueOn: state.dueOn, toDueOn: command.newDueOn, reason: command.reason.trim() })
  );
}
