import type { EscalationPolicy } from '../escalation/policy.js';
import type { ItemSpec } from '../items/types.js';
import { formatWan } from '../loans/money.js';
import { periodLabel } from './report.js';
import { adjustmentItemId, type ProjectState, totalFunds } from './types.js';

export interface AdjustmentFacts {
  reason: string;
  period: string;
  /** 督查 staff who issue and review the item. */
  issuerId: string;
  reviewerId: string;
  /** The responsible unit's 分管 domain (农业农村 for a township). */
  domain: string;
  unitName: string;
  createdAt: string;
  signBy: string;
  dueAt: string;
  policy?: { policy: EscalationPolicy; id: number };
}

/**
 * The 调整程序 as an ordinary supervision item (kind 'project') for the project's responsible unit: it must work out
 * why the project is slow or unstarted and propose an adjustment (资金调整或另行安排), and it escalates like any
 * other item. One per project.
 */
export function adjustmentSpec(state: ProjectState, f: AdjustmentFacts): ItemSpec {
  const { project, progress } = state;
  return {
    id: adjustmentItemId(project.id),
    kind: 'project',
    title: `衔接资金项目启动调整程序：${project.name}`.slice(0, 100),
    description: [
      `${periodLabel(f.period)}月报：${f.reason}。`,
      `项目资金 ${formatWan(totalFunds(project))} 万元，累计支付 ${formatWan(progress.paidFen)} 万元；`,
      `计划 ${project.plannedStart} 开工、${project.plannedFinish} 完工。`,
      `请${f.unitName}分析原因，提出调整方案（加快实施、资金调整或另行安排），报县委督查室审核。`,
    ].join(''),
    urgency: 'important',
    domain: f.domain,
    ownerUnitId: project.unitId,
    issuerId: f.issuerId,
    reviewerId: f.reviewerId,
    assigneeId: project.reporterId,
    createdAt: f.createdAt,
    signBy: f.signBy,
    dueAt: f.dueAt,
    evidenceRequired: false,
    parentRef: { kind: 'project', id: project.id },
    ...(f.policy ? { policy: f.policy.policy, policyId: f.policy.id } : {}),
  };
}
