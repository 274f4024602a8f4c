import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ItemActivities } from '../activities/item-activities.js';
import {
  decide,
  evolve,
  type ItemCommandType,
  type ItemEvent,
  type ItemSpec,
  type ItemState,
  initialState,
  TERMINAL_STATUSES,
} from '../domain/item/index.js';
import { toShanghaiIso } from '../domain/shanghai-time.js';
import { type ItemUpdateArgs, itemStateQuery, itemUpdates } from './messages.js';

export interface SupervisionItemInput {
  spec: ItemSpec;
  /** Set when continuing as new: the state and the events whose notifications are still owed. */
  resume?: { state: ItemState; outbox: ItemEvent[] };
}

/** Ledger writes must land before the click is answered; they retry until the database is back. */
const ledger = proxyActivities<ItemActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Card delivery may wait on Lark's rate limits; a 429 tells the retry how long to wait. */
const messenger = proxyActivities<ItemActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * One supervision item (督办事项), from 交办 to 办结 or 撤销. The workflow id is the item id.
 * People act through Updates whose validators run the domain's rules, so refusals never
 * enter history; every accepted action is written to the ledger before the Update returns,
 * and the notifications it causes are sent from the main loop, one event at a time.
 */
export async function supervisionItem(input: SupervisionItemInput): Promise<ItemState> {
  let state = input.resume?.state ?? initialState(input.spec);
  const outbox: ItemEvent[] = [...(input.resume?.outbox ?? [])];

  setHandler(itemStateQuery, () => state);
  for (const type of Object.keys(itemUpdates) as ItemCommandType[]) {
    setHandler(
      itemUpdates[type],
      async (args: ItemUpdateArgs) => {
        const event = accept(state, args);
        state = evolve(state, event);
        outbox.push(event);
        await ledger.recordTransition({ state, event });
        return state;
      },
      { validator: (args: ItemUpdateArgs) => void accept(state, args, type) },
    );
  }

  if (!input.resume) {
    const created: ItemEvent = { type: 'created', spec: input.spec, seq: 1, actorId: input.spec.issuerId, at: now() };
    await ledger.recordTransition({ state, event: created });
    outbox.push(created);
  }

  for (;;) {
    await condition(() => outbox.length > 0 || TERMINAL_STATUSES.includes(state.status));
    while (outbox.length > 0) {
      const batch = outbox.splice(0, outbox.length);
      await messenger.deliverNotifications({ state, events: batch });
    }
    if (TERMINAL_STATUSES.includes(state.status)) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) return state;
    } else if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof supervisionItem>({ spec: input.spec, resume: { state, outbox } });
    }
  }
}

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
