import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findLoanState } from '../../db/loans/loans.js';
import { unitIdsOfPerson } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import {
  LOAN_COMMAND_LABELS,
  type LoanCommand,
  type LoanCommandType,
  type LoanState,
  loanWorkflowId,
  parseAmount,
} from '../../domain/loans/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { loanUpdates } from '../../workflows/loans/messages.js';
import { TIMED_OUT, withBudget } from '../webhook/budget.js';
import type { CardClick, CardRoute } from '../webhook/card-router.js';
import { larkDate } from '../webhook/form-values.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { renderLoanCard } from './card-context.js';
import { LOAN_FIELDS } from './loan-card.js';

export interface LoanCardRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  clock: () => Date;
  logger: Logger;
  /** Lark waits 3 s for the answer; leave room for the network. */
  budgetMs?: number;
}

/**
 * Buttons of the loan card (`kind: 'loan'`): 全额还款, 部分还款 and 展期 become Updates of the loan's workflow, with
 * the Lark event id as the update id so a redelivered click acts once. The answer is a toast and the card as it
 * now stands; refusals (wrong person, bad amount, an overdue loan's 展期) come from the workflow's validators.
 */
export function createLoanCardRoute(deps: LoanCardRouteDeps): CardRoute {
  const budgetMs = deps.budgetMs ?? 2500;
  return async (click: CardClick): Promise<CardCallbackResponse> => {
    const { act, loan } = click.value;
    if (typeof loan !== 'string' || typeof act !== 'string' || !Object.hasOwn(loanUpdates, act)) {
      return toast('error', '无法识别的操作', 'Unknown action');
    }
    const type = act as LoanCommandType;
    const actorUnitIds = await unitIdsOfPerson(deps.db, click.actor.id);
    const update = deps.temporal.workflow.getHandle(loanWorkflowId(loan)).executeUpdate(loanUpdates[type], {
      args: [{ actorId: click.actor.id, actorUnitIds, command: commandFromForm(type, click.formValue) }],
      ...(click.eventId ? { updateId: click.eventId } : {}),
    });
    let state: LoanState | typeof TIMED_OUT;
    try {
      state = await withBudget(update, budgetMs);
    } catch (err) {
      return refusal(err, loan);
    }
    if (state === TIMED_OUT) {
      update.catch(() => undefined);
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    const done =
      type === 'repay_partial' && state.status === 'repaid'
        ? '还款已登记，贷款已结清'
        : `${LOAN_COMMAND_LABELS[type]}已登记`;
    return toast('success', done, `${type} recorded`, await renderLoanCard(deps.db, state, now()));
  };

  async function refusal(err: unknown, loanId: string): Promise<CardCallbackResponse> {
    const stored = await findLoanState(deps.db, loanId);
    const card = stored ? await renderLoanCard(deps.db, stored, now()) : undefined;
    if (err instanceof WorkflowUpdateFailedError)
      return toast('error', err.cause?.message ?? '操作未通过校验', 'Refused', card);
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /completed/i.test(err.message))) {
      return toast('error', stored ? '该笔贷款已结清，无需再登记' : '找不到这笔贷款', 'The loan is closed', card);
    }
    throw err;
  }

  function now(): string {
    return toShanghaiIso(deps.clock().getTime());
  }
}

/** Form values as typed; the domain decides what is malformed and says why (an unreadable amount becomes NaN). */
export function commandFromForm(type: LoanCommandType, form: Record<string, unknown>): LoanCommand {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  switch (type) {
    case 'repay_full':
      return { type, on: larkDate(form[LOAN_FIELDS.fullOn]) };
    case 'repay_partial':
      return {
        type,
        amountFen: parseAmount(text(LOAN_FIELDS.amount), 'yuan') ?? Number.NaN,
        on: larkDate(form[LOAN_FIELDS.partialOn]),
      };
    case 'extend':
      return { type, newDueOn: larkDate(form[LOAN_FIELDS.extendTo]), reason: text(LOAN_FIELDS.extendReason) };
  }
}
