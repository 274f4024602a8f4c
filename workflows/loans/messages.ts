import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { LoanCommand, LoanCommandType, LoanState } from '../../domain/loans/index.js';

/** Arguments of every loan Update: who acts, the units the edge resolved for them, and what they record. */
export interface LoanUpdateArgs {
  actorId: string;
  actorUnitIds?: string[];
  command: LoanCommand;
}

/** One Update per action on the loan card; the wire name is the command type, checked by the validator. */
export const loanUpdates = {
  repay_full: defineUpdate<LoanState, [LoanUpdateArgs]>('repay_full'),
  repay_partial: defineUpdate<LoanState, [LoanUpdateArgs]>('repay_partial'),
  extend: defineUpdate<LoanState, [LoanUpdateArgs]>('extend'),
} as const satisfies Record<LoanCommandType, unknown>;

export const loanStateQuery = defineQuery<LoanState>('loanState');
