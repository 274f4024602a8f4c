import type { Kysely, Migration } from 'kysely';
import { migrateToLatest } from '../db/migrate.js';
import { FEATURES } from './features/index.js';

/** Every feature's migrations in one record; a name claimed twice is a wiring bug, caught at start-up. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const feature of FEATURES) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`migration ${name} is claimed by two features`);
      all[name] = migration;
    }
  }
  return all;
}

/** Brings the ledger's schema to the latest version of every feature. */
export function migrateAll(db: Kysely<unknown>): Promise<string[]> {
  return migrateToLatest(db, allMigrations());
}
