import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './001_foundation.js';
import * as m002 from './002_escalation.js';

/** Static list (not a folder scan) so migrations work the same under tsx, tests and bundlers. */
const MIGRATIONS: Record<string, Migration> = {
  '001_foundation': m001,
  '002_escalation': m002,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
