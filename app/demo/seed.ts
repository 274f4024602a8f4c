import type { Kysely } from 'kysely';
import { replaceLeaderDomains, replacePosts, upsertPeople, upsertUnits } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import type { LarkSimDepartment, LarkSimUser } from '../../larksim/index.js';
import { buildDemoOrg, type DemoOrg } from './county.js';

/** Writes the demo county's org into the database; safe to run again. */
export async function seedDemoOrg(db: Kysely<Database>, org: DemoOrg = buildDemoOrg()): Promise<DemoOrg> {
  // Parents before children: the units table references itself.
  await upsertUnits(
    db,
    org.units.filter((u) => u.kind === 'county'),
  );
  await upsertUnits(
    db,
    org.units.filter((u) => u.kind === 'department' || u.kind === 'township'),
  );
  await upsertUnits(
    db,
    org.units.filter((u) => u.kind === 'village'),
  );
  await upsertPeople(db, org.people);
  await replacePosts(
    db,
    org.units.map((u) => u.id),
    org.posts,
  );
  await replaceLeaderDomains(db, org.leaderDomains);
  return org;
}

/** The same people as simulator users, with one Lark department per unit. */
export function demoLarkDirectory(org: DemoOrg = buildDemoOrg()): {
  users: LarkSimUser[];
  departments: LarkSimDepartment[];
} {
  const deptId = (unitId: string) => `od-${unitId}`;
  const leaders = new Map(
    org.posts.filter((p) => p.role === 'leader' || p.role === 'secretary').map((p) => [p.unit_id, p.person_id]),
  );
  const openIdOf = new Map(org.people.map((p) => [p.id, p.open_id ?? '']));
  const departments: LarkSimDepartment[] = org.units.map((u) => {
    const leader = leaders.get(u.id);
    const leaderOpenId = leader ? openIdOf.get(leader) : undefined;
    return {
      openDepartmentId: deptId(u.id),
      departmentId: u.id,
      name: u.name,
      parentOpenDepartmentId: u.parent_id ? deptId(u.parent_id) : '0',
      ...(leaderOpenId ? { leaderOpenId } : {}),
    };
  });
  const users: LarkSimUser[] = org.people
    .filter((p) => p.open_id)
    .map((p) => ({
      openId: p.open_id!,
      name: p.name,
      departmentIds: [deptId(p.unit_id)],
      ...(p.title ? { jobTitle: p.title } : {}),
    }));
  return { users, departments };
}
