import type { Client } from '@temporalio/client';
import { startEachOnce } from '../shared/start-once.js';

/** A ledger workflow takes the entity's state (at import, or when continuing as new). */
type StateWorkflow<S> = (input: { state: S }) => Promise<unknown>;

/**
 * How a ledger entity (a loan, a project) runs: its workflow (`W`, so the compiler checks it takes `{ state }`), its
 * workflow id, and whether it still needs one.
 */
export interface LedgerWorkflow<S, W extends StateWorkflow<S>> {
  workflowType: string;
  /** Type-only: the workflow function this type names. */
  workflow?: W;
  workflowId(state: S): string;
  needsWorkflow(state: S): boolean;
}

/**
 * Starts the workflow of every entry that still needs one, with `{ state }` as its input. Starting one twice is a
 * no-op: the workflow id is the entry's own, so this can run after every import or at any time to catch up.
 */
export async function startLedgerWorkflows<S, W extends StateWorkflow<S>>(
  client: Client,
  taskQueue: string,
  workflow: LedgerWorkflow<S, W>,
  states: readonly S[],
): Promise<{ started: number; running: number }> {
  return startEachOnce(
    states.filter((s) => workflow.needsWorkflow(s)),
    (state) =>
      client.workflow.start<W>(workflow.workflowType, {
        workflowId: workflow.workflowId(state),
        taskQueue,
        args: [{ state }] as Parameters<W>,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
  );
}
