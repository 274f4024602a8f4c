import { log, ParentClosePolicy, sleep, startChild } from '@temporalio/workflow';
import { checkSpec, type ItemSpec } from '../../domain/items/index.js';
import type { supervisionItem } from './supervision-item.js';

export interface StartItemsOptions {
  /** Items started together; each sends its 责任人 a card at once. */
  batchSize: number;
  /** Pause between batches, so the cards of a big batch go out at a pace Lark accepts. */
  pauseMs: number;
  /** Asked before each batch: stop starting (a withdrawn campaign). */
  stop?: () => boolean;
  /** After each batch (the roll-up card shows dispatch progress). */
  afterBatch?: (startedSoFar: number) => Promise<void>;
}

export interface StartedItems {
  started: string[];
  /** Already started before (a re-run of the same period or a replayed step): nothing was created twice. */
  existing: string[];
  invalid: { id: string; reason: string }[];
}

/**
 * Starts one supervision item per spec as a child workflow that outlives its parent (ABANDON). The item id is the
 * workflow id and a duplicate is rejected, so starting the same spec twice is a no-op. Batches keep a campaign of
 * hundreds of units from sending hundreds of cards in the same second: at 20 per second the sends stay well under
 * Lark's 50 per second per app, leaving room for patches and replies (the messenger also paces, and 429s back off).
 */
export async function startItems(specs: readonly ItemSpec[], o: StartItemsOptions): Promise<StartedItems> {
  const result: StartedItems = { started: [], existing: [], invalid: [] };
  const valid = specs.filter((spec) => {
    const refusal = checkSpec(spec);
    if (refusal) {
      log.warn('item not started: invalid spec', { id: spec.id, reason: refusal.message });
      result.invalid.push({ id: spec.id, reason: refusal.message });
    }
    return !refusal;
  });
  for (let i = 0; i < valid.length; i += o.batchSize) {
    if (o.stop?.()) break;
    if (i > 0) await sleep(o.pauseMs);
    const batch = valid.slice(i, i + o.batchSize);
    const outcomes = await Promise.all(batch.map(start));
    for (const [k, spec] of batch.entries()) (outcomes[k] ? result.started : result.existing).push(spec.id);
    await o.afterBatch?.(result.started.length + result.existing.length);
  }
  return result;
}

/** True when started now, false when a workflow with this id already exists (or existed). */
async function start(spec: ItemSpec): Promise<boolean> {
  try {
    await startChild<typeof supervisionItem>('supervisionItem', {
      workflowId: spec.id,
      args: [{ spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return true;
  } catch (err) {
    if (err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError') return false;
    throw err;
  }
}
