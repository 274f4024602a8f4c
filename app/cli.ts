import { createDb } from '../db/connection.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { runCalendarCommand } from '../services/calendar/cli-commands.js';
import { CAMPAIGN_USAGE, runCampaignCommand } from '../services/campaigns/cli-commands.js';
import { CROSSCHECK_USAGE, runCrosscheckCommand } from '../services/crosscheck/cli-commands.js';
import { formatTimeline } from '../services/items/timeline.js';
import { LEDGER_USAGE, runLedgerCommand } from '../services/loans/cli-commands.js';
import { runImportOrg, runSyncOrgLark } from '../services/org/cli-commands.js';
import { RANKING_USAGE, runRankingCommand } from '../services/ranking/cli-commands.js';
import { seedDemoOrg } from './demo/seed.js';
import { runDev } from './dev.js';
import { migrateAll } from './migrations.js';
import { runProcess } from './processes.js';

const USAGE = `用法 / usage: tsx app/cli.ts <command>
  dev          start everything on embedded defaults (npm start)
  worker       run a Temporal worker (needs TEMPORAL_ADDRESS, DATABASE_URL, Lark settings)
  server       run the bot webhook (same settings)
  migrate      apply database migrations (needs DATABASE_URL)
  seed-demo    write the demo county's org (needs DATABASE_URL)
  import-org <file.xlsx | csv folder> [--actor id]   import units, people, posts, 分管, 代理 (services/org/README.md)
  sync-org-lark [--actor id]   sync departments, leaders and members from the Lark contact API
  timeline <item-id>   print an item's audit trail
  calendar-notice <notice.json> [--actor id]   load a year's official holiday notice (调休 included)
  calendar-override <rest|work|emergency> <from> <to> <reason> [--actor id]   a county calendar change
${RANKING_USAGE}
${LEDGER_USAGE}
${CAMPAIGN_USAGE}
${CROSSCHECK_USAGE}`;

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
        const applied = await migrateAll(db as never);
        process.stdout.write(`migrated: ${applied.length ? applied.join(', ') : 'already up to date'}\n`);
      });
    case 'seed-demo':
      return withDatabase(config.database.url, async (db) => {
        const org = await seedDemoOrg(db);
        process.stdout.write(`seeded ${org.units.length} units and ${org.people.length} people\n`);
      });
    case 'import-org':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runImportOrg(db, argv.slice(1), process);
      });
    case 'sync-org-lark':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runSyncOrgLark(db, config, argv.slice(1), process);
      });
    case 'timeline':
      return withDatabase(config.database.url, async (db) => {
        const lines = await formatTimeline(db, argv[1] ?? '');
        process.stdout.write(lines.length ? `${lines.join('\n')}\n` : `没有事项 ${argv[1] ?? ''}\n`);
        if (!lines.length) process.exitCode = 1;
      });
    case 'calendar-notice':
    case 'calendar-override':
      return withDatabase(config.database.url, (db) => runCalendarCommand(db, config, command, argv.slice(1)));
    case 'ranking-draft':
    case 'ranking-import':
    case 'ranking-rules':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runRankingCommand(db, command, argv.slice(1), process);
      });
    case 'loans-import':
    case 'loans-figures':
    case 'projects-import':
    case 'projects-figures':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runLedgerCommand(db, config, command, argv.slice(1), process);
      });
    case 'campaign':
    case 'campaign-withdraw':
    case 'cadence-pause':
    case 'cadence-resume':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runCampaignCommand(db, config, command, argv.slice(1), process);
      });
    case 'crosscheck-start':
    case 'crosscheck-findings':
    case 'crosscheck-report':
      return withDatabase(config.database.url, async (db) => {
        process.exitCode = await runCrosscheckCommand(db, config, command, argv.slice(1), process);
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
