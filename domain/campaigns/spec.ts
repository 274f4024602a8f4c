import { addWorkdays, type CalendarData } from '../calendar/index.js';
import type { EscalationPolicy } from '../escalation/policy.js';
import { type ItemSpec, type Refusal, refuse } from '../items/index.js';
import { requireText } from '../items/validate.js';
import type { CampaignDef, CampaignUnit } from './types.js';

/** Campaign ids leave room for `-${unitId}` inside the 64 characters an item id may have. */
const CAMPAIGN_ID_RE = /^CP-[A-Za-z0-9_.-]{1,28}$/;
const MAX_DUE_WORKDAYS = 250;

/** Deterministic: the same campaign and unit always name the same item (and workflow), so re-dispatching is a no-op. */
export function campaignItemId(campaignId: string, unitId: string): string {
  return `${campaignId}-${unitId}`;
}

/** Checks a campaign before anything is started for it; the message is Chinese, for the person dispatching. */
export function checkCampaign(def: CampaignDef): Refusal | undefined {
  if (!CAMPAIGN_ID_RE.test(def.id)) return refuse('invalid_value', `督办活动编号不合法：${def.id}`);
  return (
    requireText(def.title, '督办事项标题', 100) ??
    (def.description.length > 2000 ? refuse('invalid_value', '事项内容不能超过 2000 个字') : undefined) ??
    requireText(def.issuerId, '交办人', 64) ??
    requireText(def.reviewerId, '审核人', 64) ??
    requireText(def.domain, '分管领域', 20) ??
    (!Number.isInteger(def.dueWorkdays) || def.dueWorkdays < 1 || def.dueWorkdays > MAX_DUE_WORKDAYS
      ? refuse('invalid_value', `办结时限须为 1–${MAX_DUE_WORKDAYS} 个工作日的整数`)
      : undefined) ??
    (!Number.isInteger(def.signWorkdays) || def.signWorkdays < 0 || def.signWorkdays > def.dueWorkdays
      ? refuse('invalid_value', '签收时限须为不超过办结时限的工作日数')
      : undefined) ??
    (def.target.kind === 'units' && def.target.unitIds.length === 0
      ? refuse('invalid_value', '请指定督办单位')
      : undefined)
  );
}

export interface CampaignDeadlines {
  signBy: string;
  dueAt: string;
}

/** Both clocks in working days from the moment of dispatch, on China's calendar (调休 included). */
export function campaignDeadlines(cal: CalendarData, createdAt: string, def: CampaignDef): CampaignDeadlines {
  return {
    signBy: addWorkdays(cal, createdAt, def.signWorkdays),
    dueAt: addWorkdays(cal, createdAt, def.dueWorkdays),
  };
}

/** One unit's item: the campaign's instruction, owned by the unit, reviewed by the campaign's 督查 staff. */
export function campaignItemSpec(
  def: CampaignDef,
  unit: CampaignUnit,
  at: { createdAt: string } & CampaignDeadlines,
  policy?: { policy: EscalationPolicy; id: number },
): ItemSpec {
  return {
    id: unit.itemId,
    kind: 'task',
    title: def.title,
    description: def.description,
    urgency: def.urgency,
    domain: def.domain,
    ownerUnitId: unit.unitId,
    issuerId: def.issuerId,
    reviewerId: def.reviewerId,
    assigneeId: unit.assigneeId,
    createdAt: at.createdAt,
    signBy: at.signBy,
    dueAt: at.dueAt,
    evidenceRequired: def.evidenceRequired,
    campaignId: def.id,
    ...(policy ? { policy: policy.policy, policyId: policy.id } : {}),
  };
}
