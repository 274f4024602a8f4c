import type { Kysely } from 'kysely';
import type { Database, NewPerson, NewPost, NewUnit, Person } from '../schema.js';

type Db = Kysely<Database>;

export async function upsertUnits(db: Db, units: NewUnit[]): Promise<void> {
  if (units.length === 0) return;
  await db
    .insertInto('units')
    .values(units)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        parent_id: eb.ref('excluded.parent_id'),
        domain: eb.ref('excluded.domain'),
        lark_department_id: eb.ref('excluded.lark_department_id'),
      })),
    )
    .execute();
}

export async function upsertPeople(db: Db, people: NewPerson[]): Promise<void> {
  if (people.length === 0) return;
  await db
    .insertInto('people')
    .values(people)
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

/** Replaces the posts of the given units (an org import is authoritative for the units it names). */
export async function replacePosts(db: Db, unitIds: string[], posts: NewPost[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (unitIds.length > 0) await trx.deleteFrom('posts').where('unit_id', 'in', unitIds).execute();
    if (posts.length > 0) await trx.insertInto('posts').values(posts).execute();
  });
}

export async function replaceLeaderDomains(db: Db, rows: { person_id: string; domain: string }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('leader_domains').execute();
    if (rows.length > 0) await trx.insertInto('leader_domains').values(rows).execute();
  });
}

export async function findPersonByOpenId(db: Db, openId: string): Promise<Person | undefined> {
  return db.selectFrom('people').selectAll().where('open_id', '=', openId).executeTakeFirst();
}

export async function findPeople(db: Db, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
}

/** The units a person belongs to: their home unit plus every unit where they hold a post. */
export async function unitIdsOfPerson(db: Db, personId: string): Promise<string[]> {
  const home = await db.selectFrom('people').select('unit_id').where('id', '=', personId).executeTakeFirst();
  if (!home) return [];
  const posts = await db.selectFrom('posts').select('unit_id').where('person_id', '=', personId).execute();
  return [...new Set([home.unit_id, ...posts.map((p) => p.unit_id)])];
}

/** People who may take over an item of this unit: home members and post holders. */
export async function unitMembers(db: Db, unitId: string): Promise<Person[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('unit_id', '=', unitId),
        eb('id', 'in', eb.selectFrom('posts').select('person_id').where('unit_id', '=', unitId)),
      ]),
    )
    .orderBy('id')
    .execute();
}

export async function findUnit(db: Db, id: string) {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}
