import type { Kysely } from 'kysely';
import type { CampaignDef, CampaignItemFacts, CampaignStatus, CampaignUnit } from '../../domain/campaigns/index.js';
import type { ItemStatus } from '../../domain/items/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface NewCampaign {
  def: CampaignDef;
  units: CampaignUnit[];
  signBy: string;
  dueAt: string;
  createdAt: string;
}

/**
 * Records a dispatched campaign and the units it reached, once: a retried call finds the first write and returns
 * the units stored then, so an org edit between two attempts cannot change whom the campaign addresses.
 */
export async function insertCampaign(db: Db, c: NewCampaign): Promise<CampaignUnit[]> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('campaigns')
      .values({
        id: c.def.id,
        title: c.def.title,
        issuer_id: c.def.issuerId,
        reviewer_id: c.def.reviewerId,
        definition: JSON.stringify(c.def),
        unit_count: c.units.length,
        sign_by: c.signBy,
        due_at: c.dueAt,
        status: 'running',
        created_at: c.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted || c.units.length === 0) return;
    await trx
      .insertInto('campaign_units')
      .values(
        c.units.map((u) => ({
          campaign_id: c.def.id,
          unit_id: u.unitId,
          unit_name: u.unitName,
          item_id: u.itemId,
          assignee_id: u.assigneeId,
        })),
      )
      .execute();
  });
  return listCampaignUnits(db, c.def.id);
}

export async function findCampaign(db: Db, id: string) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCampaignUnits(db: Db, campaignId: string): Promise<CampaignUnit[]> {
  const rows = await db
    .selectFrom('campaign_units')
    .select(['unit_id', 'unit_name', 'item_id', 'assignee_id'])
    .where('campaign_id', '=', campaignId)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, itemId: r.item_id, assigneeId: r.assignee_id }));
}

/** Each unit's item as the ledger has it now (no status yet for an item still being dispatched). */
export async function campaignItemFacts(db: Db, campaignId: string): Promise<CampaignItemFacts[]> {
  const rows = await db
    .selectFrom('campaign_units as cu')
    .leftJoin('items as i', 'i.id', 'cu.item_id')
    .select(['cu.unit_id', 'cu.unit_name', 'cu.item_id', 'i.status', 'i.signed_at', 'i.sign_by', 'i.due_at'])
    .where('cu.campaign_id', '=', campaignId)
    .orderBy('cu.unit_id')
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    itemId: r.item_id,
    ...(r.status ? { status: r.status as ItemStatus } : {}),
    ...(r.signed_at ? { signedAt: r.signed_at } : {}),
    ...(r.sign_by ? { signBy: r.sign_by } : {}),
    ...(r.due_at ? { dueAt: r.due_at } : {}),
  }));
}

export async function saveCampaignCard(db: Db, id: string, messageId: string): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ card_message_id: messageId })
    .where('id', '=', id)
    .where('card_message_id', 'is', null)
    .execute();
}

export async function saveCardSignature(db: Db, id: string, signature: string): Promise<void> {
  await db.updateTable('campaigns').set({ card_signature: signature }).where('id', '=', id).execute();
}

/** Closes a running campaign (a retry after the first close changes nothing). */
export async function closeCampaign(
  db: Db,
  id: string,
  status: Exclude<CampaignStatus, 'running'>,
  at: string,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ status, closed_at: at, close_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export interface CampaignEvent {
  campaignId: string;
  dedupKey: string;
  type: 'dispatched' | 'withdraw_requested' | 'closed';
  actorId: string;
  at: string;
  payload: Record<string, unknown>;
}

export async function recordCampaignEvent(db: Db, e: CampaignEvent): Promise<void> {
  await db
    .insertInto('campaign_events')
    .values({
      campaign_id: e.campaignId,
      dedup_key: e.dedupKey,
      type: e.type,
      actor_id: e.actorId,
      at: e.at,
      payload: JSON.stringify(e.payload),
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}

export async function listCampaignEvents(db: Db, campaignId: string) {
  return db
    .selectFrom('campaign_events')
    .select(['type', 'actor_id', 'at', 'payload'])
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute();
}
