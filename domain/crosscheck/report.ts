import type { ChecklistLine, Finding, RoundPhase, Severity, Team } from './types.js';

/** What the report needs of a round; the workflow's state and the database both provide it. */
export interface ReportInput {
  id: string;
  title: string;
  phase: RoundPhase;
  teams: Team[];
  lines: Pick<ChecklistLine, 'id' | 'teamNo'>[];
  findings: Pick<Finding, 'teamNo' | 'severity' | 'status' | 'dueAt'>[];
}

export interface ReportCounts {
  lines: number;
  findings: number;
  /** 已销号: the inspector confirmed the fix. */
  done: number;
  /** 整改中. */
  open: number;
  /** Of the open ones, past their deadline. */
  overdue: number;
  /** 已撤销 by 督查室 (e.g. a finding entered in error). */
  cancelled: number;
  bySeverity: Record<Severity, number>;
}

export interface TownshipReport extends ReportCounts {
  townshipId: string;
  townshipName: string;
  teamNo: number;
  /** The township the inspecting team came from. */
  teamFrom: string;
  leadId: string;
}

export interface RoundReport {
  roundId: string;
  title: string;
  phase: RoundPhase;
  at: string;
  /** One row per inspected township, in team order. */
  townships: TownshipReport[];
  totals: ReportCounts;
}

const empty = (): ReportCounts => ({
  lines: 0,
  findings: 0,
  done: 0,
  open: 0,
  overdue: 0,
  cancelled: 0,
  bySeverity: { minor: 0, major: 0, severe: 0 },
});

/** Findings per inspected township, closed and open, as of `now`. */
export function buildReport(round: ReportInput, now: string): RoundReport {
  const totals = empty();
  const townships = [...round.teams]
    .sort((a, b) => a.no - b.no)
    .map((team): TownshipReport => {
      const row: TownshipReport = {
        townshipId: team.inspectsTownshipId,
        townshipName: team.inspectsName,
        teamNo: team.no,
        teamFrom: team.fromName,
        leadId: team.leadId,
        ...empty(),
      };
      row.lines = round.lines.filter((l) => l.teamNo === team.no).length;
      for (const f of round.findings.filter((x) => x.teamNo === team.no)) add(row, f, now);
      return row;
    });
  for (const t of townships) {
    for (const k of ['lines', 'findings', 'done', 'open', 'overdue', 'cancelled'] as const) totals[k] += t[k];
    for (const s of ['minor', 'major', 'severe'] as const) totals.bySeverity[s] += t.bySeverity[s];
  }
  return { roundId: round.id, title: round.title, phase: round.phase, at: now, townships, totals };
}

function add(row: ReportCounts, f: ReportInput['findings'][number], now: string): void {
  row.findings += 1;
  row.bySeverity[f.severity] += 1;
  if (f.status === 'done') row.done += 1;
  else if (f.status === 'cancelled') row.cancelled += 1;
  else {
    row.open += 1;
    if (Date.parse(now) > Date.parse(f.dueAt)) row.overdue += 1;
  }
}

export const PHASE_LABELS: Record<RoundPhase, string> = {
  checking: '检查中',
  rectifying: '整改中',
  closed: '已完成',
};
