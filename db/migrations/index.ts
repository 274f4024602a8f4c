import type { Migration, MigrationProvider } from 'kysely';
import * as m006 from '../campaigns/migrations/006_campaigns.js';
import * as m008 from '../crosscheck/migrations/008_crosscheck.js';
import * as m007 from '../ledgers/migrations/007_ledgers.js';
import * as m005 from '../ranking/migrations/005_ranking.js';
import * as m001 from './001_foundation.js';
import * as m002 from './002_escalation.js';
import * as m003 from './003_org.js';
import * as m004 from './004_dashboard.js';

/** Static list (not a folder scan) so migrations work the same under tsx, tests and bundlers. */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_escalation': m002,
  '003_org': m003,
  '004_dashboard': m004,
  '005_ranking': m005,
  '006_campaigns': m006,
  '007_ledgers': m007,
  '008_crosscheck': m008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
