import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Refs of ledger cards: one loan card per person, one report card per project and period. */
export const loanCardRef = (loanId: string) => `loan:${loanId}`;
export const projectCardRef = (projectId: string, period: string) => `project:${projectId}:${period}`;

export async function findLedgerCard(db: Db, ref: string, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('ledger_cards')
    .select('message_id')
    .where('ref', '=', ref)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.message_id;
}

export async function listLedgerCards(db: Db, ref: string): Promise<{ personId: string; messageId: string }[]> {
  const rows = await db.selectFrom('ledger_cards').select(['person_id', 'message_id']).where('ref', '=', ref).execute();
  return rows.map((r) => ({ personId: r.person_id, messageId: r.message_id }));
}

/** A retried send (same Lark uuid) maps to the same message, so the first row stands. */
export async function saveLedgerCard(db: Db, ref: string, personId: string, messageId: string): Promise<void> {
  await db
    .insertInto('ledger_cards')
    .values({ ref, person_id: personId, message_id: messageId })
    .onConflict((oc) => oc.columns(['ref', 'person_id']).doNothing())
    .execute();
}
