import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type Config, ConfigError } from '../../platform/config.js';
import { type AdminResult, addOverride, loadOfficialNotice } from './calendar-admin.js';

/** `calendar-notice` and `calendar-override`: print the outcome in Chinese; exit 1 on refusal. */
export async function runCalendarCommand(
  db: Kysely<Database>,
  config: Config,
  command: 'calendar-notice' | 'calendar-override',
  args: string[],
): Promise<void> {
  if (!config.temporal.address)
    throw new ConfigError('TEMPORAL_ADDRESS is required: open items must be told to re-plan');
  const actorAt = args.indexOf('--actor');
  const actor = actorAt >= 0 ? (args[actorAt + 1] ?? '') : 'cli';
  const positional = actorAt >= 0 ? [...args.slice(0, actorAt), ...args.slice(actorAt + 2)] : args;
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const followers = { rankingSchedule: { taskQueue: config.temporal.taskQueue } };
    const result: AdminResult =
      command === 'calendar-notice'
        ? positional[0]
          ? await loadOfficialNotice(db, client, positional[0], actor, followers)
          : { ok: false, errors: ['用法：calendar-notice <notice.json>'] }
        : await addOverride(
            db,
            client,
            {
              kind: positional[0] as 'rest',
              from: positional[1] ?? '',
              to: positional[2] ?? '',
              reason: positional.slice(3).join(' '),
              actor,
            },
            followers,
          );
    if (result.ok) process.stdout.write(`${result.message}\n`);
    else {
      process.stderr.write(`${result.errors.join('\n')}\n`);
      process.exitCode = 1;
    }
  } finally {
    await connection.close();
  }
}
