import type { ItemStatus, Urgency } from '../items/types.js';

/**
 * Campaigns (one instruction, many units): 督查 staff dispatch the same instruction to every village, every
 * township, every 县直部门 or a list of units at once. Each unit gets an ordinary supervision item; the issuer
 * follows them all on one roll-up card. Plain JSON, like every domain type that travels through Temporal.
 */

/** Which units an instruction addresses. */
export type CampaignTarget =
  /** Every 行政村/社区, or those of the townships listed. */
  | { kind: 'village'; townshipIds?: string[] }
  /** Every 乡镇/街道. */
  | { kind: 'township' }
  /** Every 县直部门 except the supervising office itself (a department holding 督查 posts). */
  | { kind: 'department' }
  /** Exactly these units. */
  | { kind: 'units'; unitIds: string[] };

export interface CampaignDef {
  /** 'CP-…'; each unit's item id is `${id}-${unitId}`. */
  id: string;
  title: string;
  description: string;
  urgency: Urgency;
  /** 分管 domain of every item: it picks the 分管县领导 on escalation. */
  domain: string;
  issuerId: string;
  /** The 督查 staff member who reviews (审核) every unit's submission. */
  reviewerId: string;
  target: CampaignTarget;
  /** 签收 within this many working days of dispatch (0 = by the end of today's working day). */
  signWorkdays: number;
  /** 办结 within this many working days of dispatch. */
  dueWorkdays: number;
  evidenceRequired: boolean;
}

/** A unit the campaign reaches, with the person who answers for it (its item's 责任人). */
export interface CampaignUnit {
  unitId: string;
  unitName: string;
  assigneeId: string;
  itemId: string;
}

/** What the ledger says about one unit's item; `status` is absent until the item's first ledger write. */
export interface CampaignItemFacts {
  unitId: string;
  unitName: string;
  itemId: string;
  status?: ItemStatus;
  signedAt?: string | null;
  signBy?: string;
  /** The working deadline (moves with an approved extension). */
  dueAt?: string;
}

export type CampaignStatus = 'running' | 'done' | 'withdrawn';

export type LagReason = 'overdue' | 'sign_late';

export interface LaggingUnit {
  unitId: string;
  unitName: string;
  reason: LagReason;
  /** The deadline the unit missed. */
  since: string;
}

/** The issuer's view of a campaign: how many units 签收, are working, are done, are late. */
export interface CampaignRollup {
  total: number;
  /** Items already in the ledger (the rest are still being dispatched). */
  dispatched: number;
  /** Ever signed (签收), closed ones included. */
  signed: number;
  waitingSign: number;
  inProgress: number;
  submitted: number;
  done: number;
  cancelled: number;
  /** Open past their working deadline. */
  overdue: number;
  /** Overdue units first (longest overdue first), then units late to 签收. */
  lagging: LaggingUnit[];
}
