import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** A person as an operator tells them apart: id, name, title and the unit they belong to. */
export interface PersonMatch {
  id: string;
  name: string;
  title: string | null;
  unitName: string;
}

const MAX_CANDIDATES = 10;

function people(db: Db) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .select(['people.id', 'people.name', 'people.title', 'units.name as unitName'])
    .orderBy('people.id');
}

/**
 * Who a name or id given on the command line may mean: `exact` holds the person with that id, else everyone with
 * exactly that name; `similar` (only when nothing is exact) people whose name or id contains it, for the error.
 */
export async function findPeopleByIdOrName(
  db: Db,
  value: string,
): Promise<{ exact: PersonMatch[]; similar: PersonMatch[] }> {
  const byId = await people(db).where('people.id', '=', value).execute();
  if (byId.length) return { exact: byId, similar: [] };
  const byName = await people(db).where('people.name', '=', value).execute();
  if (byName.length) return { exact: byName, similar: [] };
  const pattern = `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const similar = await people(db)
    .where((eb) => eb.or([eb('people.name', 'like', pattern), eb('people.id', 'like', pattern)]))
    .limit(MAX_CANDIDATES)
    .execute();
  return { exact: [], similar };
}

/**
 * The 督查室主任: the holder of a (non-acting) 督查 post whose title names a 主任, else the first 督查 post holder by
 * id — the same person the campaign and cross-check defaults picked before the CLI had one rule.
 */
export async function supervisionHead(db: Db): Promise<PersonMatch | undefined> {
  const row = await db
    .selectFrom('posts')
    .select('posts.person_id')
    .where('posts.role', '=', 'supervisor')
    .where('posts.acting', '=', false)
    .orderBy(sql`case when posts.title like '%主任%' then 0 else 1 end`)
    .orderBy('posts.person_id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return people(db).where('people.id', '=', row.person_id).executeTakeFirst();
}

/** Whether the org holds anyone yet (before the first import-org it does not, so nobody can be checked). */
export async function hasPeople(db: Db): Promise<boolean> {
  return (await db.selectFrom('people').select('id').limit(1).executeTakeFirst()) !== undefined;
}
