import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findItem } from '../../db/items/items.js';
import { unitIdsOfPerson } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import { COMMAND_LABELS, type ItemCommandType, type ItemState } from '../../domain/items/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { itemUpdates, itemWorkflowId } from '../../workflows/items/messages.js';
import { TIMED_OUT, withBudget } from '../webhook/budget.js';
import type { CardClick, CardRoute } from '../webhook/card-router.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { commandFromForm } from './form-command.js';
import { loadItemCardContext, renderItemCard } from './item-card-context.js';

export interface ItemCardRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  clock: () => Date;
  logger: Logger;
  /** Lark waits 3 s for the answer; leave room for the network. */
  budgetMs?: number;
}

/**
 * Item buttons: the click becomes a Temporal Update and the answer is a toast plus the
 * clicker's new card. The Lark event id is the Update id, so a redelivered click is answered
 * with the first outcome instead of acting twice.
 */
export function createItemCardRoute(deps: ItemCardRouteDeps): CardRoute {
  const { db, temporal, logger } = deps;
  const budgetMs = deps.budgetMs ?? 2500;

  return async (click: CardClick): Promise<CardCallbackResponse> => {
    const value = parseValue(click.value);
    if (!value) return toast('error', '无法识别的操作', 'Unknown action');
    const person = click.actor;
    const command = commandFromForm(value.cmd, click.formValue);
    const targetUnitIds = command.type === 'transfer' ? await unitIdsOfPerson(db, command.toPersonId) : undefined;
    const handle = temporal.workflow.getHandle(itemWorkflowId(value.item));
    const started = Date.now();
    const update = handle.executeUpdate(itemUpdates[value.cmd], {
      args: [{ actorId: person.id, command, ...(targetUnitIds ? { targetUnitIds } : {}) }],
      ...(click.eventId ? { updateId: click.eventId } : {}),
    });

    let outcome: ItemState | typeof TIMED_OUT;
    try {
      outcome = await withBudget(update, budgetMs);
    } catch (err) {
      return refusal(err, value.item, person.id);
    }
    if (outcome === TIMED_OUT) {
      logger.warn('card action over budget', { eventId: click.eventId, item: value.item, ms: Date.now() - started });
      // The Update goes on in the background; the card is patched when it lands.
      update.catch(() => undefined);
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    // For 整改 items the reviewer's approval is the inspector's 销号.
    const label =
      value.cmd === 'approve' && outcome.spec.kind === 'rectification' ? '确认销号' : COMMAND_LABELS[value.cmd];
    return toast('success', `${label}成功`, `${value.cmd} done`, await cardFor(outcome, person.id));
  };

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

function parseValue(value: Record<string, unknown>): { item: string; cmd: ItemCommandType } | undefined {
  const { item, cmd } = value;
  if (typeof item !== 'string' || typeof cmd !== 'string' || !Object.hasOwn(itemUpdates, cmd)) return undefined;
  return { item, cmd: cmd as ItemCommandType };
}

function isCompleted(err: unknown): boolean {
  return err instanceof Error && /already completed|workflow execution .*completed/i.test(err.message);
}
