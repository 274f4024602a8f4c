import type { ColumnType, Generated } from 'kysely';
import type { LoanState, LoanStatus } from '../../domain/loans/index.js';
import type { Milestone, ProjectState } from '../../domain/projects/index.js';

type Json<T> = ColumnType<T, string, string>;
/** bigint: PostgreSQL returns int8 as text (connection.ts); repositories convert with Number(). */
type Int8 = ColumnType<string, number | string, number | string>;

/** 小额信贷: one row per loan, the current state (a projection of loan_events). Money in 分. */
export interface LoansTable {
  id: string;
  household: string;
  village_id: string;
  township_id: string;
  cadre_id: string;
  amount_fen: Int8;
  issued_on: string;
  due_on: string;
  original_due_on: string;
  repaid_fen: Int8;
  status: LoanStatus;
  overdue_item_id: string | null;
  closed_on: string | null;
  state: Json<LoanState>;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The loan's audit trail: who did what, when; (loan_id, seq) makes activity retries write once. */
export interface LoanEventsTable {
  id: Generated<string>;
  loan_id: string;
  seq: number;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
  recorded_at: Generated<string>;
}

/** The year's 新增贷款 target (任务), e.g. 500 万元 for 2024. */
export interface LoanTargetsTable {
  year: number;
  amount_fen: Int8;
  set_by: string;
  set_at: string;
}

/** 衔接资金项目: one row per project with its latest progress and light (a projection of project_events). */
export interface ProjectsTable {
  id: string;
  name: string;
  township_id: string;
  unit_id: string;
  reporter_id: string;
  industry: boolean;
  central_fen: Int8;
  provincial_fen: Int8;
  county_fen: Int8;
  planned_start: string;
  planned_finish: string;
  milestones: Json<Milestone[]>;
  adjust_behind_points: number;
  started: boolean;
  started_on: string | null;
  percent: number;
  paid_fen: Int8;
  light: string | null;
  last_period: string | null;
  adjustment_item_id: string | null;
  status: 'active' | 'completed';
  state: Json<ProjectState>;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The monthly reports as judged: one per project and period (a correction replaces it; the events keep both). */
export interface ProjectReportsTable {
  project_id: string;
  period: string;
  started: boolean;
  started_on: string | null;
  percent: number;
  paid_fen: Int8;
  planned_percent: number;
  behind_points: number | null;
  light: string;
  reasons: Json<string[]>;
  note: string;
  reported_by: string;
  reported_at: string;
}

export interface ProjectEventsTable {
  id: Generated<string>;
  project_id: string;
  seq: number;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
  recorded_at: Generated<string>;
}

/** Cards of ledger entries (a loan's card, a project's monthly report card) by `ref`, one per person. */
export interface LedgerCardsTable {
  ref: string;
  person_id: string;
  message_id: string;
  sent_at: Generated<string>;
}

export interface LedgerTables {
  loans: LoansTable;
  loan_events: LoanEventsTable;
  loan_targets: LoanTargetsTable;
  projects: ProjectsTable;
  project_reports: ProjectReportsTable;
  project_events: ProjectEventsTable;
  ledger_cards: LedgerCardsTable;
}

declare module '../schema.js' {
  interface Database extends LedgerTables {}
}
