import type { Kysely } from 'kysely';
import type { ItemEvent, ItemState } from '../../domain/items/index.js';
import type { Database, ItemEventRow, ItemRow } from '../schema.js';

type Db = Kysely<Database>;

function itemColumns(state: ItemState) {
  const { spec } = state;
  return {
    kind: spec.kind,
    title: spec.title,
    urgency: spec.urgency,
    domain: spec.domain,
    owner_unit_id: spec.ownerUnitId,
    issuer_id: spec.issuerId,
    reviewer_id: spec.reviewerId,
    assignee_id: state.assigneeId,
    status: state.status,
    sign_by: spec.signBy,
    due_at: state.dueAt,
    original_due_at: spec.dueAt,
    committed_date: state.committedDate ?? null,
    progress_percent: state.progress?.percent ?? null,
    return_count: state.returnCount,
    extensions_granted: state.extensionsGranted,
    signed_at: state.signedAt ?? null,
    submitted_at: state.submittedAt ?? null,
    closed_at: state.closedAt ?? null,
    policy_id: spec.policyId ?? null,
    escalation_level: state.escalation?.level ?? 0,
    state: JSON.stringify(state),
    version: state.seq,
  };
}

function eventRow(itemId: string, event: ItemEvent) {
  const { seq, type, actorId, at, ...payload } = event;
  return { item_id: itemId, seq, type, actor_id: actorId, at, payload: JSON.stringify(payload) };
}

/**
 * Writes one transition: the audit event and the ledger row, in one transaction.
 * Idempotent under activity retries: the event is keyed by (item, seq) and the row only moves
 * forward (a late retry of an older version never overwrites a newer one).
 */
export async function recordTransition(db: Db, state: ItemState, event: ItemEvent, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const columns = itemColumns(state);
    await trx
      .insertInto('items')
      .values({ id: state.spec.id, ...columns, created_at: state.spec.createdAt, updated_at: now })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ ...columns, updated_at: now })
          .where('items.version', '<', state.seq),
      )
      .execute();
    await trx
      .insertInto('item_events')
      .values(eventRow(state.spec.id, event))
      .onConflict((oc) => oc.columns(['item_id', 'seq']).doNothing())
      .execute();
  });
}

export async function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listEvents(db: Db, itemId: string): Promise<ItemEventRow[]> {
  return db.selectFrom('item_events').selectAll().where('item_id', '=', itemId).orderBy('seq').execute();
}
