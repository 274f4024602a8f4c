import { createDb } from '../db/connection.js';
import { type Config, ConfigError } from '../platform/config.js';
import { createLogger, logFormatFor } from '../platform/logger.js';
import { installTemporalLogging } from '../platform/temporal-logging.js';
import { migrateAll } from './migrations.js';
import { ensureAllSchedules } from './schedules.js';
import { startSystem } from './system.js';

/**
 * `worker` and `server` for deployments: each runs one role against an existing Temporal
 * server (TEMPORAL_ADDRESS), PostgreSQL (DATABASE_URL) and Lark (LARK_* variables, or
 * LARK_DOMAIN pointing at a simulator). Both are stateless and scale out.
 */
export async function runProcess(config: Config, role: 'worker' | 'server'): Promise<void> {
  const address = config.temporal.address;
  const url = config.database.url;
  if (!address) throw new ConfigError('TEMPORAL_ADDRESS is required (host:port of the Temporal frontend)');
  if (!url) throw new ConfigError('DATABASE_URL is required');
  if (!config.lark.domain) throw new ConfigError('LARK_APP_ID (or LARK_DOMAIN for a simulator) is required');
  const logger = createLogger('duban', config.logLevel, { format: logFormatFor(config.logFormat, false) }).child({
    process: role,
  });
  installTemporalLogging(logger);
  const database = createDb(url, 10, (err) => logger.warn('database connection lost', { error: err.message }));
  await migrateAll(database.db as never);
  const system = await startSystem({
    db: database.db,
    temporal: { address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue },
    // Only the web role takes events: a worker holding a long connection would spend one of Lark's 50 per app.
    lark: {
      ...config.lark,
      domain: config.lark.domain,
      eventMode: role === 'server' ? config.lark.eventMode : 'webhook',
    },
    http: { host: config.http.host, botPort: role === 'server' ? config.http.botPort : 0 },
    logger,
    runWorker: role === 'worker',
    ...(role === 'server'
      ? {
          dashboard: {
            port: config.http.dashboardPort,
            sessionSecret: config.dashboard.sessionSecret,
            ...(config.http.publicDashboardUrl ? { publicUrl: config.http.publicDashboardUrl } : {}),
          },
        }
      : {}),
  });
  // Workers own the Schedules: any one of them may (re)create them, each call is idempotent.
  if (role === 'worker') await ensureAllSchedules(system.client, database.db, config.temporal.taskQueue);
  logger.info(`${role} started`, {
    bot: role === 'server' ? system.botUrl : undefined,
    taskQueue: config.temporal.taskQueue,
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await system.stop();
  await database.close();
}
