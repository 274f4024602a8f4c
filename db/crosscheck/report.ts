import type { Kysely } from 'kysely';
import type { RectificationStatus, ReportInput, Severity } from '../../domain/crosscheck/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** One finding as the export lists it, with its 整改 item's state from the item ledger. */
export interface FindingRow {
  id: string;
  lineId: string;
  teamNo: number;
  unitName: string;
  type: string;
  subject: string;
  problem: string;
  severity: Severity;
  workdays: number;
  dueAt: string;
  itemId: string;
  status: RectificationStatus;
  closedAt: string | null;
  assigneeName: string;
  reviewerName: string;
}

export interface RoundReportData {
  input: ReportInput;
  findings: FindingRow[];
}

/**
 * A round's report from the ledger alone (no Temporal): teams, checklist, and findings, each with its 整改 item's
 * status as the item's own workflow last recorded it. An item not yet recorded counts as open.
 */
export async function loadRoundReportData(db: Db, roundId: string): Promise<RoundReportData | undefined> {
  const round = await db.selectFrom('crosscheck_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!round) return undefined;
  const teams = await db
    .selectFrom('crosscheck_teams as t')
    .innerJoin('units as f', 'f.id', 't.from_township_id')
    .innerJoin('units as i', 'i.id', 't.inspects_township_id')
    .select([
      't.team_no',
      't.from_township_id',
      'f.name as from_name',
      't.inspects_township_id',
      'i.name as inspects_name',
    ])
    .select(['t.lead_id', 't.member_ids', 't.done_at'])
    .where('t.round_id', '=', roundId)
    .orderBy('t.team_no')
    .execute();
  const lines = await db
    .selectFrom('crosscheck_lines')
    .select(['line_id', 'team_no'])
    .where('round_id', '=', roundId)
    .execute();
  const rows = await db
    .selectFrom('crosscheck_findings as f')
    .innerJoin('crosscheck_lines as l', (j) =>
      j.onRef('l.round_id', '=', 'f.round_id').onRef('l.line_id', '=', 'f.line_id'),
    )
    .innerJoin('units as u', 'u.id', 'f.unit_id')
    .innerJoin('people as a', 'a.id', 'f.assignee_id')
    .innerJoin('people as r', 'r.id', 'f.reviewer_id')
    .leftJoin('items as it', 'it.id', 'f.item_id')
    .select(['f.id', 'f.line_id', 'f.team_no', 'u.name as unit_name', 'l.type', 'l.subject', 'f.problem'])
    .select(['f.severity', 'f.workdays', 'f.due_at', 'f.item_id', 'it.status', 'it.closed_at'])
    .select(['a.name as assignee_name', 'r.name as reviewer_name'])
    .where('f.round_id', '=', roundId)
    .orderBy('f.no')
    .execute();
  const findings: FindingRow[] = rows.map((r) => ({
    id: r.id,
    lineId: r.line_id,
    teamNo: r.team_no,
    unitName: r.unit_name,
    type: r.type,
    subject: r.subject,
    problem: r.problem,
    severity: r.severity,
    workdays: r.workdays,
    dueAt: r.due_at,
    itemId: r.item_id,
    status: r.status === 'done' ? 'done' : r.status === 'cancelled' ? 'cancelled' : 'open',
    closedAt: r.closed_at ?? null,
    assigneeName: r.assignee_name,
    reviewerName: r.reviewer_name,
  }));
  return {
    input: {
      id: round.id,
      title: round.title,
      phase: round.phase,
      teams: teams.map((t) => ({
        no: t.team_no,
        fromTownshipId: t.from_township_id,
        fromName: t.from_name,
        inspectsTownshipId: t.inspects_township_id,
        inspectsName: t.inspects_name,
        leadId: t.lead_id,
        memberIds: t.member_ids,
        ...(t.done_at ? { doneAt: t.done_at } : {}),
      })),
      lines: lines.map((l) => ({ id: l.line_id, teamNo: l.team_no })),
      findings: findings.map((f) => ({ teamNo: f.teamNo, severity: f.severity, status: f.status, dueAt: f.dueAt })),
    },
    findings,
  };
}
