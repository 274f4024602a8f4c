import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Messages of a campaign workflow; the CLI (and later the dashboard) send them, the workflow validates them. */

export type CampaignPhase = 'dispatching' | 'running' | 'withdrawing' | 'done' | 'withdrawn';

export interface CampaignProgress {
  campaignId: string;
  phase: CampaignPhase;
  /** Units the campaign reached. */
  total: number;
  /** Items started so far. */
  dispatched: number;
  /** Items 办结 or 撤销, as of the last look at the ledger. */
  closed: number;
}

export interface WithdrawCampaignArgs {
  actorId: string;
  reason: string;
}

/** 撤回: every open item of the campaign is cancelled with the reason; only the issuer may. */
export const withdrawCampaignUpdate = defineUpdate<CampaignProgress, [WithdrawCampaignArgs]>('withdrawCampaign');

export const campaignProgressQuery = defineQuery<CampaignProgress>('campaignProgress');

/** The campaign id is the workflow id (each unit's item is `${campaignId}-${unitId}`). */
export function campaignWorkflowId(campaignId: string): string {
  return campaignId;
}
