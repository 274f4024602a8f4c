import type { LedgerPanel } from '../ledger-panel.js';
import { crosscheckPanel } from './panel.js';

/** Each cross-check round per inspected township. */
export const crosscheckLedgerPanel: LedgerPanel = ({ env, visible }) => crosscheckPanel(env.db, visible, env.now);
