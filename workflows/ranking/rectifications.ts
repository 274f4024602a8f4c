import { log, ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { PublishResult } from '../../activities/ranking/publish.js';
import { addWorkdays, type CalendarData } from '../../domain/calendar/index.js';
import { checkSpec, type ItemSpec } from '../../domain/items/index.js';
import { type RankingRun, rectificationSpec } from '../../domain/ranking/index.js';
import type { supervisionItem } from '../items/supervision-item.js';

/**
 * A rectification item per black-list village: an ordinary supervision item (with the escalation policy in force)
 * that outlives the ranking run, assigned to the village's leader by 督查室 and due `rectifyBy`.
 */
export async function assignRectifications(
  run: RankingRun,
  pub: PublishResult,
  o: { domain: string; calendar: CalendarData; publishedAt: string; rectifyBy: string; now: () => string },
): Promise<void> {
  const { supervisors } = run.roster;
  for (const b of pub.black) {
    const [assignee] = run.roster.villageLeaders[b.villageId] ?? [];
    if (!assignee || supervisors.length === 0) {
      log.warn('no rectification item: the village has no leader or there is no 督查室', { villageId: b.villageId });
      continue;
    }
    const spec: ItemSpec = {
      ...rectificationSpec({
        month: run.month,
        runId: run.workflowId,
        villageId: b.villageId,
        villageName: b.villageName,
        text: b.text,
        assigneeId: assignee,
        issuerId: supervisors[0]!,
        reviewerId: supervisors[supervisors.length - 1]!,
        domain: o.domain,
        createdAt: o.now(),
        signBy: addWorkdays(o.calendar, o.publishedAt, 1),
        dueAt: o.rectifyBy,
      }),
      ...(pub.policy ? { policy: pub.policy.policy, policyId: pub.policy.id } : {}),
    };
    const refusal = checkSpec(spec);
    if (refusal) {
      log.warn('rectification item refused', { villageId: b.villageId, reason: refusal.message });
      continue;
    }
    await start(spec);
    run.rectifications.push({ villageId: b.villageId, itemId: spec.id, dueAt: spec.dueAt });
  }
}

/** Starting the same item twice (a retried or replayed step) is a no-op: the item id is the workflow id. */
async function start(spec: ItemSpec): Promise<void> {
  try {
    await startChild<typeof supervisionItem>('supervisionItem', {
      workflowId: spec.id,
      args: [{ spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
  }
}
