import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findRound } from '../../db/crosscheck/crosscheck.js';
import { personName } from '../../db/crosscheck/roster.js';
import type { Database } from '../../db/schema.js';
import { checkRoundId, crosscheckWorkflowId, type HouseholdSample } from '../../domain/crosscheck/index.js';
import type { crosscheckRound } from '../../workflows/crosscheck/crosscheck-round.js';

export interface StartRoundInput {
  roundId: string;
  title: string;
  organizerId: string;
  households?: HouseholdSample[];
}

export type StartRoundResult = { ok: true; workflowId: string } | { ok: false; message: string };

/**
 * Starts a 交叉检查 round: its workflow assigns the teams, sends the checklists and follows every finding to 销号.
 * A round id is used once: a second start of the same id is refused, whether the first is running or finished.
 */
export async function startRound(
  client: Client,
  taskQueue: string,
  db: Kysely<Database>,
  input: StartRoundInput,
): Promise<StartRoundResult> {
  const badId = checkRoundId(input.roundId);
  if (badId) return { ok: false, message: badId };
  if (!input.title.trim()) return { ok: false, message: '请填写轮次名称' };
  if (!(await personName(db, input.organizerId))) return { ok: false, message: `找不到组织人：${input.organizerId}` };
  if (await findRound(db, input.roundId)) return { ok: false, message: `轮次 ${input.roundId} 已存在` };
  const workflowId = crosscheckWorkflowId(input.roundId);
  try {
    await client.workflow.start<typeof crosscheckRound>('crosscheckRound', {
      workflowId,
      taskQueue,
      args: [
        {
          roundId: input.roundId,
          title: input.title.trim(),
          organizerId: input.organizerId,
          ...(input.households ? { households: input.households } : {}),
        },
      ],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError)
      return { ok: false, message: `轮次 ${input.roundId} 已存在` };
    throw err;
  }
  return { ok: true, workflowId };
}
