import type { Migration } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_escalation.js';
import * as m003 from './003_org.js';
import * as m004 from './004_dashboard.js';

/**
 * The base schema: items, org, escalation, calendar and digest tables, from before features kept their own
 * migrations (a recorded migration is never split or renamed). Later migrations live in db/<feature>/migrations/
 * and reach the migrator through the feature descriptors.
 */
export const FOUNDATION_MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_escalation': m002,
  '003_org': m003,
  '004_dashboard': m004,
};
