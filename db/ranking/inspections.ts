import type { Kysely } from 'kysely';
import { type InspectionEntry, inspectionId } from '../../domain/ranking/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface InspectionRecord extends InspectionEntry {
  photos?: { contentType: string; bytes: Buffer }[];
}

/**
 * Writes inspections in one transaction, each with an audit event naming who recorded it and the score it
 * replaced. Re-entering a village's dimension for a month replaces it (the latest inspection counts); photos given
 * with it replace its photos.
 */
export async function recordInspections(
  db: Db,
  records: InspectionRecord[],
  meta: { source: 'card' | 'excel'; by: string; at: string },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const r of records) {
      const id = inspectionId(r.month, r.villageId, r.dimension);
      const before = await trx
        .selectFrom('ranking_inspections')
        .select('score')
        .where('id', '=', id)
        .executeTakeFirst();
      const values = {
        score: r.score,
        problems: JSON.stringify(r.problems),
        inspector_id: r.inspectorId,
        inspected_on: r.inspectedOn,
        source: meta.source,
        recorded_by: meta.by,
        recorded_at: meta.at,
      };
      await trx
        .insertInto('ranking_inspections')
        .values({ id, month: r.month, village_id: r.villageId, dimension: r.dimension, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      if (r.photos) {
        await trx.deleteFrom('ranking_photos').where('inspection_id', '=', id).execute();
        for (const [seq, p] of r.photos.entries()) {
          await trx
            .insertInto('ranking_photos')
            .values({ inspection_id: id, seq: seq + 1, content_type: p.contentType, bytes: p.bytes, image_key: null })
            .execute();
        }
      }
      await trx
        .insertInto('ranking_events')
        .values({
          dedup_key: `inspection:${id}:${meta.at}:${ids.length}`,
          month: r.month,
          workflow_id: null,
          type: before ? 'inspection_corrected' : 'inspection_recorded',
          actor_id: meta.by,
          at: meta.at,
          payload: JSON.stringify({
            inspectionId: id,
            villageId: r.villageId,
            dimension: r.dimension,
            score: r.score,
            ...(before ? { previousScore: before.score } : {}),
            problems: r.problems,
            photos: r.photos?.length ?? 0,
            source: meta.source,
          }),
        })
        .execute();
      ids.push(id);
    }
    return ids;
  });
}

/** Who may enter inspections: 督查室 (supervisor posts) and the staff of the rules' domain department. */
export async function isInspector(db: Db, personId: string, domain: string): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .select('posts.person_id')
    .where('posts.person_id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('posts.role', '=', 'supervisor'),
        eb.and([eb('units.kind', '=', 'department'), eb('units.domain', '=', domain)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The first photo of each given village's problems in a month (by dimension), for the published card. */
export async function problemPhotos(db: Db, month: string, villageIds: string[]) {
  if (villageIds.length === 0) return [];
  const rows = await db
    .selectFrom('ranking_photos as p')
    .innerJoin('ranking_inspections as i', 'i.id', 'p.inspection_id')
    .select(['p.inspection_id', 'p.seq', 'p.bytes', 'p.image_key', 'i.village_id'])
    .where('i.month', '=', month)
    .where('i.village_id', 'in', villageIds)
    .orderBy('i.village_id')
    .orderBy('i.score')
    .orderBy('p.seq')
    .execute();
  return villageIds.flatMap((id) => rows.filter((r) => r.village_id === id).slice(0, 1));
}

/** Remembers a photo's Lark image key, so a retry or a later card reuses the upload. */
export async function savePhotoKey(db: Db, inspectionId: string, seq: number, imageKey: string): Promise<void> {
  await db
    .updateTable('ranking_photos')
    .set({ image_key: imageKey })
    .where('inspection_id', '=', inspectionId)
    .where('seq', '=', seq)
    .execute();
}
