import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { activeProjectStates } from '../../db/projects/projects.js';
import type { Database } from '../../db/schema.js';
import { type ProjectState, projectWorkflowId } from '../../domain/projects/index.js';
import type { projectFollowUp } from '../../workflows/projects/project.js';
import { startEachOnce } from '../shared/start-once.js';

/** Starts the follow-up workflow of every active project given; a second start of the same project is a no-op. */
export async function startProjectWorkflows(
  client: Client,
  taskQueue: string,
  projects: ProjectState[],
): Promise<{ started: number; running: number }> {
  return startEachOnce(
    projects.filter((p) => p.status === 'active'),
    (state) =>
      client.workflow.start<typeof projectFollowUp>('projectFollowUp', {
        workflowId: projectWorkflowId(state.project.id),
        taskQueue,
        args: [{ state }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
  );
}

export async function startActiveProjects(client: Client, taskQueue: string, db: Kysely<Database>) {
  return startProjectWorkflows(client, taskQueue, await activeProjectStates(db));
}
