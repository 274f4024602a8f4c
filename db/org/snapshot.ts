import type { Kysely } from 'kysely';
import type { OrgSnapshot, OrgUnitKind } from '../../domain/org/index.js';
import type { Database, PostRole } from '../schema.js';

type Db = Kysely<Database>;

/** Rows as the org tables hold them (demo seed and test fixtures have the same shape). */
export interface OrgRows {
  units: { id: string; name: string; kind: OrgUnitKind; parent_id: string | null; domain: string | null }[];
  people: { id: string; name: string; open_id: string | null; unit_id: string; title: string | null }[];
  posts: { unit_id: string; person_id: string; role: PostRole; title: string }[];
  leaderDomains: { person_id: string; domain: string }[];
  acting?: { person_id: string; acting_for_person_id: string; starts_on: string; ends_on: string; reason: string }[];
}

/**
 * The org for chain resolution and import checks. With `date`, posts outside their
 * starts_on/ends_on window that day are left out (open ends count as current); without it every
 * stored post is included, which is what an import compares against.
 */
export async function loadOrgSnapshot(db: Db, date?: string): Promise<OrgSnapshot> {
  let posts = db.selectFrom('posts').select(['unit_id', 'person_id', 'role', 'title']);
  if (date) {
    posts = posts
      .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', date)]))
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]));
  }
  const [units, people, postRows, leaderDomains, acting] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'kind', 'parent_id', 'domain']).orderBy('id').execute(),
    db.selectFrom('people').select(['id', 'name', 'open_id', 'unit_id', 'title']).orderBy('id').execute(),
    posts.orderBy('unit_id').orderBy('person_id').orderBy('role').execute(),
    db.selectFrom('leader_domains').select(['person_id', 'domain']).orderBy('person_id').orderBy('domain').execute(),
    db
      .selectFrom('acting_assignments')
      .select(['person_id', 'acting_for_person_id', 'starts_on', 'ends_on', 'reason'])
      .orderBy('acting_for_person_id')
      .orderBy('starts_on')
      .execute(),
  ]);
  return snapshotFromRows({ units, people, posts: postRows, leaderDomains, acting });
}

export function snapshotFromRows(rows: OrgRows): OrgSnapshot {
  return {
    units: rows.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parent_id, domain: u.domain })),
    people: rows.people.map((p) => ({ id: p.id, name: p.name, openId: p.open_id, unitId: p.unit_id, title: p.title })),
    posts: rows.posts.map((p) => ({ unitId: p.unit_id, personId: p.person_id, role: p.role, title: p.title })),
    leaderDomains: rows.leaderDomains.map((d) => ({ personId: d.person_id, domain: d.domain })),
    acting: (rows.acting ?? []).map((a) => ({
      personId: a.person_id,
      actingForPersonId: a.acting_for_person_id,
      from: a.starts_on,
      to: a.ends_on,
      reason: a.reason,
    })),
  };
}

/** Units and people with the columns a Lark sync matches on (Lark department id, mobile), and all posts. */
export async function loadStoredOrg(db: Db) {
  const [units, people, posts] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'kind', 'parent_id', 'domain', 'lark_department_id'])
      .orderBy('id')
      .execute(),
    db.selectFrom('people').select(['id', 'name', 'open_id', 'mobile', 'unit_id', 'title']).orderBy('id').execute(),
    db
      .selectFrom('posts')
      .select(['unit_id', 'person_id', 'role', 'title'])
      .orderBy('unit_id')
      .orderBy('person_id')
      .execute(),
  ]);
  return {
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      parentId: u.parent_id,
      domain: u.domain,
      larkDepartmentId: u.lark_department_id,
    })),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      openId: p.open_id,
      mobile: p.mobile,
      unitId: p.unit_id,
      title: p.title,
    })),
    posts: posts.map((p) => ({ unitId: p.unit_id, personId: p.person_id, role: p.role, title: p.title })),
  };
}

/** Open items (not 办结/撤销) assigned to each of these people; people with none are left out. */
export async function countOpenItems(db: Db, personIds: string[]): Promise<Record<string, number>> {
  if (personIds.length === 0) return {};
  const rows = await db
    .selectFrom('items')
    .select(['assignee_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('assignee_id', 'in', personIds)
    .where('status', 'not in', ['done', 'cancelled'])
    .groupBy('assignee_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.assignee_id, Number(r.n)]));
}
