import type { ItemSpec } from '../items/index.js';
import { type Month, monthLabel } from '../month.js';

export interface RectificationInput {
  month: Month;
  /** The ranking run that published the list ('ranking-2024-06'); the item id derives from it. */
  runId: string;
  villageId: string;
  villageName: string;
  /** The village's published text: its own numbers and problems. */
  text: string;
  assigneeId: string;
  issuerId: string;
  reviewerId: string;
  domain: string;
  createdAt: string;
  signBy: string;
  dueAt: string;
}

/**
 * 'RH-2024-06-xiaojie-v2' for the run 'ranking-2024-06'. Derived from the run rather than the month alone: only the
 * run that claimed the month publishes it, so the id is still one per village per month, and a replayed or retried
 * step asks for the same item again.
 */
export function rectificationItemId(runId: string, villageId: string): string {
  return `RH-${runId.replace(/^ranking-/, '')}-${villageId}`;
}

/**
 * The 整改 item a black-list village gets: an ordinary supervision item (签收, feedback, 审核, escalation), owned by
 * the village, assigned to its leader, asking for evidence of the rectification.
 */
export function rectificationSpec(r: RectificationInput): ItemSpec {
  return {
    id: rectificationItemId(r.runId, r.villageId),
    kind: 'rectification',
    title: `红黑榜整改：${r.villageName}（${monthLabel(r.month)}黑榜）`,
    description: `${r.text}\n请对照以上问题逐项整改，办结时提交整改情况及整改前后照片。`.slice(0, 2000),
    urgency: 'important',
    domain: r.domain,
    ownerUnitId: r.villageId,
    issuerId: r.issuerId,
    reviewerId: r.reviewerId,
    assigneeId: r.assigneeId,
    createdAt: r.createdAt,
    signBy: r.signBy,
    dueAt: r.dueAt,
    evidenceRequired: true,
  };
}
