import { type Kysely, sql } from 'kysely';

/** 小额信贷 loans and 衔接资金 projects: ledgers, their audit trails, reports, targets, and their cards. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('loans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household', 'text', (c) => c.notNull())
    .addColumn('village_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('township_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('cadre_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('original_due_on', 'date', (c) => c.notNull())
    .addColumn('repaid_fen', 'bigint', (c) => c.notNull().check(sql`repaid_fen >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','overdue','repaid')`))
    .addColumn('overdue_item_id', 'text')
    .addColumn('closed_on', 'date')
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('loans_repaid_le_amount', sql`repaid_fen <= amount_fen`)
    .execute();
  await db.schema.createIndex('loans_due_idx').on('loans').columns(['due_on', 'township_id']).execute();
  await db.schema.createIndex('loans_status_idx').on('loans').columns(['status']).execute();
  await events(db, 'loan_events', 'loan_id', 'loans.id');

  await db.schema
    .createTable('loan_targets')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('township_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('industry', 'boolean', (c) => c.notNull())
    .addColumn('central_fen', 'bigint', (c) => c.notNull().check(sql`central_fen >= 0`))
    .addColumn('provincial_fen', 'bigint', (c) => c.notNull().check(sql`provincial_fen >= 0`))
    .addColumn('county_fen', 'bigint', (c) => c.notNull().check(sql`county_fen >= 0`))
    .addColumn('planned_start', 'date', (c) => c.notNull())
    .addColumn('planned_finish', 'date', (c) => c.notNull())
    .addColumn('milestones', 'jsonb', (c) => c.notNull())
    .addColumn('adjust_behind_points', 'integer', (c) => c.notNull())
    .addColumn('started', 'boolean', (c) => c.notNull())
    .addColumn('started_on', 'date')
    .addColumn('percent', 'integer', (c) => c.notNull().check(sql`percent between 0 and 100`))
    .addColumn('paid_fen', 'bigint', (c) => c.notNull().check(sql`paid_fen >= 0`))
    .addColumn('light', 'text', (c) => c.check(sql`light in ('green','yellow','red')`))
    .addColumn('last_period', 'text')
    .addColumn('adjustment_item_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','completed')`))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('projects_planned_order', sql`planned_finish > planned_start`)
    .execute();

  await db.schema
    .createTable('project_reports')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('started', 'boolean', (c) => c.notNull())
    .addColumn('started_on', 'date')
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('paid_fen', 'bigint', (c) => c.notNull())
    .addColumn('planned_percent', 'integer', (c) => c.notNull())
    .addColumn('behind_points', 'integer')
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_reports_pk', ['project_id', 'period'])
    .execute();
  await events(db, 'project_events', 'project_id', 'projects.id');

  await db.schema
    .createTable('ledger_cards')
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('ledger_cards_pk', ['ref', 'person_id'])
    .execute();
}

/** An audit table: (owner, seq) unique, so a retried write lands once. */
async function events(db: Kysely<unknown>, table: string, owner: string, references: string): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn(owner, 'text', (c) => c.notNull().references(references))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint(`${table}_seq`, [owner, 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'ledger_cards',
    'project_events',
    'project_reports',
    'projects',
    'loan_targets',
    'loan_events',
    'loans',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
