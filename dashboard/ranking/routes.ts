import { type DashboardRoute, pageRoute } from '../routes.js';
import { rankingsPage } from './rankings.js';

/** 红黑榜. */
export const rankingDashboardRoutes: DashboardRoute[] = [pageRoute('GET', '/rankings', rankingsPage)];
