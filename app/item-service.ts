import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { checkSpec, type ItemSpec } from '../domain/item/index.js';
import { itemWorkflowId } from '../workflows/messages.js';
import type { supervisionItem } from '../workflows/supervision-item.js';

export type StartItemResult =
  | { started: true }
  | { started: false; reason: 'exists' }
  | { started: false; reason: 'invalid'; message: string };

/** 交办: validates the spec and starts the item's workflow; starting the same id twice is a no-op. */
export async function startItem(client: Client, taskQueue: string, spec: ItemSpec): Promise<StartItemResult> {
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
