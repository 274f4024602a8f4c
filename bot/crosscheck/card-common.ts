import { type CrosscheckRound, type Finding, SEVERITY_LABELS } from '../../domain/crosscheck/index.js';
import { localDate } from '../../domain/shanghai-time.js';

/** The acts a cross-check card's buttons carry; bot/crosscheck/card-route.ts maps each to an Update. */
export type CrosscheckAct = 'finding' | 'team_done' | 'close_checking' | 'report';

/** Which card a click came from, so the answer re-renders that card. */
export type CrosscheckView = { team: number } | 'organizer';

export interface CrosscheckValue {
  kind: 'crosscheck';
  act: CrosscheckAct;
  round: string;
  /** The team card's team number; absent on the organizer's card. */
  team?: number;
}

export function crosscheckValue(round: string, act: CrosscheckAct, view: CrosscheckView): CrosscheckValue {
  return { kind: 'crosscheck', act, round, ...(view === 'organizer' ? {} : { team: view.team }) };
}

/** Form field names of the finding form. */
export const CROSSCHECK_FIELDS = {
  line: 'cc_line',
  problem: 'cc_problem',
  severity: 'cc_severity',
  workdays: 'cc_workdays',
} as const;

export const STATUS_TEXT: Record<Finding['status'], string> = {
  open: '整改中',
  done: '已销号',
  cancelled: '已撤销',
};

export function personName(round: CrosscheckRound, id: string): string {
  return round.names[id] ?? id;
}

/** One line per finding: number, line, severity, problem, and where its 整改 stands. */
export function findingLine(f: Finding, now: string): string {
  const overdue = f.status === 'open' && Date.parse(now) > Date.parse(f.dueAt);
  const state =
    f.status === 'open'
      ? `${overdue ? "<font color='red'>已逾期</font>" : '整改中'}，期限 ${localDate(f.dueAt)}`
      : f.status === 'done'
        ? "<font color='green'>已销号</font>"
        : '已撤销';
  return `F${f.no}｜${f.lineId}｜${SEVERITY_LABELS[f.severity]}｜${f.problem}｜整改事项 ${f.itemId}（${state}）`;
}

/** Counts of a set of findings, as the cards print them. */
export function findingCounts(findings: Finding[]): string {
  const done = findings.filter((f) => f.status === 'done').length;
  const open = findings.filter((f) => f.status === 'open').length;
  return `问题 ${findings.length} 个，已销号 ${done}，整改中 ${open}`;
}
