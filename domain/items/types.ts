/**
 * The supervision item (督办事项): the base every supervision kind is built on.
 * All types here are plain JSON so they survive Temporal payloads and continue-as-new unchanged.
 * Instants are ISO-8601 strings with an offset; calendar dates are 'YYYY-MM-DD' in Asia/Shanghai.
 */

export type ItemStatus =
  | 'assigned' // 已交办, waiting for 签收
  | 'in_progress' // 办理中
  | 'submitted' // 待审核
  | 'done' // 已办结
  | 'cancelled'; // 已撤销

export const TERMINAL_STATUSES: readonly ItemStatus[] = ['done', 'cancelled'];

export type { Urgency };

/** The supervision line an item belongs to; every kind reuses the base lifecycle. */
export type ItemKind = 'task' | 'rectification' | 'loan' | 'project' | 'monitoring' | 'ranking';

import type { EscalationPolicy } from '../escalation/policy.js';
import type { Urgency } from './urgency.js';

/** What the issuer decides when the item is created; never changes afterwards. */
export interface ItemSpec {
  id: string;
  kind: ItemKind;
  title: string;
  description: string;
  urgency: Urgency;
  /** 分管 domain, e.g. '农业农村', '金融'; picks the 分管县领导 on escalation. */
  domain: string;
  ownerUnitId: string;
  issuerId: string;
  reviewerId: string;
  assigneeId: string;
  createdAt: string;
  /** 签收 must happen by this instant. */
  signBy: string;
  /** 办结 deadline as assigned; assessment always uses this one. */
  dueAt: string;
  evidenceRequired: boolean;
  /** The escalation policy in force when the item was created (a snapshot; later edits never apply). */
  policy?: EscalationPolicy;
  /** The stored policy row, for the ledger. */
  policyId?: number;
  /**
   * The batch the item was dispatched in: a campaign (one instruction to many units) or a recurring cadence's
   * period. The issuer follows the batch on one roll-up instead of holding a card per unit.
   */
  campaignId?: string;
  /**
   * The ledger entry an item was opened for: an overdue 小额信贷 loan or a 衔接资金 project's 调整程序. Absent on
   * every other item; nothing in the item's own lifecycle reads it.
   */
  parentRef?: { kind: 'loan' | 'project'; id: string };
}

/** Where escalation stands; changed only by events, so it survives replay and continue-as-new. */
export interface EscalationState {
  /** Highest chain level reached so far (0 = only the assignee was nudged). */
  level: number;
  /** Policy steps already carried out (or skipped for a vacant level). */
  fired: string[];
  /** When the assignee was first seen to read their card. */
  readAt?: string;
  /** People who received an escalation card: they may 催办 and write 批示. */
  recipients: string[];
  /** Last manual 催办 per person, for throttling. */
  lastUrgedAt: Record<string, string>;
  urgeCount: number;
  instructions: { by: string; text: string; at: string }[];
}

export interface PendingExtension {
  requestedBy: string;
  requestedAt: string;
  reason: string;
  /** The new deadline asked for, as an instant (end of that working day). */
  newDueAt: string;
}

export interface ProgressReport {
  percent: number;
  note: string;
  at: string;
  by: string;
}

export interface ItemState {
  spec: ItemSpec;
  status: ItemStatus;
  assigneeId: string;
  /** Working deadline: moves with approved extensions. */
  dueAt: string;
  signedAt?: string;
  /** The date the assignee committed to when signing (签收承诺办结日期). */
  committedDate?: string;
  progress?: ProgressReport;
  result?: string;
  submittedAt?: string;
  returnCount: number;
  lastReturnReason?: string;
  extension?: PendingExtension;
  extensionsGranted: number;
  closedAt?: string;
  closeReason?: string;
  /** Absent on items created before escalation existed. */
  escalation?: EscalationState;
  /** Number of events applied; the ledger row's version. */
  seq: number;
}

export const NO_ESCALATION: EscalationState = Object.freeze({
  level: 0,
  fired: [],
  recipients: [],
  lastUrgedAt: {},
  urgeCount: 0,
  instructions: [],
}) as EscalationState;

export function escalationOf(state: ItemState): EscalationState {
  return state.escalation ?? NO_ESCALATION;
}
