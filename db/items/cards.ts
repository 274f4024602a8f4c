import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CardRef {
  personId: string;
  messageId: string;
}

export async function listCards(db: Db, itemId: string): Promise<CardRef[]> {
  const rows = await db
    .selectFrom('item_cards')
    .select(['person_id', 'message_id'])
    .where('item_id', '=', itemId)
    .orderBy('sent_at')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, messageId: r.message_id }));
}

/** Remembers the card sent to a person; a retried send (same Lark uuid) maps to the same message. */
export async function saveCard(db: Db, itemId: string, personId: string, messageId: string): Promise<void> {
  await db
    .insertInto('item_cards')
    .values({ item_id: itemId, person_id: personId, message_id: messageId })
    .onConflict((oc) => oc.columns(['item_id', 'person_id']).doNothing())
    .execute();
}

export interface DeliveryRecord {
  dedupKey: string;
  itemId?: string;
  personId?: string;
  channel: string;
  messageId?: string;
  ok: boolean;
  detail?: string;
  at: string;
}

export async function recordDelivery(db: Db, d: DeliveryRecord): Promise<void> {
  await db
    .insertInto('deliveries')
    .values({
      dedup_key: d.dedupKey,
      item_id: d.itemId ?? null,
      person_id: d.personId ?? null,
      channel: d.channel,
      message_id: d.messageId ?? null,
      ok: d.ok,
      detail: d.detail ?? null,
      at: d.at,
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}
