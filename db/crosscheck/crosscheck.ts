import type { Kysely, Transaction } from 'kysely';
import type { CrosscheckRound, Finding, RoundPhase } from '../../domain/crosscheck/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface RoundEvent {
  roundId: string;
  /** Unique per fact, so a retried activity writes it once. */
  key: string;
  type: string;
  actorId: string;
  at: string;
  payload: Record<string, unknown>;
}

async function insertEvent(db: Db | Transaction<Database>, e: RoundEvent): Promise<void> {
  await db
    .insertInto('crosscheck_events')
    .values({
      dedup_key: `${e.roundId}:${e.key}`,
      round_id: e.roundId,
      type: e.type,
      actor_id: e.actorId,
      at: e.at,
      payload: JSON.stringify(e.payload),
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}

export const recordRoundEvent = (db: Db, e: RoundEvent): Promise<void> => insertEvent(db, e);

/** The round, its teams and checklist, and the 'started' event, in one transaction; a retry changes nothing. */
export async function saveRound(db: Db, round: CrosscheckRound, workflowId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('crosscheck_rounds')
      .values({
        id: round.id,
        title: round.title,
        organizer_id: round.organizerId,
        phase: round.phase,
        workflow_id: workflowId,
        started_at: round.startedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await trx
      .insertInto('crosscheck_teams')
      .values(
        round.teams.map((t) => ({
          round_id: round.id,
          team_no: t.no,
          from_township_id: t.fromTownshipId,
          inspects_township_id: t.inspectsTownshipId,
          lead_id: t.leadId,
          member_ids: JSON.stringify(t.memberIds),
        })),
      )
      .execute();
    await trx
      .insertInto('crosscheck_lines')
      .values(
        round.lines.map((l) => ({
          round_id: round.id,
          line_id: l.id,
          team_no: l.teamNo,
          type: l.type,
          unit_id: l.unitId,
          subject: l.subject,
          check_text: l.check,
        })),
      )
      .execute();
    const assignment = round.teams.map((t) => ({ team: t.no, from: t.fromTownshipId, inspects: t.inspectsTownshipId }));
    await insertEvent(trx, {
      roundId: round.id,
      key: 'started',
      type: 'started',
      actorId: round.organizerId,
      at: round.startedAt,
      payload: { title: round.title, assignment, lines: round.lines.length },
    });
  });
}

/** New findings with their 整改 item ids, and one audit event each, in one transaction. */
export async function saveFindings(db: Db, roundId: string, findings: Finding[]): Promise<void> {
  if (findings.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('crosscheck_findings')
      .values(
        findings.map((f) => ({
          id: f.id,
          round_id: roundId,
          no: f.no,
          line_id: f.lineId,
          team_no: f.teamNo,
          unit_id: f.unitId,
          problem: f.problem,
          severity: f.severity,
          workdays: f.workdays,
          due_at: f.dueAt,
          item_id: f.itemId,
          assignee_id: f.assigneeId,
          reviewer_id: f.reviewerId,
          source: f.source,
          recorded_by: f.recordedBy,
          recorded_at: f.recordedAt,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    for (const f of findings) {
      const { id, lineId, itemId, severity, workdays, dueAt, source, problem } = f;
      await insertEvent(trx, {
        roundId,
        key: `finding:${id}`,
        type: 'finding_recorded',
        actorId: f.recordedBy,
        at: f.recordedAt,
        payload: { findingId: id, lineId, itemId, severity, workdays, dueAt, source, problem },
      });
    }
  });
}

export async function updateRound(
  db: Db,
  roundId: string,
  change: { phase?: RoundPhase; checkingClosedAt?: string; closedAt?: string },
): Promise<void> {
  await db
    .updateTable('crosscheck_rounds')
    .set({
      ...(change.phase ? { phase: change.phase } : {}),
      ...(change.checkingClosedAt ? { checking_closed_at: change.checkingClosedAt } : {}),
      ...(change.closedAt ? { closed_at: change.closedAt } : {}),
    })
    .where('id', '=', roundId)
    .execute();
}

export async function markTeamDone(db: Db, roundId: string, teamNo: number, at: string): Promise<void> {
  await db
    .updateTable('crosscheck_teams')
    .set({ done_at: at })
    .where('round_id', '=', roundId)
    .where('team_no', '=', teamNo)
    .execute();
}

export async function findRound(db: Db, roundId: string) {
  return db.selectFrom('crosscheck_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
}

export async function listRoundEvents(db: Db, roundId: string) {
  return db.selectFrom('crosscheck_events').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
}

export async function saveRoundMessage(db: Db, roundId: string, key: string, messageId: string): Promise<void> {
  await db
    .insertInto('crosscheck_messages')
    .values({ round_id: roundId, key, message_id: messageId })
    .onConflict((oc) => oc.columns(['round_id', 'key']).doNothing())
    .execute();
}

export async function listRoundMessages(db: Db, roundId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('crosscheck_messages').selectAll().where('round_id', '=', roundId).execute();
  return new Map(rows.map((r) => [r.key, r.message_id]));
}
