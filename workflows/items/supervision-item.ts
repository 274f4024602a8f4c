import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { EscalationActivities } from '../../activities/escalation/escalation-activities.js';
import type { ItemActivities } from '../../activities/items/item-activities.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import {
  changesCards,
  decide,
  evolve,
  type ItemCommandType,
  type ItemEvent,
  type ItemEventBody,
  type ItemSpec,
  type ItemState,
  initialState,
  TERMINAL_STATUSES,
} from '../../domain/items/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { dueSteps, escalate, runStep } from '../escalation/escalation-runner.js';
import { calendarChangedSignal } from '../messages.js';
import { type ItemUpdateArgs, itemStateQuery, itemUpdates } from './messages.js';

export interface SupervisionItemInput {
  spec: ItemSpec;
  /** Set when continuing as new: the state and the events whose notifications are still owed. */
  resume?: { state: ItemState; outbox: ItemEvent[] };
}

/** Ledger writes must land before the click is answered; they retry until the database is back. */
const ledger = proxyActivities<ItemActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * Lark calls may wait on rate limits; a 429 tells the retry how long to wait. They heartbeat
 * between calls, so a crashed worker's delivery is retried after seconds, not minutes.
 */
const lark = proxyActivities<ItemActivities & EscalationActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * One supervision item (督办事项), from 交办 to 办结 or 撤销. The workflow id is the item id.
 * People act through Updates whose validators run the domain's rules, so refusals never
 * enter history; every accepted action is written to the ledger before the Update returns.
 * The main loop sends the notifications events call for, and carries out the item's
 * escalation policy (a snapshot in the spec) on China's working-day calendar.
 */
export async function supervisionItem(input: SupervisionItemInput): Promise<ItemState> {
  let state = input.resume?.state ?? initialState(input.spec);
  const outbox: ItemEvent[] = [...(input.resume?.outbox ?? [])];
  const manual: ItemEvent[] = outbox.filter((e) => e.type === 'escalation_requested');
  const policy = input.spec.policy;
  let cal: CalendarData | undefined;
  let calendarStale = false;
  // True while an escalation step is reaching someone: the card it sends can be clicked before the step is recorded.
  let escalating = false;

  const record = async (body: ItemEventBody, actorId: string) => {
    const event: ItemEvent = { ...body, seq: state.seq + 1, actorId, at: now() };
    state = evolve(state, event);
    if (changesCards(event)) outbox.push(event);
    await ledger.recordTransition({ state, event });
    return event;
  };

  setHandler(itemStateQuery, () => state);
  setHandler(calendarChangedSignal, () => {
    calendarStale = true;
  });
  for (const type of Object.keys(itemUpdates) as ItemCommandType[]) {
    setHandler(
      itemUpdates[type],
      async (args: ItemUpdateArgs) => {
        if (escalating) await condition(() => !escalating);
        const event = accept(state, args);
        state = evolve(state, event);
        outbox.push(event);
        if (event.type === 'escalation_requested') manual.push(event);
        await ledger.recordTransition({ state, event });
        return state;
      },
      {
        validator: (args: ItemUpdateArgs) => {
          // A leader who clicks 催办/批示 on the card an escalation just sent is decided once the step is recorded
          // (the handler waits for it); a refusal then still reaches them as a toast.
          if (escalating && LEADER_COMMANDS.includes(type)) return;
          accept(state, args, type);
        },
      },
    );
  }

  if (!input.resume) {
    const created: ItemEvent = { type: 'created', spec: input.spec, seq: 1, actorId: input.spec.issuerId, at: now() };
    await ledger.recordTransition({ state, event: created });
    outbox.push(created);
  }
  // Items created before escalation existed carry no policy and never touch the calendar.
  if (policy) cal = await calendars.loadCalendar({ around: now() });
  const runner = { acts: lark, now };

  for (;;) {
    const open = !TERMINAL_STATUSES.includes(state.status);
    const plan = policy && cal && open ? dueSteps(policy, state, cal, now()) : { due: [] };
    if (plan.due.length === 0 && outbox.length === 0 && manual.length === 0) {
      const wake = 'nextAt' in plan && plan.nextAt ? Math.max(1, Date.parse(plan.nextAt) - Date.now()) : undefined;
      const woken = () =>
        outbox.length > 0 || manual.length > 0 || calendarStale || TERMINAL_STATUSES.includes(state.status);
      await (wake === undefined ? condition(woken) : condition(woken, wake));
    }
    while (outbox.length > 0) {
      const batch = outbox.splice(0, outbox.length);
      await lark.deliverNotifications({ state, events: batch, at: now() });
    }
    if (calendarStale && policy) {
      calendarStale = false;
      const reloaded = await calendars.loadCalendar({ around: now() });
      if (reloaded.version !== cal?.version) {
        cal = reloaded;
        await record({ type: 'calendar_changed', version: reloaded.version }, 'system');
      }
    }
    if (policy && cal && !TERMINAL_STATUSES.includes(state.status)) {
      for (const step of dueSteps(policy, state, cal, now()).due) {
        escalating = true;
        try {
          await record(await runStep(runner, policy, state, step), 'system');
        } finally {
          escalating = false;
        }
        if (TERMINAL_STATUSES.includes(state.status)) break;
      }
      for (const request of manual.splice(0, manual.length)) {
        if (request.type !== 'escalation_requested' || TERMINAL_STATUSES.includes(state.status)) continue;
        const label = `督查人员要求立即升级：${request.reason}`;
        escalating = true;
        try {
          const step = await escalate(runner, policy, state, `manual-${request.seq}`, request.level, label);
          await record(step, request.actorId);
        } finally {
          escalating = false;
        }
      }
    }
    if (TERMINAL_STATUSES.includes(state.status)) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) return state;
    } else if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof supervisionItem>({
        spec: input.spec,
        resume: { state, outbox: [...outbox, ...manual] },
      });
    }
  }
}

const LEADER_COMMANDS: readonly ItemCommandType[] = ['urge', 'instruct'];

/** Runs the domain's decision; throws (refusing the Update) with the user-facing reason. */
function accept(state: ItemState, args: ItemUpdateArgs, expected?: ItemCommandType): ItemEvent {
  // Payloads come off the wire: check the shape before trusting the type.
  const type = (args as { command?: { type?: unknown } } | undefined)?.command?.type;
  if (expected && type !== expected) {
    throw ApplicationFailure.nonRetryable(`命令类型不匹配：${String(type)}`, 'invalid_value');
  }
  const at = now();
  const decision = decide(state, args.command, {
    actorId: args.actorId,
    now: at,
    ...(args.targetUnitIds ? { targetUnitIds: args.targetUnitIds } : {}),
  });
  if (!decision.ok) throw ApplicationFailure.nonRetryable(decision.message, decision.code);
  return { ...decision.event, seq: state.seq + 1, actorId: args.actorId, at };
}

/** Workflow time is deterministic; written with the +08:00 offset people read. */
function now(): string {
  return toShanghaiIso(Date.now());
}
