import { type Kysely, sql } from 'kysely';
import { cmp } from '../../domain/org/index.js';
import type { Database } from '../schema.js';
import { applyActing, applyLeaderDomains, applyPosts } from './assignments.js';
import type { OrgChanges } from './changes.js';
import type { OrgImportSource } from './tables.js';

type Db = Kysely<Database>;

// OrgChanges lives in changes.ts so that assignments.ts can use it without importing this module back.
export type { OrgChanges };

export interface OrgChangeSummary {
  units: { created: string[]; updated: string[] };
  people: { created: string[]; updated: string[] };
  /** Keys are unit/person/role. */
  posts: { added: string[]; removed: string[]; retitled: string[] };
  leaderDomains: { added: string[]; removed: string[] };
  /** Keys are absent person/from/stand-in. */
  acting: { added: string[]; removed: string[]; changed: string[] };
}

/** Serialises org writers (imports, syncs) for the rest of the transaction. */
export async function lockOrg(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('duban:org'))`.execute(trx);
}

/** Applies only what differs, so applying the same changes twice writes nothing the second time. */
export async function applyOrgChanges(trx: Db, changes: OrgChanges, actor: string): Promise<OrgChangeSummary> {
  const summary: OrgChangeSummary = {
    units: await applyUnits(trx, changes.units),
    people: await applyPeople(trx, changes.people),
    posts: changes.posts ? await applyPosts(trx, changes.posts) : { added: [], removed: [], retitled: [] },
    leaderDomains: changes.leaderDomains
      ? await applyLeaderDomains(trx, changes.leaderDomains)
      : { added: [], removed: [] },
    acting: changes.acting ? await applyActing(trx, changes.acting, actor) : { added: [], removed: [], changed: [] },
  };
  // Sorted, so the audit trail reads the same whichever order the source listed things in.
  for (const group of Object.values(summary)) for (const list of Object.values(group) as string[][]) list.sort(cmp);
  return summary;
}

export function countChanges(s: OrgChangeSummary): number {
  return [s.units, s.people, s.posts, s.leaderDomains, s.acting]
    .flatMap((group) => Object.values(group) as string[][])
    .reduce((n, list) => n + list.length, 0);
}

export async function recordOrgImport(
  trx: Db,
  entry: { source: OrgImportSource; actor: string; summary: Record<string, unknown> },
): Promise<string> {
  const row = await trx
    .insertInto('org_imports')
    .values({ source: entry.source, actor: entry.actor, summary: JSON.stringify(entry.summary) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function applyUnits(trx: Db, units: OrgChanges['units']) {
  const stored = new Map((await trx.selectFrom('units').selectAll().execute()).map((u) => [u.id, u] as const));
  const created: string[] = [];
  const updated: string[] = [];
  for (const u of units) {
    const before = stored.get(u.id);
    const lark = u.larkDepartmentId === undefined ? (before?.lark_department_id ?? null) : u.larkDepartmentId;
    const fields = { name: u.name, kind: u.kind, parent_id: u.parentId, domain: u.domain, lark_department_id: lark };
    if (before && same(before, fields)) continue;
    (before ? updated : created).push(u.id);
    // One row at a time, parents first: the table references itself.
    await trx
      .insertInto('units')
      .values({ id: u.id, ...fields })
      .onConflict((oc) => oc.column('id').doUpdateSet(fields))
      .execute();
  }
  return { created, updated };
}

async function applyPeople(trx: Db, people: OrgChanges['people']) {
  const stored = new Map((await trx.selectFrom('people').selectAll().execute()).map((p) => [p.id, p] as const));
  const rows = people.map((p) => ({
    id: p.id,
    name: p.name,
    open_id: p.openId,
    mobile: p.mobile,
    unit_id: p.unitId,
    title: p.title,
  }));
  const changed = rows.filter((r) => {
    const before = stored.get(r.id);
    return !before || !same(before, r);
  });
  // open_id is unique: release the ids that move to someone else before handing them out.
  const moving = changed.filter((r) => stored.get(r.id)?.open_id && stored.get(r.id)?.open_id !== r.open_id);
  if (moving.length > 0) {
    await trx
      .updateTable('people')
      .set({ open_id: null })
      .where(
        'id',
        'in',
        moving.map((r) => r.id),
      )
      .execute();
  }
  for (let i = 0; i < changed.length; i += 500) {
    await trx
      .insertInto('people')
      .values(changed.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          open_id: eb.ref('excluded.open_id'),
          mobile: eb.ref('excluded.mobile'),
          unit_id: eb.ref('excluded.unit_id'),
          title: eb.ref('excluded.title'),
        })),
      )
      .execute();
  }
  return {
    created: changed.filter((r) => !stored.has(r.id)).map((r) => r.id),
    updated: changed.filter((r) => stored.has(r.id)).map((r) => r.id),
  };
}

/** Whether the stored row already holds every wanted value. */
function same(stored: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([k, v]) => stored[k] === v);
}
