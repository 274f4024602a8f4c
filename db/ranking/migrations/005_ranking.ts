import { type Kysely, sql } from 'kysely';

/** The monthly red/black list: rules, inspections and photos, snapshots, publications, appeals, audit, messages. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ranking_rule_sets')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ranking_rule_sets_pk', ['name', 'version'])
    .execute();

  await db.schema
    .createTable('ranking_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('village_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull().check(sql`score >= 0 and score <= 100`))
    .addColumn('problems', 'jsonb', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('inspected_on', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('card','excel')`))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('ranking_inspections_one', ['month', 'village_id', 'dimension'])
    .execute();

  await db.schema
    .createTable('ranking_photos')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('ranking_inspections.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('image_key', 'text')
    .addPrimaryKeyConstraint('ranking_photos_pk', ['inspection_id', 'seq'])
    .execute();

  await db.schema
    .createTable('ranking_snapshots')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('draft','preview')`))
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('workflow_id', 'text')
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('computed_by', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('ranking_snapshots_rule', ['rule_name', 'rule_version'], 'ranking_rule_sets', [
      'name',
      'version',
    ])
    .execute();
  await db.schema.createIndex('ranking_snapshots_month_idx').on('ranking_snapshots').columns(['month', 'id']).execute();

  await db.schema
    .createTable('ranking_publications')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('snapshot_id', 'bigint', (c) => c.notNull().references('ranking_snapshots.id'))
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('image_key', 'text')
    .addColumn('approved_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('statuses', 'jsonb', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ranking_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('village_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('target', 'jsonb', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('appellant_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','accepted','rejected')`))
    .addColumn('decided_by', 'text', (c) => c.references('people.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('ranking_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ranking_events_month_idx').on('ranking_events').columns(['month', 'id']).execute();

  await db.schema
    .createTable('ranking_messages')
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'text')
    .addPrimaryKeyConstraint('ranking_messages_pk', ['workflow_id', 'key'])
    .execute();

  await db.schema
    .createTable('ranking_chats')
    .addColumn('purpose', 'text', (c) => c.primaryKey())
    .addColumn('chat_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // What the dashboard reads (db/ranking/dashboard-rankings.ts looks for a `rankings` relation): one row per
  // published month with its lists by name.
  await sql`
    create view rankings as
    select p.month,
           case when p.published_at is null then 'publishing' else 'published' end as status,
           p.published_at,
           p.rule_name || ' v' || p.rule_version as rule,
           (select string_agg(x->>'name', '、') from jsonb_array_elements(s.body->'selection'->'red') x) as red_list,
           (select string_agg(x->>'name', '、') from jsonb_array_elements(s.body->'selection'->'black') x) as black_list
      from ranking_publications p join ranking_snapshots s on s.id = p.snapshot_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view rankings`.execute(db);
  for (const table of [
    'ranking_chats',
    'ranking_messages',
    'ranking_events',
    'ranking_appeals',
    'ranking_publications',
    'ranking_snapshots',
    'ranking_photos',
    'ranking_inspections',
    'ranking_rule_sets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
