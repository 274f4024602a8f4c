import { randomBytes } from 'node:crypto';
import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { Kysely } from 'kysely';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import {
  type CampaignDef,
  type CampaignTarget,
  checkCampaign,
  parseTarget,
  selectTargetUnits,
} from '../../domain/campaigns/index.js';
import type { Urgency } from '../../domain/items/index.js';
import { indexOrg } from '../../domain/org/index.js';
import { localDate, toShanghaiIso } from '../../domain/shanghai-time.js';
import type { CampaignInput, campaign } from '../../workflows/campaigns/campaign.js';
import { campaignWorkflowId, withdrawCampaignUpdate } from '../../workflows/campaigns/messages.js';

export interface CampaignRequest {
  title: string;
  description?: string;
  /** As typed ('villages', 'villages:xiaojie', 'townships', 'departments', 'units:a,b') or already parsed. */
  target: string | CampaignTarget;
  dueWorkdays: number;
  signWorkdays?: number;
  /** Default: the first 督查室 member. */
  issuerId?: string;
  /** Default: another 督查室 member (the last one), else the issuer. */
  reviewerId?: string;
  urgency?: Urgency;
  domain?: string;
  evidenceRequired?: boolean;
  /** Default: CP-<date>-<random>. */
  id?: string;
  /** How often the campaign looks at its items (tests shorten it). */
  poll?: CampaignInput['poll'];
}

export type StartCampaignResult =
  | { ok: true; campaignId: string; units: number; unstaffed: string[] }
  | { ok: false; message: string };

/**
 * 交办 a campaign: checks the request against today's org (who may issue and review, which units the target
 * reaches), then starts the campaign workflow, which freezes the units and dispatches one item to each.
 */
export async function startCampaign(
  client: Client,
  taskQueue: string,
  db: Kysely<Database>,
  req: CampaignRequest,
  now = new Date(),
): Promise<StartCampaignResult> {
  const parsed = typeof req.target === 'string' ? parseTarget(req.target) : { ok: true as const, target: req.target };
  if (!parsed.ok) return parsed;
  const org = indexOrg(await loadOrgSnapshot(db, localDate(now.getTime())));
  const supervisors = [...new Set(org.allHolders('supervisor').map((p) => p.personId))];
  const issuerId = req.issuerId ?? supervisors[0];
  const reviewerId = req.reviewerId ?? supervisors.filter((p) => p !== issuerId).at(-1) ?? issuerId;
  if (!issuerId || !reviewerId) return { ok: false, message: '没有督查室人员，无法交办督办活动' };
  for (const [who, label] of [
    [issuerId, '交办人'],
    [reviewerId, '审核人'],
  ] as const) {
    if (!supervisors.includes(who)) return { ok: false, message: `${label}须为督查室人员：${who}` };
  }
  const def: CampaignDef = {
    id: req.id ?? newCampaignId(now),
    title: req.title.trim(),
    description: (req.description ?? '').trim(),
    urgency: req.urgency ?? 'normal',
    domain: req.domain ?? '农业农村',
    issuerId,
    reviewerId,
    target: parsed.target,
    signWorkdays: req.signWorkdays ?? 1,
    dueWorkdays: req.dueWorkdays,
    evidenceRequired: req.evidenceRequired ?? false,
  };
  const refusal = checkCampaign(def);
  if (refusal) return { ok: false, message: refusal.message };
  const selection = selectTargetUnits(org, def.target);
  if (selection.unknown.length) return { ok: false, message: `未找到单位：${selection.unknown.join('、')}` };
  if (selection.units.length === 0) return { ok: false, message: '督办对象中没有可交办的单位' };
  try {
    await client.workflow.start<typeof campaign>('campaign', {
      workflowId: campaignWorkflowId(def.id),
      taskQueue,
      args: [{ def, ...(req.poll ? { poll: req.poll } : {}) }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { ok: false, message: `督办活动已存在：${def.id}` };
    throw err;
  }
  return {
    ok: true,
    campaignId: def.id,
    units: selection.units.length,
    unstaffed: selection.unstaffed.map((u) => u.unitName),
  };
}

/** 撤回 a campaign as its issuer: its open items are cancelled with the reason. */
export async function withdrawCampaign(
  client: Client,
  campaignId: string,
  actorId: string,
  reason: string,
): Promise<{ ok: boolean; message: string }> {
  try {
    await client.workflow
      .getHandle(campaignWorkflowId(campaignId))
      .executeUpdate(withdrawCampaignUpdate, { args: [{ actorId, reason }] });
    return { ok: true, message: `已撤回督办活动 ${campaignId}，未办结的事项将逐一撤销` };
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return { ok: false, message: err.cause?.message ?? '撤回未通过校验' };
    if (err instanceof WorkflowNotFoundError) return { ok: false, message: `督办活动不存在或已结束：${campaignId}` };
    throw err;
  }
}

/** 'CP-20251009-1a2b3c': the date people see, plus enough randomness for several campaigns a day. */
export function newCampaignId(now: Date): string {
  return `CP-${toShanghaiIso(now.getTime()).slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
}
