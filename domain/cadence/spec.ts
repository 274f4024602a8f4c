import type { EscalationPolicy } from '../escalation/policy.js';
import type { ItemSpec } from '../items/index.js';
import type { CadenceDefinition } from './definitions.js';
import { type CadenceDeadlines, type CadencePeriod, cadenceBatchId, cadenceItemId } from './period.js';
import type { CadenceUnit } from './units.js';

/** One unit's item for one period: a 常态化监测 item with the cadence's text, due by the period's due day. */
export function cadenceItemSpec(
  def: CadenceDefinition,
  period: CadencePeriod,
  unit: CadenceUnit,
  o: { issuerId: string; createdAt: string; policy?: { policy: EscalationPolicy; id: number } } & CadenceDeadlines,
): ItemSpec {
  return {
    id: cadenceItemId(def.id, period.key, unit.unitId),
    kind: 'monitoring',
    title: `${def.name}：${period.label}`,
    description: def.description,
    urgency: def.urgency,
    domain: def.domain,
    ownerUnitId: unit.unitId,
    issuerId: o.issuerId,
    reviewerId: unit.reviewerId,
    assigneeId: unit.assigneeId,
    createdAt: o.createdAt,
    signBy: o.signBy,
    dueAt: o.dueAt,
    evidenceRequired: false,
    campaignId: cadenceBatchId(def.id, period.key),
    ...(o.policy ? { policy: o.policy.policy, policyId: o.policy.id } : {}),
  };
}
