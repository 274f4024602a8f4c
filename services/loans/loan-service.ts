import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { openLoanStates } from '../../db/loans/loans.js';
import type { Database } from '../../db/schema.js';
import { isOpenLoan, type LoanState, loanWorkflowId } from '../../domain/loans/index.js';
import type { loanCollection } from '../../workflows/loans/loan.js';
import { startEachOnce } from '../shared/start-once.js';

/**
 * Starts the workflow of every open loan given (repaid ones need none). Starting a loan twice is a no-op: the
 * workflow id is the loan's, so this can run after every import or at any time to catch up.
 */
export async function startLoanWorkflows(
  client: Client,
  taskQueue: string,
  loans: LoanState[],
): Promise<{ started: number; running: number }> {
  return startEachOnce(loans.filter(isOpenLoan), (state) =>
    client.workflow.start<typeof loanCollection>('loanCollection', {
      workflowId: loanWorkflowId(state.loan.id),
      taskQueue,
      args: [{ state }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    }),
  );
}

/** Every open loan in the ledger gets its workflow (after an import made without Temporal, say). */
export async function startOpenLoans(client: Client, taskQueue: string, db: Kysely<Database>) {
  return startLoanWorkflows(client, taskQueue, await openLoanStates(db));
}
