import { createProjectActivities } from '../../activities/projects/project-activities.js';
import { createProjectCardRoute } from '../../bot/projects/card-route.js';
import { projectLedgerPanel } from '../../dashboard/projects/ledger-panel.js';
import { PROJECT_COMMANDS } from '../../services/projects/cli-commands.js';
import type { Feature } from './feature.js';

/** 衔接资金项目: the project ledger, monthly report cards against 序时进度, adjustment items (tables in loans' 007). */
export const projects: Feature = {
  name: 'projects',
  cli: PROJECT_COMMANDS,
  ledgerPanels: [projectLedgerPanel],
  workflows: ['projectFollowUp'],
  activities: (deps) => createProjectActivities(deps),
  cardRoutes: (deps) => ({ project: createProjectCardRoute(deps) }),
};
