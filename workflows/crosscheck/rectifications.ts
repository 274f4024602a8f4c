import { log, ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { PreparedRound } from '../../activities/crosscheck/crosscheck-activities.js';
import { addWorkdays, type CalendarData } from '../../domain/calendar/index.js';
import { type CrosscheckRound, type Finding, rectificationSpec } from '../../domain/crosscheck/index.js';
import { checkSpec, type ItemState } from '../../domain/items/index.js';
import { compareInstants } from '../../domain/shanghai-time.js';
import type { supervisionItem } from '../items/supervision-item.js';

/**
 * Starts a finding's 整改 item as a child workflow that outlives the round (ABANDON), with the escalation policy
 * snapshotted; returns its (pending) result, which the round watches. The item id derives from the round and finding.
 */
export async function startRectification(
  round: CrosscheckRound,
  f: Finding,
  o: { cal: CalendarData; policy: PreparedRound['policy']; now: () => string },
): Promise<{ result: Promise<ItemState> } | undefined> {
  const { cal, policy } = o;
  const signBy = addWorkdays(cal, f.recordedAt, 1);
  const spec = {
    ...rectificationSpec(round, f, {
      createdAt: o.now(),
      signBy: compareInstants(signBy, f.dueAt) > 0 ? f.dueAt : signBy,
    }),
    policy: policy.policy,
    policyId: policy.id,
  };
  const refusal = checkSpec(spec);
  if (refusal) {
    log.error('整改 item refused', { itemId: spec.id, reason: refusal.message });
    return undefined;
  }
  try {
    const child = await startChild<typeof supervisionItem>('supervisionItem', {
      workflowId: spec.id,
      args: [{ spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    // Wrapped: an async function returning the promise itself would wait for the item to close.
    return { result: child.result() };
  } catch (err) {
    if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
    log.error('整改 item id already used; the round cannot follow it', { itemId: spec.id });
    return undefined;
  }
}

/** Who closed an item: only its reviewer can approve (销号); only its issuer can withdraw it. */
export function closer(s: ItemState): string {
  return s.status === 'done' ? s.spec.reviewerId : s.spec.issuerId;
}
