import { type Kysely, sql } from 'kysely';

/** Acting officials (代理) for the escalation chain, and the audit trail of org imports and Lark syncs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('acting_assignments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('acting_for_person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('acting_assignments_key', ['acting_for_person_id', 'starts_on', 'person_id'])
    .addCheckConstraint('acting_assignments_window', sql`ends_on >= starts_on`)
    .addCheckConstraint('acting_assignments_other', sql`person_id <> acting_for_person_id`)
    .execute();

  await db.schema
    .createTable('org_imports')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('excel','csv','lark')`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('org_imports').execute();
  await db.schema.dropTable('acting_assignments').execute();
}
