import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import type { Logger } from '../app/logger.js';
import { type ItemCardContext, loadItemCardContext, renderItemCard } from '../bot/item-card-context.js';
import { LarkApiError } from '../bot/lark/errors.js';
import type { LarkMessenger } from '../bot/lark/messenger.js';
import { listCards, recordDelivery, saveCard } from '../db/repositories/cards.js';
import { recordTransition } from '../db/repositories/items.js';
import type { Database } from '../db/schema.js';
import { type ItemEvent, type ItemState, plan } from '../domain/item/index.js';
import { toShanghaiIso } from '../domain/shanghai-time.js';

export interface ItemActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  clock: () => Date;
  logger: Logger;
}

/**
 * Side effects of a supervision item. Every activity is idempotent: ledger rows are keyed by
 * (item, seq), Lark sends carry a uuid derived from the item and the reason for sending, and
 * patches re-render the same content, so Temporal may retry any of them safely.
 */
export function createItemActivities(deps: ItemActivityDeps) {
  const { db, lark, logger } = deps;
  const now = () => toShanghaiIso(deps.clock().getTime());

  return {
    async recordTransition(input: { state: ItemState; event: ItemEvent }): Promise<void> {
      await recordTransition(db, input.state, input.event, now());
    },

    async deliverNotifications(input: { state: ItemState; events: ItemEvent[] }): Promise<void> {
      const { state, events } = input;
      const itemId = state.spec.id;
      const plans = events.map((e) => ({ event: e, plan: plan(state, e) }));
      const wanted = plans.flatMap((p) => [...p.plan.cards, ...p.plan.notices.map((n) => n.personId)]);
      const existing = await listCards(db, itemId);
      const ctx = await loadItemCardContext(db, state, [...wanted, ...existing.map((c) => c.personId)]);
      const cardOf = new Map(existing.map((c) => [c.personId, c.messageId]));
      const fresh = new Set<string>();

      for (const personId of new Set(plans.flatMap((p) => p.plan.cards))) {
        if (cardOf.has(personId)) continue;
        const messageId = await sendCard(state, personId, ctx);
        if (messageId) {
          cardOf.set(personId, messageId);
          fresh.add(personId);
        }
      }
      for (const { event, plan: p } of plans) {
        for (const notice of p.notices) {
          if (!cardOf.has(notice.personId)) {
            const messageId = await sendCard(state, notice.personId, ctx);
            if (!messageId) continue;
            cardOf.set(notice.personId, messageId);
            fresh.add(notice.personId);
          }
          await replyNotice(itemId, event.seq, notice.personId, cardOf.get(notice.personId)!, notice.text);
        }
      }
      // Patch does not notify; it keeps every card everyone holds showing the current state.
      for (const [personId, messageId] of cardOf) {
        if (fresh.has(personId)) continue;
        await larkCall(`patch ${itemId}/${personId}`, () =>
          lark.patchCard(messageId, renderItemCard(state, personId, ctx, now())),
        );
      }
    },
  };

  async function sendCard(state: ItemState, personId: string, ctx: ItemCardContext): Promise<string | undefined> {
    const itemId = state.spec.id;
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
        at: now(),
      });
      logger.warn('card not sent: person has no Lark account', { itemId, personId });
      return undefined;
    }
    const card = renderItemCard(state, personId, ctx, now());
    const messageId = await larkCall(`send card ${itemId}/${personId}`, () =>
      lark.sendCard(openId, card, larkUuid(dedupKey)),
    );
    if (!messageId) {
      await recordDelivery(db, {
        dedupKey,
        itemId,
        personId,
        channel: 'card',
        ok: false,
        detail: 'send refused',
        at: now(),
      });
      return undefined;
    }
    await saveCard(db, itemId, personId, messageId);
    await recordDelivery(db, { dedupKey, itemId, personId, channel: 'card', messageId, ok: true, at: now() });
    return messageId;
  }

  async function replyNotice(itemId: string, seq: number, personId: string, cardId: string, text: string) {
    const dedupKey = `notice:${itemId}:${seq}:${personId}`;
    const messageId = await larkCall(`notice ${itemId}/${personId}`, () =>
      lark.replyText(cardId, text, larkUuid(dedupKey)),
    );
    await recordDelivery(db, {
      dedupKey,
      itemId,
      personId,
      channel: 'notice',
      ok: messageId !== undefined,
      ...(messageId ? { messageId } : { detail: 'reply refused' }),
      at: now(),
    });
  }

  /** Retryable Lark failures go back to Temporal (with Lark's reset hint); business refusals are recorded, not retried. */
  async function larkCall<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof LarkApiError && !err.retryable) {
        logger.warn('lark refused', { what, code: err.code, message: err.message });
        return undefined;
      }
      const delay = err instanceof LarkApiError ? err.retryAfterMs : undefined;
      throw ApplicationFailure.create({
        message: `${what}: ${err instanceof Error ? err.message : String(err)}`,
        type: 'LarkUnavailable',
        ...(delay ? { nextRetryDelay: delay } : {}),
      });
    }
  }
}

/** Lark's uuid is at most 50 characters; a hash keeps any key inside that and stable. */
export function larkUuid(key: string): string {
  return `d-${createHash('sha256').update(key).digest('base64url').slice(0, 40)}`;
}

export type ItemActivities = ReturnType<typeof createItemActivities>;
