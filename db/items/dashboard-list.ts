import { type Kysely, sql } from 'kysely';
import type { AccessScope } from '../../domain/org/access.js';
import type { Database, ItemEventRow } from '../schema.js';
import { visibleTo } from './dashboard.js';

type Db = Kysely<Database>;

export type ItemListView = 'all' | 'open' | 'overdue' | 'escalated' | 'done';
export type ItemListSort = 'due' | 'level' | 'unit' | 'created' | 'title';

export interface ItemListFilter {
  view: ItemListView;
  kind?: string;
  domain?: string;
  /** Owner units to keep (a township's subtree, or one unit); undefined = all visible. */
  unitIds?: readonly string[];
  /** Escalation level reached, at least. */
  minLevel?: number;
  /** Only items this person is the current 责任人 of. */
  assigneeId?: string;
  /** Only items this person reviews. */
  reviewerId?: string;
  /** One status only (e.g. 'submitted': waiting for review). */
  status?: string;
  sort: ItemListSort;
  dir: 'asc' | 'desc';
  limit?: number;
}

export interface ItemListRow {
  id: string;
  title: string;
  description: string;
  kind: string;
  urgency: string;
  domain: string;
  status: string;
  ownerUnitId: string;
  unitName: string;
  assigneeId: string;
  assigneeName: string;
  reviewerId: string;
  reviewerName: string;
  issuerId: string;
  issuerName: string;
  createdAt: string;
  signBy: string;
  dueAt: string;
  originalDueAt: string;
  closedAt: string | null;
  progressPercent: number | null;
  escalationLevel: number;
  returnCount: number;
  evidenceRequired: boolean;
}

const SORT_COLUMNS = {
  due: 'items.due_at',
  level: 'items.escalation_level',
  unit: 'u.name',
  created: 'items.created_at',
  title: 'items.title',
} as const;

/** The item lists of the dashboard, the chat commands and the Excel export. */
export async function listItems(
  db: Db,
  scope: AccessScope,
  filter: ItemListFilter,
  now: string,
): Promise<ItemListRow[]> {
  let q = db
    .selectFrom('items')
    .innerJoin('units as u', 'u.id', 'items.owner_unit_id')
    .innerJoin('people as a', 'a.id', 'items.assignee_id')
    .innerJoin('people as r', 'r.id', 'items.reviewer_id')
    .innerJoin('people as i', 'i.id', 'items.issuer_id')
    .where(visibleTo(scope));
  const open = ['done', 'cancelled'];
  if (filter.view === 'open') q = q.where('items.status', 'not in', open);
  if (filter.view === 'done') q = q.where('items.status', '=', 'done');
  if (filter.view === 'overdue') q = q.where('items.status', 'not in', open).where('items.due_at', '<', now);
  if (filter.view === 'escalated') q = q.where('items.status', 'not in', open).where('items.escalation_level', '>', 0);
  if (filter.kind) q = q.where('items.kind', '=', filter.kind);
  if (filter.domain) q = q.where('items.domain', '=', filter.domain);
  if (filter.unitIds) {
    const ids = filter.unitIds;
    q = ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('items.owner_unit_id', 'in', ids);
  }
  if (filter.minLevel !== undefined) q = q.where('items.escalation_level', '>=', filter.minLevel);
  if (filter.assigneeId) q = q.where('items.assignee_id', '=', filter.assigneeId);
  if (filter.reviewerId) q = q.where('items.reviewer_id', '=', filter.reviewerId);
  if (filter.status) q = q.where('items.status', '=', filter.status);
  const rows = await q
    .select([
      'items.id',
      'items.title',
      sql<string>`coalesce(items.state->'spec'->>'description', '')`.as('description'),
      'items.kind',
      'items.urgency',
      'items.domain',
      'items.status',
      'items.owner_unit_id as ownerUnitId',
      'u.name as unitName',
      'items.assignee_id as assigneeId',
      'a.name as assigneeName',
      'items.reviewer_id as reviewerId',
      'r.name as reviewerName',
      'items.issuer_id as issuerId',
      'i.name as issuerName',
      'items.created_at as createdAt',
      'items.sign_by as signBy',
      'items.due_at as dueAt',
      'items.original_due_at as originalDueAt',
      'items.closed_at as closedAt',
      'items.progress_percent as progressPercent',
      'items.escalation_level as escalationLevel',
      'items.return_count as returnCount',
      sql<boolean>`coalesce((items.state->'spec'->>'evidenceRequired')::boolean, false)`.as('evidenceRequired'),
    ])
    .orderBy(sql.ref(SORT_COLUMNS[filter.sort]), filter.dir)
    .orderBy('items.id')
    .$if(filter.limit !== undefined, (qb) => qb.limit(filter.limit!))
    .execute();
  return rows;
}

export interface DeliveryEntry {
  at: string;
  channel: string;
  personId: string | null;
  ok: boolean;
  detail: string | null;
  messageId: string | null;
}

export interface ItemTimeline {
  events: ItemEventRow[];
  deliveries: DeliveryEntry[];
  /** Names of everyone the events and deliveries mention. */
  names: Record<string, string>;
}

export async function itemTimeline(db: Db, itemId: string): Promise<ItemTimeline> {
  const [events, deliveries] = await Promise.all([
    db.selectFrom('item_events').selectAll().where('item_id', '=', itemId).orderBy('seq').execute(),
    db
      .selectFrom('deliveries')
      .select(['at', 'channel', 'person_id as personId', 'ok', 'detail', 'message_id as messageId'])
      .where('item_id', '=', itemId)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  const ids = new Set<string>();
  for (const e of events) {
    ids.add(e.actor_id);
    for (const key of ['toPersonId', 'fromPersonId', 'personId', 'standsInFor']) {
      const v = (e.payload as Record<string, unknown>)[key];
      if (typeof v === 'string') ids.add(v);
    }
  }
  for (const d of deliveries) if (d.personId) ids.add(d.personId);
  const people = ids.size
    ? await db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .execute()
    : [];
  return { events, deliveries, names: Object.fromEntries(people.map((p) => [p.id, p.name])) };
}

/** The 分管 domains among the items a viewer sees, for the list filter. */
export async function visibleDomains(db: Db, scope: AccessScope): Promise<string[]> {
  const rows = await db
    .selectFrom('items')
    .where(visibleTo(scope))
    .select('domain')
    .distinct()
    .orderBy('domain')
    .execute();
  return rows.map((r) => r.domain);
}
