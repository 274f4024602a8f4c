import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { activeProjectStates } from '../../db/projects/projects.js';
import type { Database } from '../../db/schema.js';
import { type ProjectState, projectWorkflowId } from '../../domain/projects/index.js';
import type { projectFollowUp } from '../../workflows/projects/project.js';
import { type LedgerWorkflow, startLedgerWorkflows } from '../ledgers/ledger-workflows.js';

/** Active projects run `projectFollowUp` under the project's own workflow id; finished ones need none. */
const PROJECT_WORKFLOW: LedgerWorkflow<ProjectState, typeof projectFollowUp> = {
  workflowType: 'projectFollowUp',
  workflowId: (state) => projectWorkflowId(state.project.id),
  needsWorkflow: (state) => state.status === 'active',
};

/** Starts the follow-up workflow of every active project given; a second start of the same project is a no-op. */
export async function startProjectWorkflows(
  client: Client,
  taskQueue: string,
  projects: ProjectState[],
): Promise<{ started: number; running: number }> {
  return startLedgerWorkflows(client, taskQueue, PROJECT_WORKFLOW, projects);
}

export async function startActiveProjects(client: Client, taskQueue: string, db: Kysely<Database>) {
  return startLedgerWorkflows(client, taskQueue, PROJECT_WORKFLOW, await activeProjectStates(db));
}
