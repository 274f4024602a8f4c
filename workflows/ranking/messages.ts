import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RankingRun } from '../../domain/ranking/index.js';

/** Messages of the monthly ranking run; the bot's card route sends them, the workflow validates and applies them. */

export interface FileAppealArgs {
  actorId: string;
  villageId: string;
  lineId: string;
  reason: string;
}

export interface DecideAppealArgs {
  actorId: string;
  appealId: string;
  accept: boolean;
  note: string;
}

export interface ApprovalArgs {
  actorId: string;
  approve: boolean;
  reason: string;
  /** The approval request the clicked card belongs to; a stale card is refused. */
  round: number;
}

export interface ResubmitArgs {
  actorId: string;
}

export const rankingUpdates = {
  fileAppeal: defineUpdate<RankingRun, [FileAppealArgs]>('fileAppeal'),
  decideAppeal: defineUpdate<RankingRun, [DecideAppealArgs]>('decideAppeal'),
  decideApproval: defineUpdate<RankingRun, [ApprovalArgs]>('decideApproval'),
  resubmit: defineUpdate<RankingRun, [ResubmitArgs]>('resubmitRanking'),
};

export const rankingRunQuery = defineQuery<RankingRun | undefined>('rankingRun');

/** One run per month at a time: manual starts, the chat command and the schedule all use this id. */
export function rankingWorkflowId(month: string): string {
  return `ranking-${month}`;
}
