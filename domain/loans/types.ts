import { compareAscii } from '../calendar/index.js';
import type { Fen } from './money.js';

/**
 * 脱贫人口小额信贷: one loan of one household, from the county's loan ledger. Plain JSON (Temporal payloads).
 * Dates are 'YYYY-MM-DD' in Asia/Shanghai; instants are ISO-8601 with an offset.
 */
export interface Loan {
  /** 贷款编号 from the ledger; also names the loan's workflow (`loan-<id>`) and its overdue item. */
  id: string;
  /** 户主 */
  household: string;
  villageId: string;
  townshipId: string;
  /** The village cadre responsible for collection (责任人): gets the reminders and the loan card. */
  cadreId: string;
  amountFen: Fen;
  issuedOn: string;
  /** Due date when the ledger was imported (after any 展期 already granted then). */
  dueOn: string;
}

/** 正常 (not yet due) → 逾期 (past due, an overdue item is open) → 已结清 (repaid in full). */
export type LoanStatus = 'active' | 'overdue' | 'repaid';

export interface Repayment {
  amountFen: Fen;
  /** The day the money came in, as recorded (may be earlier than the day it was recorded). */
  on: string;
  by: string;
  at: string;
}

export interface LoanExtension {
  fromDueOn: string;
  toDueOn: string;
  reason: string;
  by: string;
  at: string;
}

export interface LoanState {
  loan: Loan;
  status: LoanStatus;
  /** The current due date: moves with 展期. */
  dueOn: string;
  repaidFen: Fen;
  repayments: Repayment[];
  extension?: LoanExtension;
  /** Reminder keys already carried out (`remind:<dueOn>:<n>`), so a 展期 brings fresh reminders. */
  reminded: string[];
  /** The overdue supervision item, once the loan went past due unpaid. */
  overdueItemId?: string;
  /** Why no overdue item could be opened (nobody to issue it); the loan stays overdue in the ledger. */
  overdueProblem?: string;
  /** The overdue item was closed by the repayment. */
  itemClosed?: boolean;
  closedOn?: string;
  /** The day the ledger was imported: repayments before it carry no date of their own. */
  importedOn: string;
  /** Events applied; the ledger row's version. */
  seq: number;
}

export const LOAN_STATUS_LABELS: Record<LoanStatus, string> = {
  active: '正常',
  overdue: '逾期',
  repaid: '已结清',
};

export function outstandingOf(state: Pick<LoanState, 'loan' | 'repaidFen'>): Fen {
  return Math.max(0, state.loan.amountFen - state.repaidFen);
}

/** Repayments with their dates; what was repaid before the import is dated the due date, or the import day if earlier. */
export function datedRepayments(state: LoanState): { amountFen: Fen; on: string }[] {
  const before = state.repaidFen - state.repayments.reduce((s, r) => s + r.amountFen, 0);
  const on = compareAscii(state.importedOn, state.loan.dueOn) < 0 ? state.importedOn : state.loan.dueOn;
  return [
    ...(before > 0 ? [{ amountFen: before, on }] : []),
    ...state.repayments.map((r) => ({ amountFen: r.amountFen, on: r.on })),
  ];
}

export function isOpenLoan(state: Pick<LoanState, 'status'>): boolean {
  return state.status !== 'repaid';
}

/** The loan's workflow id. */
export function loanWorkflowId(loanId: string): string {
  return `loan-${loanId}`;
}

/** The overdue item's id (one per loan): ASCII, within the item id rules. */
export function overdueItemId(loanId: string): string {
  return `LOAN-OD-${loanId}`;
}
