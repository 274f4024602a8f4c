import { ledgerDashboardRoutes } from '../dashboard/pages/routes.js';
import type { DashboardRoute } from '../dashboard/routes.js';
import { FEATURES } from './features/index.js';

/**
 * Every feature's dashboard routes in feature order (the order they are matched in), then 专项台账 with every
 * feature's panel on it.
 */
export function dashboardRoutes(): DashboardRoute[] {
  const panels = FEATURES.flatMap((f) => f.ledgerPanels ?? []);
  return [...FEATURES.flatMap((f) => f.dashboardRoutes ?? []), ...ledgerDashboardRoutes(panels)];
}
