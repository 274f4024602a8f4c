import type { Kysely } from 'kysely';
import type { CountyOverride } from '../../domain/calendar/build.js';
import type { OfficialNotice } from '../../domain/calendar/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export async function listCountyOverrides(db: Db): Promise<CountyOverride[]> {
  const rows = await db.selectFrom('calendar_overrides').selectAll().orderBy('id').execute();
  return rows.map((r) =>
    r.date_from === r.date_to
      ? { kind: r.kind, reason: r.reason, date: r.date_from }
      : { kind: r.kind, reason: r.reason, from: r.date_from, to: r.date_to },
  );
}

export async function addCountyOverride(
  db: Db,
  o: { kind: 'rest' | 'work' | 'emergency'; from: string; to: string; reason: string; createdBy: string },
): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values({ kind: o.kind, date_from: o.from, date_to: o.to, reason: o.reason, created_by: o.createdBy })
    .execute();
}

export async function listOfficialNotices(db: Db): Promise<OfficialNotice[]> {
  const rows = await db.selectFrom('official_notices').select('body').orderBy('year').execute();
  return rows.map((r) => r.body as OfficialNotice);
}

/** Loading a year's notice again replaces it (a corrected notice). */
export async function saveOfficialNotice(db: Db, notice: OfficialNotice, loadedBy: string): Promise<void> {
  await db
    .insertInto('official_notices')
    .values({ year: notice.year, body: JSON.stringify(notice), loaded_by: loadedBy })
    .onConflict((oc) => oc.column('year').doUpdateSet({ body: JSON.stringify(notice), loaded_by: loadedBy }))
    .execute();
}
