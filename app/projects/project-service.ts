import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { activeProjectStates } from '../../db/repositories/projects.js';
import type { Database } from '../../db/schema.js';
import { type ProjectState, projectWorkflowId } from '../../domain/projects/index.js';
import type { projectFollowUp } from '../../workflows/project.js';

/** Starts the follow-up workflow of every active project given; a second start of the same project is a no-op. */
export async function startProjectWorkflows(
  client: Client,
  taskQueue: string,
  projects: ProjectState[],
): Promise<{ started: number; running: number }> {
  let started = 0;
  let running = 0;
  for (const state of projects.filter((p) => p.status === 'active')) {
    try {
      await client.workflow.start<typeof projectFollowUp>('projectFollowUp', {
        workflowId: projectWorkflowId(state.project.id),
        taskQueue,
        args: [{ state }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      running += 1;
    }
  }
  return { started, running };
}

export async function startActiveProjects(client: Client, taskQueue: string, db: Kysely<Database>) {
  return startProjectWorkflows(client, taskQueue, await activeProjectStates(db));
}
