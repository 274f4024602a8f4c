import { createDb } from '../db/connection.js';
import { type Config, ConfigError, loadConfig } from '../platform/config.js';
import { commandList, createCliSession, runCommand } from '../services/shared/cli.js';
import { seedDemoOrg } from './demo/seed.js';
import { runDev } from './dev.js';
import { FEATURES } from './features/index.js';
import { migrateAll } from './migrations.js';
import { runProcess } from './processes.js';

/** The operator's commands, as the features contribute them. */
const COMMANDS = FEATURES.flatMap((f) => f.cli ?? []);

/** Commands that run or prepare the system itself, not an operation on it. */
const PROCESSES: Record<string, { usage: string; run: (config: Config) => Promise<void> }> = {
  dev: { usage: 'start everything on embedded defaults (npm start)', run: runDev },
  worker: {
    usage: 'run a Temporal worker (needs TEMPORAL_ADDRESS, DATABASE_URL, Lark settings)',
    run: (config) => runProcess(config, 'worker'),
  },
  server: { usage: 'run the bot webhook (same settings)', run: (config) => runProcess(config, 'server') },
  migrate: {
    usage: 'apply database migrations (needs DATABASE_URL, or a running npm start)',
    run: (config) =>
      withDatabase(config, async (db) => {
        const applied = await migrateAll(db as never);
        process.stdout.write(`migrated: ${applied.length ? applied.join(', ') : 'already up to date'}\n`);
      }),
  },
  'seed-demo': {
    usage: "write the demo county's org (needs DATABASE_URL, or a running npm start)",
    run: (config) =>
      withDatabase(config, async (db) => {
        const org = await seedDemoOrg(db);
        process.stdout.write(`seeded ${org.units.length} units and ${org.people.length} people\n`);
      }),
  },
};
/** These run the system, so they never attach to another one through its runtime file. */
const RUNS_THE_SYSTEM = new Set(['dev', 'worker', 'server']);

function usage(): string {
  const width = Math.max(...Object.keys(PROCESSES).map((n) => n.length));
  const processes = Object.entries(PROCESSES).map(([name, p]) => `  ${name.padEnd(width)}  ${p.usage}`);
  return [
    '用法 / usage: tsx app/cli.ts <command> (npm run cli -- <command>)',
    ...processes,
    '',
    '运维命令 / operator commands (with no DATABASE_URL/TEMPORAL_ADDRESS they reach the running npm start):',
    commandList(COMMANDS),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name = '', ...args] = argv;
  const config = loadConfig(process.env, {}, { runningSystem: !RUNS_THE_SYSTEM.has(name) });
  const process_ = PROCESSES[name];
  if (process_) {
    await process_.run(config);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`${name ? `没有命令 ${name}\n` : ''}${usage()}\n`);
    return 2;
  }
  return runCommand(command, args, createCliSession({ config, out: process }));
}

async function withDatabase(config: Config, fn: (db: ReturnType<typeof createDb>['db']) => Promise<void>) {
  const url = config.database.url;
  if (!url) throw new ConfigError('DATABASE_URL is required for this command');
  const handle = createDb(url, config.database.singleSession ? 1 : 10);
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
