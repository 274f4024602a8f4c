import { type DashboardRoute, rawRoute } from '../routes.js';
import { CADENCE_FORM_LIMIT, cadenceAdminRoute } from './cadence-admin.js';

/** The 督查室's pause/resume of a cadence for one unit (the form sits on /ledgers). */
export const cadenceDashboardRoutes: DashboardRoute[] = [
  rawRoute('POST', '/cadences/pause', cadenceAdminRoute('pause'), CADENCE_FORM_LIMIT),
  rawRoute('POST', '/cadences/resume', cadenceAdminRoute('resume'), CADENCE_FORM_LIMIT),
];
