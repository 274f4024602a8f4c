import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { OpenItemFacts } from '../../domain/items/item-light.js';
import type { UnitCounts } from '../../domain/items/summary.js';
import type { MonthCounts } from '../../domain/items/trend.js';
import type { AccessScope } from '../../domain/org/access.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

const OPEN = sql`items.status not in ('done', 'cancelled')`;
const MONTH_OF = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/** The SQL twin of domain/org/access.ts mayViewItem; indexes on assignee, reviewer, issuer, domain and unit serve it. */
export function visibleTo(scope: AccessScope) {
  return (eb: ExpressionBuilder<Database, 'items'>) => {
    if (scope.all) return eb.val(true);
    const p = scope.personId;
    const ors = [eb('items.assignee_id', '=', p), eb('items.reviewer_id', '=', p), eb('items.issuer_id', '=', p)];
    if (scope.domains.length > 0) ors.push(eb('items.domain', 'in', scope.domains));
    if (scope.unitIds.length > 0) ors.push(eb('items.owner_unit_id', 'in', scope.unitIds));
    return eb.or(ors);
  };
}

/** Narrows to some owner units (a township's subtree); undefined means no narrowing. */
function inUnits(unitIds: readonly string[] | undefined) {
  return (eb: ExpressionBuilder<Database, 'items'>) =>
    unitIds === undefined
      ? eb.val(true)
      : unitIds.length === 0
        ? eb.val(false)
        : eb('items.owner_unit_id', 'in', unitIds);
}

export async function countsByUnit(
  db: Db,
  scope: AccessScope,
  now: string,
  unitIds?: readonly string[],
): Promise<UnitCounts[]> {
  const rows = await db
    .selectFrom('items')
    .where(visibleTo(scope))
    .where(inUnits(unitIds))
    .select([
      'owner_unit_id as unitId',
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where ${OPEN}))::int`.as('open'),
      sql<number>`(count(*) filter (where items.status = 'done'))::int`.as('done'),
      sql<number>`(count(*) filter (where items.status = 'done' and items.closed_at <= items.original_due_at))::int`.as(
        'onTime',
      ),
      sql<number>`(count(*) filter (where ${OPEN} and items.due_at < ${now}))::int`.as('overdue'),
      sql<number>`(count(*) filter (where items.status = 'cancelled'))::int`.as('cancelled'),
      sql<number>`(count(*) filter (where ${OPEN} and items.escalation_level > 0))::int`.as('escalated'),
    ])
    .groupBy('owner_unit_id')
    .execute();
  return rows;
}

/** The slim rows lights are computed from (open items only). */
export async function openItemFacts(db: Db, scope: AccessScope, unitIds?: readonly string[]): Promise<OpenItemFacts[]> {
  const rows = await db
    .selectFrom('items')
    .where(visibleTo(scope))
    .where(inUnits(unitIds))
    .where('status', 'not in', ['done', 'cancelled'])
    .select(['owner_unit_id', 'created_at', 'due_at', 'progress_percent'])
    .execute();
  return rows.map((r) => ({
    ownerUnitId: r.owner_unit_id,
    createdAt: r.created_at,
    dueAt: r.due_at,
    progressPercent: r.progress_percent,
  }));
}

/** Per-month created / done / on-time / late counts since `from` (an instant at a month's start). */
export async function monthlyCounts(
  db: Db,
  scope: AccessScope,
  from: string,
  now: string,
  unitIds?: readonly string[],
): Promise<Partial<MonthCounts>[]> {
  const base = db.selectFrom('items').where(visibleTo(scope)).where(inUnits(unitIds));
  const [created, done, late] = await Promise.all([
    base
      .where('created_at', '>=', from)
      .select([MONTH_OF('items.created_at').as('month'), sql<number>`count(*)::int`.as('created')])
      .groupBy(sql`1`)
      .execute(),
    base
      .where('status', '=', 'done')
      .where('closed_at', '>=', from)
      .select([
        MONTH_OF('items.closed_at').as('month'),
        sql<number>`count(*)::int`.as('done'),
        sql<number>`(count(*) filter (where items.closed_at <= items.original_due_at))::int`.as('onTime'),
      ])
      .groupBy(sql`1`)
      .execute(),
    base
      .where('due_at', '>=', from)
      .where('due_at', '<', now)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'done'), eb(eb.ref('closed_at'), '>', eb.ref('due_at'))]),
          eb('status', 'not in', ['done', 'cancelled']),
        ]),
      )
      .select([MONTH_OF('items.due_at').as('month'), sql<number>`count(*)::int`.as('late')])
      .groupBy(sql`1`)
      .execute(),
  ]);
  return [...created, ...done, ...late];
}

/** Everything an Excel import resolves names against, in one read. */
export async function loadImportOrg(db: Db) {
  const [units, people, posts, leaderDomains, unitDomains] = await Promise.all([
    db.selectFrom('units').select(['id', 'name']).execute(),
    db.selectFrom('people').select(['id', 'name', 'unit_id as unitId']).execute(),
    db.selectFrom('posts').select(['person_id as personId', 'unit_id as unitId', 'role']).execute(),
    db.selectFrom('leader_domains').select('domain').distinct().execute(),
    db.selectFrom('units').select('domain').where('domain', 'is not', null).distinct().execute(),
  ]);
  const domains = [...new Set([...leaderDomains.map((d) => d.domain), ...unitDomains.map((d) => d.domain!)])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  return { units, people, posts, domains };
}
