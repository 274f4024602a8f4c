import type { Light } from '../lights.js';
import type { Fen } from '../loans/money.js';

/**
 * A 衔接资金 project (财政衔接推进乡村振兴补助资金) from the county's project ledger. Plain JSON.
 * Dates are 'YYYY-MM-DD' in Asia/Shanghai; a period is the reported month, 'YYYY-MM'.
 */
export type FundSource = 'central' | 'provincial' | 'county';

export const FUND_SOURCES: readonly FundSource[] = ['central', 'provincial', 'county'];

export const FUND_SOURCE_LABELS: Record<FundSource, string> = {
  central: '中央衔接资金',
  provincial: '省级衔接资金',
  county: '县级衔接资金',
};

/** A planned point on the way: by `date` the project should be `percent` done. */
export interface Milestone {
  date: string;
  percent: number;
  name: string;
}

export interface Project {
  /** 项目编号; names the project's workflow (`project-<id>`) and its adjustment item. */
  id: string;
  name: string;
  townshipId: string;
  /** The responsible unit (实施单位): a township or a 县直部门. */
  unitId: string;
  /** Who fills in the monthly report for the unit. */
  reporterId: string;
  /** 产业项目 (counted in the share of funds going to industry). */
  industry: boolean;
  funds: Record<FundSource, Fen>;
  plannedStart: string;
  plannedFinish: string;
  milestones: Milestone[];
  /** Behind 序时进度 by more than this many points opens the 调整程序. */
  adjustBehindPoints: number;
}

/** Where the project stood at import, or at its latest report. */
export interface ProjectProgress {
  started: boolean;
  startedOn?: string;
  percent: number;
  paidFen: Fen;
}

export interface ProjectReport extends ProjectProgress {
  period: string;
  note: string;
  /** 序时进度 at the end of the period. */
  plannedPercent: number;
  light: Light;
  behindPoints?: number;
  reasons: string[];
  by: string;
  at: string;
}

export interface ProjectState {
  project: Project;
  status: 'active' | 'completed';
  progress: ProjectProgress;
  light?: Light;
  reports: ProjectReport[];
  /** Periods whose report was asked for, oldest first; the last one is open for answers. */
  requested: string[];
  /** Periods whose report was chased after going unanswered. */
  reminded: string[];
  /** When the project entered the system: the first report asked for is the month it was imported in. */
  since: string;
  adjustment?: { itemId?: string; reason: string; period: string; problem?: string };
  seq: number;
}

export function totalFunds(project: Pick<Project, 'funds'>): Fen {
  return project.funds.central + project.funds.provincial + project.funds.county;
}

export function projectWorkflowId(projectId: string): string {
  return `project-${projectId}`;
}

export function adjustmentItemId(projectId: string): string {
  return `PRJ-ADJ-${projectId}`;
}
