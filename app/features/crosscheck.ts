import { createCrosscheckActivities } from '../../activities/crosscheck/crosscheck-activities.js';
import { createCrosscheckCardRoute } from '../../bot/crosscheck/card-route.js';
import { crosscheckLedgerPanel } from '../../dashboard/crosscheck/ledger-panel.js';
import * as m008 from '../../db/crosscheck/migrations/008_crosscheck.js';
import { CROSSCHECK_COMMANDS } from '../../services/crosscheck/cli-commands.js';
import type { Feature } from './feature.js';

/** 交叉检查: teams inspect other townships; findings become 整改 items closed (销号) by the inspector. */
export const crosscheck: Feature = {
  name: 'crosscheck',
  cli: CROSSCHECK_COMMANDS,
  ledgerPanels: [crosscheckLedgerPanel],
  workflows: ['crosscheckRound'],
  activities: (deps) => createCrosscheckActivities(deps),
  cardRoutes: (deps) => ({ crosscheck: createCrosscheckCardRoute(deps) }),
  migrations: { '008_crosscheck': m008 },
};
