import { type DashboardRoute, pageRoute } from '../routes.js';
import { ledgersPage } from './ledgers.js';

/** 专项台账, the page the loan, project, campaign, cadence and cross-check panels share. */
export const ledgerDashboardRoutes: DashboardRoute[] = [pageRoute('GET', '/ledgers', ledgersPage)];
