import { type Kysely, sql } from 'kysely';
import type { OrgRole, OrgUnit, ViewerFacts } from '../../domain/org/access.js';
import type { Database, Person } from '../schema.js';

type Db = Kysely<Database>;

/** The org tree, ordered for display (townships and departments by name, villages under them). */
export async function loadOrgUnits(db: Db): Promise<OrgUnit[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'parent_id'])
    .orderBy(sql`case kind when 'county' then 0 when 'township' then 1 when 'department' then 2 else 3 end`)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id }));
}

/** A person with the posts and 分管 domains access is decided on; undefined for an unknown person. */
export async function loadViewer(
  db: Db,
  personId: string,
): Promise<{ person: Person; facts: ViewerFacts } | undefined> {
  const person = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) return undefined;
  const [posts, domains] = await Promise.all([
    db.selectFrom('posts').select(['unit_id', 'role']).where('person_id', '=', personId).execute(),
    db.selectFrom('leader_domains').select('domain').where('person_id', '=', personId).execute(),
  ]);
  return {
    person,
    facts: {
      personId,
      posts: posts.map((p) => ({ unitId: p.unit_id, role: p.role as OrgRole })),
      domains: domains.map((d) => d.domain),
    },
  };
}
