import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { LarkApiError } from '../../bot/lark/errors.js';
import type { RankingLark } from '../../bot/ranking/ranking-lark.js';
import { peopleByIds } from '../../db/ranking/inputs.js';
import { listMessages, saveMessage } from '../../db/ranking/runs.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../platform/logger.js';
import { larkUuid } from '../items/item-activities.js';

export interface DeliveryDeps {
  db: Kysely<Database>;
  lark: RankingLark;
  logger: Logger;
}

/**
 * Sending and updating a run's cards, idempotently: every message has a key within its run ('draft',
 * 'village:<id>:<person>', …), its Lark uuid derives from that key, and a key already sent is patched instead, so an
 * activity retried after a partial success sends nothing twice.
 */
export function createRankingDelivery(deps: DeliveryDeps) {
  const { db, lark, logger } = deps;

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

  return {
    larkCall,

    async toChat(workflowId: string, key: string, chatId: string, card: object): Promise<string | undefined> {
      const sent = (await listMessages(db, workflowId)).get(key);
      if (sent) {
        await larkCall(`patch ${key}`, () => lark.patchCard(sent, card));
        return sent;
      }
      const id = await larkCall(`send ${key}`, () =>
        lark.sendCardToChat(chatId, card, larkUuid(`ranking:${workflowId}:${key}`)),
      );
      if (id) await saveMessage(db, workflowId, key, id, chatId);
      return id;
    },

    /** Sends a person's card (key gets ':<personId>'); people without a Lark account are logged and skipped. */
    async toPeople(workflowId: string, key: string, personIds: string[], card: object): Promise<void> {
      const sent = await listMessages(db, workflowId);
      const people = await peopleByIds(db, personIds);
      for (const p of people) {
        const k = `${key}:${p.id}`;
        const existing = sent.get(k);
        if (existing) {
          await larkCall(`patch ${k}`, () => lark.patchCard(existing, card));
          continue;
        }
        if (!p.open_id) {
          logger.warn('ranking card not sent: person has no Lark account', { workflowId, personId: p.id });
          continue;
        }
        const openId = p.open_id;
        const id = await larkCall(`send ${k}`, () =>
          lark.sendCard(openId, card, larkUuid(`ranking:${workflowId}:${k}`)),
        );
        if (id) await saveMessage(db, workflowId, k, id);
      }
    },

    /** Patches the message of a key, or every message under a prefix ending in ':' (e.g. 'village:xiaojie-v1:'). */
    async patchAll(workflowId: string, prefix: string, card: object): Promise<void> {
      for (const [key, messageId] of await listMessages(db, workflowId)) {
        if (key === prefix || (prefix.endsWith(':') && key.startsWith(prefix)))
          await larkCall(`patch ${key}`, () => lark.patchCard(messageId, card));
      }
    },

    async replyUnder(workflowId: string, key: string, text: string, dedup: string): Promise<void> {
      const sent = await listMessages(db, workflowId);
      for (const [k, messageId] of sent) {
        if (k === key || k.startsWith(`${key}:`)) {
          await larkCall(`reply ${k}`, () =>
            lark.replyText(messageId, text, larkUuid(`ranking:${workflowId}:${dedup}:${k}`)),
          );
        }
      }
    },
  };
}

export type RankingDelivery = ReturnType<typeof createRankingDelivery>;
