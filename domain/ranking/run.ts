import type { Month } from '../month.js';
import type { Appeal, AppealableLine, ProcessView, RankingPhase, Roster } from './appeals.js';
import type { RuleRef } from './rules.js';

/** The current draft, in brief; the full computation lives in the snapshot the id names. */
export interface DraftSummary {
  snapshotId: string;
  /** 1 for the first computation, +1 for each recomputation (an accepted appeal, a resubmission). */
  round: number;
  computedAt: string;
  red: string[];
  black: string[];
  exited: string[];
  unranked: string[];
  ranked: number;
}

export interface ApprovalDecision {
  round: number;
  by: string;
  at: string;
  approved: boolean;
  reason?: string;
}

/** A month's approval run as the workflow holds it (plain JSON; the workflow's query returns it). */
export interface RankingRun {
  month: Month;
  workflowId: string;
  startedAt: string;
  requestedBy: string;
  rule: RuleRef;
  ruleTitle: string;
  phase: RankingPhase;
  chats: { leading: string; county: string };
  roster: Roster;
  draft: DraftSummary;
  appealable: Record<string, Record<string, AppealableLine>>;
  appealsCloseAt: string;
  appeals: Appeal[];
  /** Approval requests sent so far; a send-back and resubmission starts the next round. */
  approvalRound: number;
  decisions: ApprovalDecision[];
  publication?: { messageId: string; imageKey: string; publishedAt: string };
  rectifications: { villageId: string; itemId: string; dueAt: string }[];
}

export function processView(run: RankingRun): ProcessView {
  return {
    phase: run.phase,
    appealsCloseAt: run.appealsCloseAt,
    roster: run.roster,
    appealable: run.appealable,
    appeals: run.appeals,
  };
}

export const PHASE_LABELS: Record<RankingPhase, string> = {
  appeal: '申诉期',
  review: '申诉审核中',
  approval: '待领导小组审定',
  sent_back: '已退回修改',
  recomputing: '重新计算中',
  publishing: '发布中',
  published: '已发布',
  skipped: '已发布过',
};
