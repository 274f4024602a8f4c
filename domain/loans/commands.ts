import type { Fen } from './money.js';

/** What a cadre records from the loan card; each becomes one Update of the loan's workflow. */
export type LoanCommand =
  | { type: 'repay_full'; on: string }
  | { type: 'repay_partial'; amountFen: Fen; on: string }
  | { type: 'extend'; newDueOn: string; reason: string };

export type LoanCommandType = LoanCommand['type'];

/** Facts the edge resolves before asking the workflow, so its validator decides without I/O. */
export interface LoanCommandContext {
  actorId: string;
  now: string;
  /** The units the actor belongs to (the village's own cadres may record for it). */
  actorUnitIds?: string[];
}

export const LOAN_COMMAND_LABELS: Record<LoanCommandType, string> = {
  repay_full: '全额还款',
  repay_partial: '部分还款',
  extend: '展期',
};
