import type { UrgentKind } from '../../bot/lark/messenger.js';
import type { EscalationPolicy } from '../../domain/escalation/index.js';
import type { Urgency } from '../../domain/items/index.js';

/**
 * Which 加急 channels a step may use, most effective first. SMS and phone cost the tenant's
 * quota, so they are only for the policy's paid urgencies (紧急) and upper levels; an explicit
 * 加急 step to the assignee always includes the in-app buzz; plain escalations of ordinary
 * items buzz nobody (the card and the notice are enough).
 */
export function urgentChannels(
  policy: EscalationPolicy,
  urgency: Urgency,
  level: number,
  explicit: boolean,
): UrgentKind[] {
  const paid = policy.paidChannels.urgencies.includes(urgency);
  const kinds: UrgentKind[] = [];
  if (paid && level >= policy.paidChannels.phoneFromLevel) kinds.push('phone');
  if (paid && level >= policy.paidChannels.smsFromLevel) kinds.push('sms');
  if (explicit || paid) kinds.push('app');
  return kinds;
}
