import type { Kysely } from 'kysely';
import type { Appeal, Month } from '../../domain/ranking/index.js';
import type { Database } from '../schema.js';

/** A ranking run's own records: its appeals, the Lark messages it sent, and the group chats it uses. */

type Db = Kysely<Database>;

/** Writes an appeal as it now stands (filed, then decided). */
export async function saveAppeal(db: Db, a: Appeal, month: Month, workflowId: string): Promise<void> {
  const decided = {
    status: a.status,
    decided_by: a.decidedBy ?? null,
    decided_at: a.decidedAt ?? null,
    note: a.note ?? null,
  };
  await db
    .insertInto('ranking_appeals')
    .values({
      id: a.id,
      month,
      workflow_id: workflowId,
      village_id: a.villageId,
      line_id: a.lineId,
      target: JSON.stringify(a.target),
      reason: a.reason,
      appellant_id: a.appellantId,
      filed_at: a.filedAt,
      ...decided,
    })
    .onConflict((oc) => oc.column('id').doUpdateSet(decided))
    .execute();
}

export async function listAppeals(db: Db, workflowId: string) {
  return db
    .selectFrom('ranking_appeals')
    .selectAll()
    .where('workflow_id', '=', workflowId)
    .orderBy('filed_at')
    .execute();
}

export async function saveMessage(db: Db, workflowId: string, key: string, messageId: string, chatId?: string) {
  await db
    .insertInto('ranking_messages')
    .values({ workflow_id: workflowId, key, message_id: messageId, chat_id: chatId ?? null })
    .onConflict((oc) => oc.columns(['workflow_id', 'key']).doNothing())
    .execute();
}

export async function listMessages(db: Db, workflowId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('ranking_messages').selectAll().where('workflow_id', '=', workflowId).execute();
  return new Map(rows.map((r) => [r.key, r.message_id]));
}

export async function findChat(db: Db, purpose: string): Promise<string | undefined> {
  const row = await db.selectFrom('ranking_chats').select('chat_id').where('purpose', '=', purpose).executeTakeFirst();
  return row?.chat_id;
}

export async function saveChat(db: Db, purpose: string, chatId: string, name: string): Promise<void> {
  await db
    .insertInto('ranking_chats')
    .values({ purpose, chat_id: chatId, name })
    .onConflict((oc) => oc.column('purpose').doNothing())
    .execute();
}
