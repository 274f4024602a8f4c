import type { Kysely } from 'kysely';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import { recordDelivery } from '../../db/items/cards.js';
import { findLedgerCard, listLedgerCards, saveLedgerCard } from '../../db/ledgers/ledger-cards.js';
import { findPeople } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../platform/logger.js';
import { larkCaller, larkUuid } from '../items/card-delivery.js';

export interface LedgerDeliveryDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

/** What reaching someone took: the channels that worked and, in Chinese, what failed. */
export interface LedgerReach {
  channels: string[];
  failures: string[];
}

/**
 * Cards of ledger entries (a loan, a project's monthly report): one card per `ref` and person, sent once (Lark
 * uuid + ledger_cards), notices replied under it once per key, patched to the current state. Every attempt is
 * recorded in `deliveries` with the workflow's time. Retryable Lark failures go back to Temporal; refusals are
 * recorded and reported, not retried.
 */
export function createLedgerDelivery(deps: LedgerDeliveryDeps) {
  const { db, lark, logger } = deps;

  const call = larkCaller(logger);

  async function ensureCard(
    ref: string,
    personId: string,
    card: object,
    at: string,
  ): Promise<LedgerReach & { messageId?: string }> {
    const known = await findLedgerCard(db, ref, personId);
    if (known) return { messageId: known, channels: [], failures: [] };
    const dedupKey = `ledger-card:${ref}:${personId}`;
    const [person] = await findPeople(db, [personId]);
    if (!person?.open_id) {
      await recordDelivery(db, { dedupKey, personId, channel: 'card', ok: false, detail: '未绑定飞书账号', at });
      return { channels: [], failures: ['未绑定飞书账号，卡片无法送达'] };
    }
    const messageId = await call(`send card ${ref}/${personId}`, () =>
      lark.sendCard(person.open_id!, card, larkUuid(dedupKey)),
    );
    await recordDelivery(db, {
      dedupKey,
      personId,
      channel: 'card',
      ok: messageId !== undefined,
      ...(messageId ? { messageId } : { detail: 'send refused' }),
      at,
    });
    if (!messageId) return { channels: [], failures: ['飞书拒绝发送卡片'] };
    await saveLedgerCard(db, ref, personId, messageId);
    return { messageId, channels: ['card'], failures: [] };
  }

  return {
    ensureCard,

    /** The card (sent if need be) and a notice under it; `key` makes the notice go out once. */
    async notice(
      ref: string,
      personId: string,
      key: string,
      card: object,
      text: string,
      at: string,
    ): Promise<LedgerReach> {
      const sent = await ensureCard(ref, personId, card, at);
      if (!sent.messageId) return sent;
      const dedupKey = `ledger-notice:${ref}:${key}:${personId}`;
      const messageId = await call(`notice ${ref}/${personId}`, () =>
        lark.replyText(sent.messageId!, text, larkUuid(dedupKey)),
      );
      await recordDelivery(db, {
        dedupKey,
        personId,
        channel: 'notice',
        ok: messageId !== undefined,
        ...(messageId ? { messageId } : { detail: 'reply refused' }),
        at,
      });
      return messageId
        ? { channels: [...sent.channels, 'notice'], failures: sent.failures }
        : { channels: sent.channels, failures: [...sent.failures, '提醒消息未能送达'] };
    },

    /** Patch does not notify; it keeps every card of `ref` showing the current state. */
    async patchAll(ref: string, render: (personId: string) => object): Promise<void> {
      for (const c of await listLedgerCards(db, ref)) {
        await call(`patch ${ref}/${c.personId}`, () => lark.patchCard(c.messageId, render(c.personId)));
      }
    },
  };
}

export type LedgerDelivery = ReturnType<typeof createLedgerDelivery>;
