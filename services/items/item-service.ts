import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { activePolicy } from '../../db/escalation/policies.js';
import type { Database } from '../../db/schema.js';
import { checkSpec, type ItemSpec } from '../../domain/items/index.js';
import { itemWorkflowId } from '../../workflows/items/messages.js';
import type { supervisionItem } from '../../workflows/items/supervision-item.js';

export type StartItemResult =
  | { started: true }
  | { started: false; reason: 'exists' }
  | { started: false; reason: 'invalid'; message: string };

/**
 * 交办: validates the spec and starts the item's workflow; starting the same id twice is a no-op.
 * With a database, the current escalation policy is snapshotted onto the item (later edits to
 * the policy never reach it); without one the item is supervised without escalation.
 */
export async function startItem(
  client: Client,
  taskQueue: string,
  spec: ItemSpec,
  db?: Kysely<Database>,
): Promise<StartItemResult> {
  if (db && !spec.policy) {
    const stored = await activePolicy(db);
    spec = { ...spec, policy: stored.policy, policyId: stored.id };
  }
  const refusal = checkSpec(spec);
  if (refusal) return { started: false, reason: 'invalid', message: refusal.message };
  try {
    await client.workflow.start<typeof supervisionItem>('supervisionItem', {
      workflowId: itemWorkflowId(spec.id),
      taskQueue,
      args: [{ spec }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { started: false, reason: 'exists' };
    throw err;
  }
}
