import type { Kysely } from 'kysely';
import type { CadencePause } from '../../domain/cadence/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Pauses of a cadence (all units), open and lifted: the period run decides which are in force. */
export async function listPauses(db: Db, cadenceId: string): Promise<CadencePause[]> {
  const rows = await db
    .selectFrom('cadence_pauses')
    .selectAll()
    .where('cadence_id', '=', cadenceId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    cadenceId: r.cadence_id,
    unitId: r.unit_id,
    from: r.paused_from,
    reason: r.reason,
    by: r.paused_by,
    at: r.paused_at,
    ...(r.resumed_at ? { resumedAt: r.resumed_at } : {}),
  }));
}

export async function openPause(db: Db, cadenceId: string, unitId: string): Promise<CadencePause | undefined> {
  return (await listPauses(db, cadenceId)).find((p) => p.unitId === unitId && p.resumedAt === undefined);
}

export interface CadenceEvent {
  dedupKey: string;
  cadenceId: string;
  periodKey?: string;
  unitId?: string;
  type: 'paused' | 'resumed' | 'period_opened' | 'unit_skipped';
  actorId: string;
  at: string;
  payload: Record<string, unknown>;
}

export async function recordCadenceEvent(db: Db, e: CadenceEvent): Promise<void> {
  await db
    .insertInto('cadence_events')
    .values(eventRow(e))
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}

function eventRow(e: CadenceEvent) {
  return {
    dedup_key: e.dedupKey,
    cadence_id: e.cadenceId,
    period_key: e.periodKey ?? null,
    unit_id: e.unitId ?? null,
    type: e.type,
    actor_id: e.actorId,
    at: e.at,
    payload: JSON.stringify(e.payload),
  };
}

/** Pauses and its audit row in one transaction; the partial unique index refuses a second open pause. */
export async function insertPause(db: Db, p: CadencePause): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('cadence_pauses')
      .values({
        cadence_id: p.cadenceId,
        unit_id: p.unitId,
        paused_from: p.from,
        reason: p.reason,
        paused_by: p.by,
        paused_at: p.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('cadence_events')
      .values(
        eventRow({
          dedupKey: `pause:${row.id}`,
          cadenceId: p.cadenceId,
          unitId: p.unitId,
          type: 'paused',
          actorId: p.by,
          at: p.at,
          payload: { from: p.from, reason: p.reason },
        }),
      )
      .execute();
  });
}

/** Lifts the open pause (if still open) and records who lifted it, when and why. */
export async function resumePause(
  db: Db,
  r: { cadenceId: string; unitId: string; by: string; at: string; reason: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('cadence_pauses')
      .set({ resumed_at: r.at, resumed_by: r.by, resume_reason: r.reason || null })
      .where('cadence_id', '=', r.cadenceId)
      .where('unit_id', '=', r.unitId)
      .where('resumed_at', 'is', null)
      .returning(['id', 'reason'])
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .insertInto('cadence_events')
      .values(
        eventRow({
          dedupKey: `resume:${row.id}`,
          cadenceId: r.cadenceId,
          unitId: r.unitId,
          type: 'resumed',
          actorId: r.by,
          at: r.at,
          payload: { reason: r.reason, pauseReason: row.reason },
        }),
      )
      .execute();
    return true;
  });
}

export async function listCadenceEvents(db: Db, cadenceId: string, periodKey?: string) {
  let q = db
    .selectFrom('cadence_events')
    .select(['type', 'period_key', 'unit_id', 'actor_id', 'at', 'payload'])
    .where('cadence_id', '=', cadenceId);
  if (periodKey) q = q.where('period_key', '=', periodKey);
  return q.orderBy('id').execute();
}
