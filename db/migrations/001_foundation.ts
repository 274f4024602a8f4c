import { type Kysely, sql } from 'kysely';

/** Org tree, people and posts, the item ledger with its audit trail, cards, policies, callback dedup. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('county','department','township','village')`))
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('domain', 'text')
    .addColumn('lark_department_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('open_id', 'text', (c) => c.unique())
    .addColumn('mobile', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('leader','deputy','staff','supervisor','county_leader','secretary')`),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('acting', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('starts_on', 'date')
    .addColumn('ends_on', 'date')
    .execute();
  await db.schema.createIndex('posts_unit_idx').on('posts').columns(['unit_id', 'role']).execute();

  await db.schema
    .createTable('leader_domains')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('leader_domains_pk', ['person_id', 'domain'])
    .execute();

  await db.schema
    .createTable('escalation_policies')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('escalation_policies_name_version', ['name', 'version'])
    .execute();

  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('issuer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sign_by', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('original_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('committed_date', 'date')
    .addColumn('progress_percent', 'integer')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extensions_granted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('policy_id', 'integer', (c) => c.references('escalation_policies.id'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_assignee_idx').on('items').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('items_unit_idx').on('items').columns(['owner_unit_id', 'status']).execute();
  await db.schema.createIndex('items_status_due_idx').on('items').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('item_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('item_events_item_seq', ['item_id', 'seq'])
    .execute();

  await db.schema
    .createTable('item_cards')
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('item_cards_pk', ['item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('item_id', 'text', (c) => c.references('items.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('ok', 'boolean', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('deliveries_item_idx').on('deliveries').columns(['item_id', 'at']).execute();

  await db.schema
    .createTable('inbound_callbacks')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'inbound_callbacks',
    'deliveries',
    'item_cards',
    'item_events',
    'items',
    'escalation_policies',
    'leader_domains',
    'posts',
    'people',
    'units',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
