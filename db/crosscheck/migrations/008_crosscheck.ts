import { type Kysely, sql } from 'kysely';

/**
 * 交叉检查 rounds: the round, its teams (the database itself refuses a team inspecting its own township, or two teams
 * on one township), checklist lines, findings with their 整改 item, the audit trail, and the Lark messages sent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crosscheck_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organizer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('checking','rectifying','closed')`))
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('checking_closed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('crosscheck_teams')
    .addColumn('round_id', 'text', (c) => c.notNull().references('crosscheck_rounds.id').onDelete('cascade'))
    .addColumn('team_no', 'integer', (c) => c.notNull())
    .addColumn('from_township_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('inspects_township_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('lead_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('member_ids', 'jsonb', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addPrimaryKeyConstraint('crosscheck_teams_pk', ['round_id', 'team_no'])
    .addUniqueConstraint('crosscheck_teams_from', ['round_id', 'from_township_id'])
    .addUniqueConstraint('crosscheck_teams_inspects', ['round_id', 'inspects_township_id'])
    .addCheckConstraint('crosscheck_teams_not_own', sql`from_township_id <> inspects_township_id`)
    .execute();

  await db.schema
    .createTable('crosscheck_lines')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('team_no', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('income','microcredit','guarantees','water')`))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('check_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crosscheck_lines_pk', ['round_id', 'line_id'])
    .addForeignKeyConstraint(
      'crosscheck_lines_team',
      ['round_id', 'team_no'],
      'crosscheck_teams',
      ['round_id', 'team_no'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('crosscheck_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('line_id', 'text', (c) => c.notNull())
    .addColumn('team_no', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('minor','major','severe')`))
    .addColumn('workdays', 'integer', (c) => c.notNull().check(sql`workdays between 1 and 30`))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // The item row appears when its workflow records 交办, moments later; hence no foreign key.
    .addColumn('item_id', 'text', (c) => c.notNull().unique())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('card','excel')`))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('crosscheck_findings_no', ['round_id', 'no'])
    .addForeignKeyConstraint('crosscheck_findings_line', ['round_id', 'line_id'], 'crosscheck_lines', [
      'round_id',
      'line_id',
    ])
    .addCheckConstraint('crosscheck_findings_not_self', sql`assignee_id <> reviewer_id`)
    .execute();

  await db.schema
    .createTable('crosscheck_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crosscheck_events_round_idx')
    .on('crosscheck_events')
    .columns(['round_id', 'id'])
    .execute();

  await db.schema
    .createTable('crosscheck_messages')
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crosscheck_messages_pk', ['round_id', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'crosscheck_messages',
    'crosscheck_events',
    'crosscheck_findings',
    'crosscheck_lines',
    'crosscheck_teams',
    'crosscheck_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
