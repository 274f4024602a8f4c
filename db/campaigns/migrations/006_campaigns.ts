import { type Kysely, sql } from 'kysely';

/** Campaigns (one instruction, many units) and recurring cadences: their units, pauses and audit trails. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('unit_count', 'integer', (c) => c.notNull())
    .addColumn('sign_by', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running','done','withdrawn')`))
    .addColumn('card_message_id', 'text')
    .addColumn('card_signature', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('close_reason', 'text')
    .execute();

  await db.schema
    .createTable('campaign_units')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    // Not a foreign key: the item's row is written by its own workflow moments later.
    .addColumn('item_id', 'text', (c) => c.notNull().unique())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('campaign_units_pk', ['campaign_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('campaign_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_events_idx').on('campaign_events').columns(['campaign_id', 'id']).execute();

  await db.schema
    .createTable('cadence_pauses')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('cadence_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('paused_from', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('paused_by', 'text', (c) => c.notNull())
    .addColumn('paused_at', 'timestamptz', (c) => c.notNull())
    .addColumn('resumed_at', 'timestamptz')
    .addColumn('resumed_by', 'text')
    .addColumn('resume_reason', 'text')
    .addCheckConstraint('cadence_pauses_resume', sql`(resumed_at is null) = (resumed_by is null)`)
    .execute();
  // One open pause per cadence and unit: a second pause is refused, not stacked.
  await sql`create unique index cadence_pauses_open on cadence_pauses (cadence_id, unit_id) where resumed_at is null`.execute(
    db,
  );

  await db.schema
    .createTable('cadence_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('cadence_id', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadence_events_idx').on('cadence_events').columns(['cadence_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cadence_events', 'cadence_pauses', 'campaign_events', 'campaign_units', 'campaigns']) {
    await db.schema.dropTable(table).execute();
  }
}
