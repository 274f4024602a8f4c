import type { LedgerPanel } from '../ledger-panel.js';
import { cadenceAdminForm } from './cadence-admin.js';
import { cadencePanel } from './panel.js';

/** Each cadence's latest period and the units paused, with the pause form for those who may use it. */
export const cadenceLedgerPanel: LedgerPanel = ({ env, visible, unitNames, mayAdminister }) =>
  cadencePanel(env.db, visible, env.now, unitNames, mayAdminister ? cadenceAdminForm(env.viewer.units) : undefined);
