import { createCampaignActivities } from '../../activities/campaigns/campaign-activities.js';
import { campaignLedgerPanel } from '../../dashboard/campaigns/ledger-panel.js';
import { campaignDashboardRoutes } from '../../dashboard/campaigns/routes.js';
import * as m006 from '../../db/campaigns/migrations/006_campaigns.js';
import { CAMPAIGN_COMMANDS } from '../../services/campaigns/cli-commands.js';
import type { Feature } from './feature.js';

/** 一令多发: one instruction to many units, a child item per unit and the issuer's roll-up card. */
export const campaigns: Feature = {
  name: 'campaigns',
  cli: CAMPAIGN_COMMANDS,
  ledgerPanels: [campaignLedgerPanel],
  dashboardRoutes: campaignDashboardRoutes,
  workflows: ['campaign'],
  activities: (deps) => createCampaignActivities(deps),
  // 006 also holds the cadence pause tables: both landed together, and a recorded migration is never split.
  migrations: { '006_campaigns': m006 },
};
