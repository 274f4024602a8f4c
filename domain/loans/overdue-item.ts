import type { EscalationPolicy } from '../escalation/policy.js';
import type { ItemSpec } from '../items/types.js';
import { formatYuan } from './money.js';
import { type LoanState, outstandingOf, overdueItemId } from './types.js';

export interface OverdueItemFacts {
  /** The 金融 department's officer: issues and reviews the item (the org decides who, on the day). */
  officerId: string;
  villageName: string;
  createdAt: string;
  signBy: string;
  dueAt: string;
  policy?: { policy: EscalationPolicy; id: number };
}

/**
 * The overdue loan as an ordinary supervision item (kind 'loan', 分管 domain 金融) for the village cadre: it is
 * 签收ed, worked and escalated up the chain like any other item. A full repayment recorded on the loan card
 * closes it (the loan workflow withdraws it on the officer's behalf with the reason 已还款).
 */
export function overdueItemSpec(state: LoanState, f: OverdueItemFacts): ItemSpec {
  const { loan } = state;
  const outstanding = outstandingOf(state);
  return {
    id: overdueItemId(loan.id),
    kind: 'loan',
    title: `${loan.household}户小额信贷逾期催收（${loan.id}）`.slice(0, 100),
    description: [
      `${f.villageName}${loan.household}户脱贫人口小额信贷 ${formatYuan(loan.amountFen)} 元，${loan.issuedOn} 发放，`,
      `${state.dueOn} 到期，尚欠 ${formatYuan(outstanding)} 元，已逾期。`,
      '请上门了解原因、督促还款；还款后在该笔贷款的卡片上登记，督办事项随即销号。',
    ].join(''),
    urgency: 'important',
    domain: '金融',
    ownerUnitId: loan.villageId,
    issuerId: f.officerId,
    reviewerId: f.officerId,
    assigneeId: loan.cadreId,
    createdAt: f.createdAt,
    signBy: f.signBy,
    dueAt: f.dueAt,
    evidenceRequired: false,
    parentRef: { kind: 'loan', id: loan.id },
    ...(f.policy ? { policy: f.policy.policy, policyId: f.policy.id } : {}),
  };
}
