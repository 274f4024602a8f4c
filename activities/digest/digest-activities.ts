import type { Kysely } from 'kysely';
import { digestCard } from '../../bot/digest/digest-card.js';
import { LarkApiError } from '../../bot/lark/errors.js';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import { recordDelivery } from '../../db/items/cards.js';
import type { Database } from '../../db/schema.js';
import { localDate } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { heartbeat, larkUuid, retryLater } from '../items/card-delivery.js';

export interface DigestActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

/**
 * The daily digest: every person's pending low-urgency nudges in one card. A person's card
 * carries a uuid per day, and their entries are marked sent only after it went out, so a retry
 * neither loses nor repeats a line.
 */
export function createDigestActivities(deps: DigestActivityDeps) {
  const { db, lark, logger } = deps;
  return {
    async sendDigests(input: { at: string }): Promise<{ people: number; lines: number }> {
      const pending = await db
        .selectFrom('digest_entries as d')
        .innerJoin('items as i', 'i.id', 'd.item_id')
        .innerJoin('people as p', 'p.id', 'd.person_id')
        .select(['d.id', 'd.person_id', 'd.item_id', 'd.text', 'i.title', 'i.status', 'p.open_id'])
        .where('d.sent_at', 'is', null)
        .orderBy('d.person_id')
        .orderBy('d.id')
        .execute();
      const byPerson = new Map<string, typeof pending>();
      // A nudge about an item that has since closed is no longer news.
      for (const row of pending.filter((r) => r.status !== 'done' && r.status !== 'cancelled')) {
        byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
      }
      const date = localDate(input.at);
      let lines = 0;
      for (const [personId, rows] of byPerson) {
        heartbeat();
        const openId = rows[0]?.open_id;
        const dedupKey = `digest:${personId}:${date}`;
        if (openId) {
          const card = digestCard(
            date,
            rows.map((r) => ({ itemId: r.item_id, title: r.title, text: r.text })),
          );
          try {
            const messageId = await lark.sendCard(openId, card, larkUuid(dedupKey));
            await recordDelivery(db, { dedupKey, personId, channel: 'digest', messageId, ok: true, at: input.at });
          } catch (err) {
            if (!(err instanceof LarkApiError) || err.retryable) throw retryLater('digest', err);
            logger.warn('digest refused', { personId, code: err.code });
            await recordDelivery(db, {
              dedupKey,
              personId,
              channel: 'digest',
              ok: false,
              detail: err.message,
              at: input.at,
            });
          }
        }
        lines += rows.length;
      }
      const ids = pending.map((r) => r.id);
      if (ids.length)
        await db.updateTable('digest_entries').set({ sent_at: input.at }).where('id', 'in', ids).execute();
      return { people: byPerson.size, lines };
    },
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;
