import type { Kysely } from 'kysely';

/**
 * Indexes for the dashboard's access filters and trends: items seen by 分管 domain, by reviewer or issuer (a
 * cadre's own items; assignee and unit are indexed already), and by creation and closing month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('items_domain_idx').on('items').columns(['domain', 'status']).execute();
  await db.schema.createIndex('items_reviewer_idx').on('items').columns(['reviewer_id', 'status']).execute();
  await db.schema.createIndex('items_issuer_idx').on('items').columns(['issuer_id', 'status']).execute();
  await db.schema.createIndex('items_created_idx').on('items').column('created_at').execute();
  await db.schema.createIndex('items_closed_idx').on('items').column('closed_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of [
    'items_closed_idx',
    'items_created_idx',
    'items_issuer_idx',
    'items_reviewer_idx',
    'items_domain_idx',
  ])
    await db.schema.dropIndex(name).execute();
}
