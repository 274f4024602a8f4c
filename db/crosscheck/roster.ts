import type { Kysely } from 'kysely';
import type { TownshipRoster } from '../../domain/crosscheck/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface CrosscheckRoster {
  townships: TownshipRoster[];
  /** unit id → who answers for a 整改 there: the unit's first staff member, else its leader. */
  responsible: Record<string, string>;
  names: Record<string, string>;
}

/**
 * What a round needs of the org, read once at its start: every township with its villages; its team (lead: the
 * township's deputy, e.g. 镇长, else its leader; members: its staff); and the responsible person of every village
 * and township. Acting posts are left out: a 代理 stands in for escalation, not on an inspection team.
 */
export async function loadCrosscheckRoster(db: Db): Promise<CrosscheckRoster> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'parent_id'])
    .where('kind', 'in', ['township', 'village'])
    .orderBy('id')
    .execute();
  const posts = await db
    .selectFrom('posts')
    .innerJoin('people', 'people.id', 'posts.person_id')
    .select(['posts.unit_id', 'posts.person_id', 'posts.role', 'people.name'])
    .where('posts.acting', '=', false)
    .orderBy('posts.id')
    .execute();
  const postsOf = (unitId: string, role: string) =>
    posts.filter((p) => p.unit_id === unitId && p.role === role).map((p) => p.person_id);

  const responsible: Record<string, string> = {};
  for (const u of units) {
    const who = postsOf(u.id, 'staff')[0] ?? postsOf(u.id, 'leader')[0];
    if (who) responsible[u.id] = who;
  }
  const townships = units
    .filter((u) => u.kind === 'township')
    .map((t) => ({
      id: t.id,
      name: t.name,
      villages: units
        .filter((v) => v.kind === 'village' && v.parent_id === t.id)
        .map((v) => ({ id: v.id, name: v.name })),
      leadId: postsOf(t.id, 'deputy')[0] ?? postsOf(t.id, 'leader')[0] ?? '',
      memberIds: postsOf(t.id, 'staff'),
    }));
  return { townships, responsible, names: Object.fromEntries(posts.map((p) => [p.person_id, p.name])) };
}

/** The default organizer of a round started from the CLI: the first 督查 (supervisor post) holder. */
export async function firstSupervisor(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('posts')
    .select('person_id')
    .where('role', '=', 'supervisor')
    .where('acting', '=', false)
    .orderBy('person_id')
    .limit(1)
    .executeTakeFirst();
  return row?.person_id;
}

export async function personName(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('people').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name;
}
