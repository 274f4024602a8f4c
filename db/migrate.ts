import { type Kysely, type Migration, Migrator } from 'kysely';

/**
 * Brings the schema to the latest version; throws with the failing migration's name. The migrations are passed
 * in (app/migrations.ts gathers the features'), as a static record rather than a folder scan, so they run the same
 * under tsx, tests and bundlers.
 */
export async function migrateToLatest(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
