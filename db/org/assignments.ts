import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { OrgChanges } from './changes.js';

type Db = Kysely<Database>;

/*
 * Posts, 分管 domains and 代理 assignments: each made equal to the wanted rows within a scope,
 * touching only rows that differ so that post ids and created_by/created_at survive a re-import.
 */

export async function applyPosts(trx: Db, scope: NonNullable<OrgChanges['posts']>) {
  const result = { added: [] as string[], removed: [] as string[], retitled: [] as string[] };
  if (scope.unitIds.length === 0) return result;
  let query = trx.selectFrom('posts').select(['id', 'unit_id', 'person_id', 'role', 'title']);
  query = query.where('unit_id', 'in', scope.unitIds);
  if (scope.roles) query = query.where('role', 'in', scope.roles);
  const stored = new Map((await query.execute()).map((p) => [`${p.unit_id}/${p.person_id}/${p.role}`, p] as const));
  const wanted = new Map(scope.rows.map((p) => [`${p.unitId}/${p.personId}/${p.role}`, p] as const));
  const gone = [...stored].filter(([key]) => !wanted.has(key));
  if (gone.length > 0) {
    await trx
      .deleteFrom('posts')
      .where(
        'id',
        'in',
        gone.map(([, p]) => p.id),
      )
      .execute();
    result.removed.push(...gone.map(([key]) => key));
  }
  for (const [key, post] of wanted) {
    const before = stored.get(key);
    if (!before) {
      await trx
        .insertInto('posts')
        .values({ unit_id: post.unitId, person_id: post.personId, role: post.role, title: post.title })
        .execute();
      result.added.push(key);
    } else if (before.title !== post.title) {
      await trx.updateTable('posts').set({ title: post.title }).where('id', '=', before.id).execute();
      result.retitled.push(key);
    }
  }
  return result;
}

export async function applyLeaderDomains(trx: Db, scope: NonNullable<OrgChanges['leaderDomains']>) {
  if (scope.personIds.length === 0) return { added: [], removed: [] };
  const stored = await trx.selectFrom('leader_domains').selectAll().where('person_id', 'in', scope.personIds).execute();
  const key = (d: { person_id: string; domain: string }): string => `${d.person_id}/${d.domain}`;
  const wanted = new Map(scope.rows.map((d): [string, typeof d] => [`${d.personId}/${d.domain}`, d]));
  const storedKeys = new Set(stored.map(key));
  const removed = stored.filter((d) => !wanted.has(key(d)));
  for (const d of removed) {
    await trx
      .deleteFrom('leader_domains')
      .where('person_id', '=', d.person_id)
      .where('domain', '=', d.domain)
      .execute();
  }
  const added = [...wanted].filter(([k]) => !storedKeys.has(k));
  if (added.length > 0) {
    await trx
      .insertInto('leader_domains')
      .values(added.map(([, d]) => ({ person_id: d.personId, domain: d.domain })))
      .execute();
  }
  return { added: added.map(([k]) => k), removed: removed.map(key) };
}

export async function applyActing(trx: Db, scope: NonNullable<OrgChanges['acting']>, actor: string) {
  const result = { added: [] as string[], removed: [] as string[], changed: [] as string[] };
  if (scope.personIds.length === 0) return result;
  const rows = await trx
    .selectFrom('acting_assignments')
    .selectAll()
    .where('acting_for_person_id', 'in', scope.personIds)
    .execute();
  const stored = new Map(rows.map((a) => [`${a.acting_for_person_id}/${a.starts_on}/${a.person_id}`, a] as const));
  const wanted = new Map(scope.rows.map((a) => [`${a.actingForPersonId}/${a.from}/${a.personId}`, a] as const));
  const gone = [...stored].filter(([key]) => !wanted.has(key));
  if (gone.length > 0) {
    await trx
      .deleteFrom('acting_assignments')
      .where(
        'id',
        'in',
        gone.map(([, a]) => a.id),
      )
      .execute();
    result.removed.push(...gone.map(([key]) => key));
  }
  for (const [key, a] of wanted) {
    const before = stored.get(key);
    if (!before) {
      await trx
        .insertInto('acting_assignments')
        .values({
          person_id: a.personId,
          acting_for_person_id: a.actingForPersonId,
          starts_on: a.from,
          ends_on: a.to,
          reason: a.reason,
          created_by: actor,
        })
        .execute();
      result.added.push(key);
    } else if (before.ends_on !== a.to || before.reason !== a.reason) {
      await trx
        .updateTable('acting_assignments')
        .set({ ends_on: a.to, reason: a.reason })
        .where('id', '=', before.id)
        .execute();
      result.changed.push(key);
    }
  }
  return result;
}
