import type { LedgerPanel } from '../ledger-panel.js';
import { type DashboardRoute, pageRoute } from '../routes.js';
import { ledgersPage } from './ledgers.js';

/** 专项台账, the page the supervision lines' panels share, in the order given. */
export function ledgerDashboardRoutes(panels: readonly LedgerPanel[]): DashboardRoute[] {
  return [pageRoute('GET', '/ledgers', ledgersPage(panels))];
}
