import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { LoanActivities } from '../../activities/loans/loan-activities.js';
import { addWorkdays, type CalendarData } from '../../domain/calendar/index.js';
import { checkSpec } from '../../domain/items/index.js';
import {
  DEFAULT_LOAN_RULES,
  decideLoan,
  evolveLoan,
  type LoanCommandType,
  type LoanEvent,
  type LoanEventBody,
  type LoanRules,
  type LoanState,
  overdueItemSpec,
  planLoan,
} from '../../domain/loans/index.js';
import type { supervisionItem } from '../items/supervision-item.js';
import { actorContext, LEDGER_LARK_ACTIVITY, LEDGER_WRITE_ACTIVITY, now } from '../ledgers/ledger-workflow.js';
import { calendarChangedSignal } from '../messages.js';
import { type LoanUpdateArgs, loanStateQuery, loanUpdates } from './messages.js';

export interface LoanWorkflowInput {
  /** The loan as the ledger holds it (at import, or when continuing as new). */
  state: LoanState;
  rules?: LoanRules;
}

const ledger = proxyActivities<LoanActivities>(LEDGER_WRITE_ACTIVITY);
const lark = proxyActivities<LoanActivities>(LEDGER_LARK_ACTIVITY);
const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * One 小额信贷 loan, from import to 结清 (workflow id `loan-<id>`). Before the due date the village cadre gets the
 * loan card with reminders; from the first working day after it, an unpaid loan opens an overdue supervision item
 * (a child supervisionItem, kind 'loan') that escalates under the item policy. Repayments and 展期 come in as
 * Updates from the loan card; a full repayment closes the loan and withdraws the overdue item.
 */
export async function loanCollection(input: LoanWorkflowInput): Promise<LoanState> {
  let state = input.state;
  const rules = input.rules ?? DEFAULT_LOAN_RULES;
  let changed = false;
  let calendarStale = false;

  const record = async (body: LoanEventBody, actorId: string): Promise<void> => {
    const event = { ...body, seq: state.seq + 1, actorId, at: now() } as LoanEvent;
    state = evolveLoan(state, event);
    await ledger.recordLoanEvent({ state, event });
  };

  setHandler(loanStateQuery, () => state);
  setHandler(calendarChangedSignal, () => {
    calendarStale = true;
  });
  for (const type of Object.keys(loanUpdates) as LoanCommandType[]) {
    setHandler(
      loanUpdates[type],
      async (args: LoanUpdateArgs) => {
        const event = accept(state, args, type, rules);
        state = evolveLoan(state, event);
        changed = true;
        await ledger.recordLoanEvent({ state, event });
        return state;
      },
      { validator: (args: LoanUpdateArgs) => void accept(state, args, type, rules) },
    );
  }

  let cal: CalendarData = await calendars.loadCalendar({ around: now() });
  while (state.status !== 'repaid') {
    const plan = planLoan(state, cal, now(), rules);
    for (const step of plan.due) {
      if (step.type === 'remind') {
        const reach = await lark.remindLoan({ state, key: step.key, workdaysLeft: step.workdaysLeft, at: now() });
        await record(
          {
            type: 'reminded',
            key: step.key,
            workdaysLeft: step.workdaysLeft,
            personId: state.loan.cadreId,
            channels: reach.channels,
            ...(reach.failures.length ? { failures: reach.failures } : {}),
          },
          'system',
        );
      } else {
        await openOverdueItem(cal);
        changed = true;
      }
    }
    if (plan.due.length > 0) continue;
    if (changed) {
      changed = false;
      await lark.refreshLoanCard({ state, at: now() });
      continue;
    }
    const wake = plan.nextAt ? Math.max(1, Date.parse(plan.nextAt) - Date.now()) : undefined;
    const woken = () => changed || calendarStale;
    const signalled = wake === undefined ? await condition(woken).then(() => true) : await condition(woken, wake);
    // After a timer the day may have moved into a year the calendar had not covered: reload it then too.
    if (!signalled || calendarStale || plan.needsCalendar) {
      calendarStale = false;
      cal = await calendars.loadCalendar({ around: now() });
    }
    if (workflowInfo().continueAsNewSuggested && !changed) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof loanCollection>({ state, rules });
    }
  }

  await closeOverdueItem();
  await lark.refreshLoanCard({ state, at: now() });
  await condition(allHandlersFinished);
  return state;

  async function openOverdueItem(calendar: CalendarData): Promise<void> {
    const at = now();
    const facts = await ledger.overdueItemFacts({ state, at });
    if (!facts.ok) {
      log.warn('overdue loan without an item', { loanId: state.loan.id, problem: facts.problem });
      await record({ type: 'overdue', problem: facts.problem }, 'system');
      return;
    }
    const spec = overdueItemSpec(state, {
      officerId: facts.officerId,
      villageName: facts.villageName,
      createdAt: at,
      signBy: addWorkdays(calendar, at, rules.signWorkdays),
      dueAt: addWorkdays(calendar, at, rules.collectWorkdays),
      policy: facts.policy,
    });
    const refusal = checkSpec(spec);
    if (refusal) {
      await record({ type: 'overdue', problem: refusal.message }, 'system');
      return;
    }
    await startItem(spec);
    await record({ type: 'overdue', itemId: spec.id }, 'system');
  }

  async function closeOverdueItem(): Promise<void> {
    if (!state.overdueItemId || state.itemClosed) return;
    const last = state.repayments.at(-1);
    const reason = `已还款：${last?.on ?? state.closedOn} 登记全额还款，贷款已结清（系统自动销号）`;
    const outcome = await ledger.closeOverdueItem({
      itemId: state.overdueItemId,
      reason,
      requestId: `${workflowInfo().workflowId}:close-item`,
    });
    if (outcome === 'closed') await record({ type: 'item_closed', itemId: state.overdueItemId, reason }, 'system');
    else log.info('overdue item left as it is', { itemId: state.overdueItemId, outcome });
  }
}

/** Starting the same item twice (a retried or replayed step) is a no-op: the item id is the workflow id. */
async function startItem(spec: Parameters<typeof supervisionItem>[0]['spec']): Promise<void> {
  try {
    await startChild<typeof supervisionItem>('supervisionItem', {
      workflowId: spec.id,
      args: [{ spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
  }
}

/** Runs the domain's decision; throws (refusing the Update) with the user-facing reason. */
function accept(state: LoanState, args: LoanUpdateArgs, expected: LoanCommandType, rules: LoanRules): LoanEvent {
  const type = (args as { command?: { type?: unknown } } | undefined)?.command?.type;
  if (type !== expected || typeof args.actorId !== 'string') {
    throw ApplicationFailure.nonRetryable(`命令类型不匹配：${String(type)}`, 'invalid_value');
  }
  const at = now();
  const decision = decideLoan(state, args.command, actorContext(args, at), rules);
  if (!decision.ok) throw ApplicationFailure.nonRetryable(decision.message, decision.code);
  return { ...decision.event, seq: state.seq + 1, actorId: args.actorId, at } as LoanEvent;
}
