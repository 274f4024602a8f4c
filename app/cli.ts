import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { ConfigError, loadConfig } from './config.js';
import { seedDemoOrg } from './demo/seed.js';
import { runDev } from './dev.js';
import { runProcess } from './processes.js';

const USAGE = `用法 / usage: tsx app/cli.ts <command>
  dev          start everything on embedded defaults (npm start)
  worker       run a Temporal worker (needs TEMPORAL_ADDRESS, DATABASE_URL, Lark settings)
  server       run the bot webhook (same settings)
  migrate      apply database migrations (needs DATABASE_URL)
  seed-demo    write the demo county's org (needs DATABASE_URL)`;

async function main(argv: string[]): Promise<void> {
  const [command] = argv;
  const config = loadConfig();
  switch (command) {
    case 'dev':
      return runDev(config);
    case 'worker':
    case 'server':
      return runProcess(config, command);
    case 'migrate':
      return withDatabase(config.database.url, async (db) => {
        const applied = await migrateToLatest(db as never);
        process.stdout.write(`migrated: ${applied.length ? applied.join(', ') : 'already up to date'}\n`);
      });
    case 'seed-demo':
      return withDatabase(config.database.url, async (db) => {
        const org = await seedDemoOrg(db);
        process.stdout.write(`seeded ${org.units.length} units and ${org.people.length} people\n`);
      });
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
  }
}

async function withDatabase(url: string | undefined, fn: (db: ReturnType<typeof createDb>['db']) => Promise<void>) {
  if (!url) throw new ConfigError('DATABASE_URL is required for this command');
  const handle = createDb(url);
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
