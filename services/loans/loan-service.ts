import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { openLoanStates } from '../../db/loans/loans.js';
import type { Database } from '../../db/schema.js';
import { isOpenLoan, type LoanState, loanWorkflowId } from '../../domain/loans/index.js';
import type { loanCollection } from '../../workflows/loans/loan.js';
import { type LedgerWorkflow, startLedgerWorkflows } from '../ledgers/ledger-workflows.js';

/** Repaid loans need no workflow; the others run `loanCollection` under the loan's own workflow id. */
const LOAN_WORKFLOW: LedgerWorkflow<LoanState, typeof loanCollection> = {
  workflowType: 'loanCollection',
  workflowId: (state) => loanWorkflowId(state.loan.id),
  needsWorkflow: isOpenLoan,
};

/**
 * Starts the workflow of every open loan given (repaid ones need none). Starting a loan twice is a no-op: the
 * workflow id is the loan's, so this can run after every import or at any time to catch up.
 */
export async function startLoanWorkflows(
  client: Client,
  taskQueue: string,
  loans: LoanState[],
): Promise<{ started: number; running: number }> {
  return startLedgerWorkflows(client, taskQueue, LOAN_WORKFLOW, loans);
}

/** Every open loan in the ledger gets its workflow (after an import made without Temporal, say). */
export async function startOpenLoans(client: Client, taskQueue: string, db: Kysely<Database>) {
  return startLedgerWorkflows(client, taskQueue, LOAN_WORKFLOW, await openLoanStates(db));
}
