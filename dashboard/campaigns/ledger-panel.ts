import type { LedgerPanel } from '../ledger-panel.js';
import { campaignPanel } from './panel.js';

/** Each campaign's roll-up and its lagging units. */
export const campaignLedgerPanel: LedgerPanel = ({ env, visible, mayAdminister }) =>
  campaignPanel(env.db, visible, env.viewer.person.id, env.now, mayAdminister);
