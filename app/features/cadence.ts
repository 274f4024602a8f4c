import { createCadenceActivities } from '../../activities/cadence/cadence-activities.js';
import { cadenceLedgerPanel } from '../../dashboard/cadence/ledger-panel.js';
import { cadenceDashboardRoutes } from '../../dashboard/cadence/routes.js';
import { ensureCadenceSchedules } from '../../services/cadence/cadence-schedule.js';
import { CADENCE_COMMANDS } from '../../services/cadence/cli-commands.js';
import type { Feature } from './feature.js';

/** 常态化监测: Schedules open 村每周 / 乡半月 / 县每月 periods, one item per unit (tables in campaigns' 006). */
export const cadence: Feature = {
  name: 'cadence',
  cli: CADENCE_COMMANDS,
  ledgerPanels: [cadenceLedgerPanel],
  dashboardRoutes: cadenceDashboardRoutes,
  workflows: ['cadencePeriod'],
  activities: (deps) => createCadenceActivities(deps),
  schedules: ({ client, taskQueue }) => ensureCadenceSchedules(client, taskQueue),
};
