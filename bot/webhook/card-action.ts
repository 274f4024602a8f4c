import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Logger } from '../../app/logger.js';
import { findItem } from '../../db/repositories/items.js';
import { findPersonByOpenId, unitIdsOfPerson } from '../../db/repositories/org.js';
import type { Database } from '../../db/schema.js';
import { COMMAND_LABELS, type ItemCommandType, type ItemState } from '../../domain/item/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { itemUpdates, itemWorkflowId } from '../../workflows/messages.js';
import { loadItemCardContext, renderItemCard } from '../item-card-context.js';
import { commandFromForm } from './form-values.js';
import { type CardCallbackResponse, toast } from './toast.js';

/** The flattened `card.action.trigger` payload the SDK's EventDispatcher hands us. */
export interface CardActionData {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; form_value?: Record<string, unknown>; name?: string; tag?: string };
  context?: { open_message_id?: string };
}

export interface CardActionDeps {
  db: Kysely<Database>;
  temporal: Client;
  clock: () => Date;
  logger: Logger;
  /** Lark waits 3 s for the answer; leave room for the network. */
  budgetMs?: number;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Maps a click to a Temporal Update and answers with a toast and the clicker's new card.
 * Never throws: the SDK would drop the response and Lark would show a generic error.
 * The Lark event id is the Update id, so a redelivered click is answered with the first
 * outcome instead of acting twice.
 */
export function createCardActionHandler(deps: CardActionDeps) {
  const { db, temporal, logger } = deps;
  const budgetMs = deps.budgetMs ?? 2500;

  return async function onCardAction(data: CardActionData): Promise<CardCallbackResponse> {
    try {
      return await handle(data);
    } catch (err) {
      logger.error('card action failed', { eventId: data.event_id, error: String(err) });
      return toast('error', '系统繁忙，请稍后重试', 'Something went wrong, please retry');
    }
  };

  async function handle(data: CardActionData): Promise<CardCallbackResponse> {
    const value = parseValue(data.action?.value);
    if (!value) return toast('error', '无法识别的操作', 'Unknown action');
    const person = data.operator?.open_id ? await findPersonByOpenId(db, data.operator.open_id) : undefined;
    if (!person) return toast('error', '您尚未登记为督办系统用户，请联系督查室', 'You are not registered in Duban');

    const command = commandFromForm(value.cmd, data.action?.form_value ?? {});
    const targetUnitIds = command.type === 'transfer' ? await unitIdsOfPerson(db, command.toPersonId) : undefined;
    const handle = temporal.workflow.getHandle(itemWorkflowId(value.item));
    const started = Date.now();
    const update = handle.executeUpdate(itemUpdates[value.cmd], {
      args: [{ actorId: person.id, command, ...(targetUnitIds ? { targetUnitIds } : {}) }],
      ...(data.event_id ? { updateId: data.event_id } : {}),
    });

    let outcome: ItemState | typeof TIMED_OUT;
    try {
      outcome = await withBudget(update, budgetMs);
    } catch (err) {
      return refusal(err, value.item, person.id);
    }
    if (outcome === TIMED_OUT) {
      logger.warn('card action over budget', { eventId: data.event_id, item: value.item, ms: Date.now() - started });
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    const label = COMMAND_LABELS[value.cmd];
    return toast('success', `${label}成功`, `${value.cmd} done`, await cardFor(outcome, person.id));
  }

  async function refusal(err: unknown, itemId: string, personId: string): Promise<CardCallbackResponse> {
    const row = await findItem(db, itemId);
    const card = row ? await cardFor(row.state, personId) : undefined;
    if (err instanceof WorkflowUpdateFailedError) {
      const reason = err.cause?.message ?? '操作未通过校验';
      return toast('error', reason, 'Refused', card);
    }
    if (err instanceof WorkflowNotFoundError || isCompleted(err)) {
      const zh = row ? `事项已${row.status === 'cancelled' ? '撤销' : '办结'}，无需操作` : '事项不存在';
      return toast('error', zh, 'Item is closed', card);
    }
    throw err;
  }

  async function cardFor(state: ItemState, personId: string): Promise<object> {
    const ctx = await loadItemCardContext(db, state, [personId]);
    return renderItemCard(state, personId, ctx, toShanghaiIso(deps.clock().getTime()));
  }
}

function parseValue(value: unknown): { item: string; cmd: ItemCommandType } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { item, cmd } = value as Record<string, unknown>;
  if (typeof item !== 'string' || typeof cmd !== 'string' || !(cmd in itemUpdates)) return undefined;
  return { item, cmd: cmd as ItemCommandType };
}

function isCompleted(err: unknown): boolean {
  return err instanceof Error && /already completed|workflow execution .*completed/i.test(err.message);
}

async function withBudget<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
