import { type DashboardRoute, pageRoute, rawRoute } from '../routes.js';
import { exportLedger, IMPORT_BODY_LIMIT, importTemplateFile, importUpload } from './data-routes.js';
import { importPage } from './import.js';
import { itemPage } from './item.js';
import { listPage } from './list.js';
import { overviewPage } from './overview.js';
import { unitPage } from './unit.js';

/** The item ledger's pages: overview, units, the lists, one item, and the Excel import and export. */
export const itemDashboardRoutes: DashboardRoute[] = [
  pageRoute('GET', '/', overviewPage),
  pageRoute('GET', '/units/:id', unitPage),
  pageRoute('GET', '/overdue', listPage('overdue', 'overdue')),
  pageRoute('GET', '/escalated', listPage('escalated', 'escalated')),
  pageRoute('GET', '/items', listPage('all', 'items')),
  pageRoute('GET', '/items/:id', itemPage),
  pageRoute('GET', '/import', importPage),
  rawRoute('GET', '/import/template.xlsx', importTemplateFile),
  rawRoute('POST', '/import', importUpload, IMPORT_BODY_LIMIT),
  rawRoute('GET', '/export.xlsx', exportLedger),
];
