import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { type ItemCardContext, loadItemCardContext, renderItemCard } from '../../bot/items/item-card-context.js';
import { LarkApiError } from '../../bot/lark/errors.js';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import { listCards, recordDelivery, saveCard } from '../../db/items/cards.js';
import type { Database } from '../../db/schema.js';
import type { ItemState } from '../../domain/items/index.js';
import type { Logger } from '../../platform/logger.js';

export interface CardDeliveryDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

/** Lark's uuid is at most 50 characters; a hash keeps any key inside that and stable. */
export function larkUuid(key: string): string {
  return `d-${createHash('sha256').update(key).digest('base64url').slice(0, 40)}`;
}

/**
 * One item's cards: at most one per person, sent once (Lark uuid + item_cards), patched to the
 * current state, with notices replied underneath. Every attempt is recorded in `deliveries`
 * with the workflow's time `at`, so the timeline shows which card went to whom and when.
 */
export function createCardDelivery(deps: CardDeliveryDeps) {
  const { db, lark, logger } = deps;

  /** Everything needed to render and address this item's cards. */
  async function open(state: ItemState, people: string[], at: string) {
    const existing = await listCards(db, state.spec.id);
    const ctx = await loadItemCardContext(db, state, [...people, ...existing.map((c) => c.personId)]);
    const cardOf = new Map(existing.map((c) => [c.personId, c.messageId]));
    const fresh = new Set<string>();
    const render = (personId: string, view: ItemState = state) => renderItemCard(view, personId, ctx, at);

    return {
      ctx,
      cardOf,
      /** Sends the person their card unless they have one; returns its message id. */
      async ensureCard(personId: string, view: ItemState = state): Promise<string | undefined> {
        const known = cardOf.get(personId);
        if (known) return known;
        const messageId = await sendCard(state.spec.id, personId, ctx, render(personId, view), at);
        if (messageId) {
          cardOf.set(personId, messageId);
          fresh.add(personId);
        }
        return messageId;
      },
      async notice(personId: string, key: string, text: string): Promise<boolean> {
        const cardId = await this.ensureCard(personId);
        if (!cardId) return false;
        const dedupKey = `notice:${state.spec.id}:${key}:${personId}`;
        const messageId = await larkCall(`notice ${state.spec.id}/${personId}`, () =>
          lark.replyText(cardId, text, larkUuid(dedupKey)),
        );
        await recordDelivery(db, {
          dedupKey,
          itemId: state.spec.id,
          personId,
          channel: 'notice',
          ok: messageId !== undefined,
          ...(messageId ? { messageId } : { detail: 'reply refused' }),
          at,
        });
        return messageId !== undefined;
      },
      /** Patch does not notify; it keeps every card everyone holds showing the current state. */
      async patchAll(): Promise<void> {
        for (const [personId, messageId] of cardOf) {
          if (fresh.has(personId)) continue;
          await larkCall(`patch ${state.spec.id}/${personId}`, () => lark.patchCard(messageId, render(personId)));
        }
      },
    };
  }

  async function sendCard(itemId: string, personId: string, ctx: ItemCardContext, card: object, at: string) {
    const dedupKey = `card:${itemId}:${personId}`;
    const openId = ctx.openIds[personId];
    if (!openId) {
      await recordDelivery(db, {
        dedupKey,
        itemId,
        personId,
        channel: 'card',
        ok: false,
        detail: '未绑定飞书账号',
        at,
      });
      logger.warn('card not sent: person has no Lark account', { itemId, personId });
      return undefined;
    }
    const messageId = await larkCall(`send card ${itemId}/${personId}`, () =>
      lark.sendCard(openId, card, larkUuid(dedupKey)),
    );
    if (!messageId) {
      await recordDelivery(db, { dedupKey, itemId, personId, channel: 'card', ok: false, detail: 'send refused', at });
      return undefined;
    }
    await saveCard(db, itemId, personId, messageId);
    await recordDelivery(db, { dedupKey, itemId, personId, channel: 'card', messageId, ok: true, at });
    return messageId;
  }

  const larkCall = larkCaller(logger);

  return { open, larkCall };
}

/**
 * Tells Temporal this activity is alive between Lark calls, so a worker that dies mid-delivery
 * is noticed within the heartbeat timeout rather than the whole start-to-close timeout.
 */
export function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // Not running inside an activity (a direct call in a script): nothing to report to.
  }
}

/**
 * How every activity calls Lark: heartbeat first; retryable failures go back to Temporal (with Lark's reset hint);
 * business refusals are logged and come back as undefined, to be recorded by the caller, never retried.
 */
export function larkCaller(logger: Logger) {
  return async function larkCall<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    heartbeat();
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LarkApiError && !err.retryable) {
        logger.warn('lark refused', { what, code: err.code, message: err.message });
        return undefined;
      }
      throw retryLater(what, err);
    }
  };
}

export function retryLater(what: string, err: unknown): ApplicationFailure {
  const delay = err instanceof LarkApiError ? err.retryAfterMs : undefined;
  return ApplicationFailure.create({
    message: `${what}: ${err instanceof Error ? err.message : String(err)}`,
    type: 'LarkUnavailable',
    ...(delay ? { nextRetryDelay: delay } : {}),
  });
}

export type CardDelivery = ReturnType<typeof createCardDelivery>;
