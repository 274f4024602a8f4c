import { createDb } from '../db/connection.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { type LarkSim, startLarkSim } from '../larksim/index.js';
import {
  type Config,
  ConfigError,
  readRunningSystem,
  removeRuntimeFile,
  runtimeFilePath,
  writeRuntimeFile,
} from '../platform/config.js';
import { createLogger, logFormatFor } from '../platform/logger.js';
import { installTemporalLogging } from '../platform/temporal-logging.js';
import { provisionalYearsAround } from '../services/calendar/calendar-admin.js';
import { startItem } from '../services/items/item-service.js';
import { CARD_CALLBACK_PATH, EVENT_CALLBACK_PATH } from './bot-server.js';
import { buildDemoOrg } from './demo/county.js';
import { demoItemSpecs } from './demo/items.js';
import { seedDemoLedgers } from './demo/ledgers.js';
import { demoLarkDirectory, seedDemoOrg } from './demo/seed.js';
import { migrateAll } from './migrations.js';

import { ensureAllSchedules } from './schedules.js';
import { startSystem } from './system.js';
import { startDevTemporal } from './temporal-server.js';

/**
 * `npm start`: the whole system on embedded defaults — PGlite (or DATABASE_URL), a Temporal
 * dev server (or TEMPORAL_ADDRESS), the Lark simulator with the demo county (unless real Lark
 * credentials are set), the worker and the bot — then prints where to look.
 */
export async function runDev(config: Config): Promise<void> {
  const format = logFormatFor(config.logFormat, process.stderr.isTTY === true);
  const logger = createLogger('duban', config.logLevel, { format }).child({ process: 'dev' });
  installTemporalLogging(logger, { quiet: true });
  const stops: (() => Promise<void>)[] = [];
  // Two of them on one data directory would open the same PGlite files twice.
  const other = readRunningSystem(config.dataDir);
  if (other && other.pid !== process.pid)
    throw new ConfigError(
      `npm start 已在运行（pid ${other.pid}），使用同一数据目录 ${config.dataDir}；若它已不在运行，请删除 ${runtimeFilePath(config.dataDir)}`,
    );

  const pg = config.database.url ? undefined : await startEmbeddedPostgres(config.dataDir);
  if (pg) stops.push(pg.stop);
  const database = createDb(config.database.url ?? pg!.url, pg ? pg.maxConnections : 10);
  stops.push(database.close);
  await migrateAll(database.db as never);

  const temporal = config.temporal.address
    ? undefined
    : await startDevTemporal(config.temporal.cliPath, config.dataDir);
  if (temporal) stops.push(temporal.stop);
  const address = config.temporal.address ?? temporal!.address;

  const org = buildDemoOrg();
  let sim: LarkSim | undefined;
  if (config.lark.simulated) {
    const directory = demoLarkDirectory(org);
    sim = await startLarkSim({
      host: config.http.host,
      port: config.http.simPort,
      app: { ...config.lark, name: '督办助手' },
      users: directory.users,
      departments: directory.departments,
    });
    stops.push(sim.close);
  }

  const system = await startSystem({
    db: database.db,
    temporal: { address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue },
    lark: { ...config.lark, domain: config.lark.domain ?? sim!.url },
    http: { host: config.http.host, botPort: config.http.botPort },
    logger,
    dashboard: {
      port: config.http.dashboardPort,
      sessionSecret: config.dashboard.sessionSecret,
      ...(config.http.publicDashboardUrl ? { publicUrl: config.http.publicDashboardUrl } : {}),
    },
  });
  stops.push(system.stop);
  sim?.setCallbackUrls({ card: system.botUrl + CARD_CALLBACK_PATH, event: system.botUrl + EVENT_CALLBACK_PATH });

  await seedDemoOrg(database.db, org);
  await ensureAllSchedules(system.client, database.db, config.temporal.taskQueue);
  let started = 0;
  for (const spec of demoItemSpecs(new Date())) {
    const r = await startItem(system.client, config.temporal.taskQueue, spec, database.db);
    if (r.started) started += 1;
  }
  const ledgers = await seedDemoLedgers(database.db, system.client, config.temporal.taskQueue, new Date());
  for (const year of provisionalYearsAround(new Date())) {
    logger.warn(
      `${year} 年放假通知尚未加载，暂按《全国年节及纪念日放假办法》计算（不含调休）；通知发布后请运行 calendar-notice 加载`,
    );
  }

  // Where a second terminal's `npm run cli` finds this system (platform/config.ts reads it back).
  writeRuntimeFile(config.dataDir, {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...(pg ? { database: { url: pg.url, embedded: true as const } } : {}),
    temporal: {
      address,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      ...(temporal ? { uiUrl: temporal.uiUrl } : {}),
    },
    botUrl: system.botUrl,
    ...(system.dashboardUrl ? { dashboardUrl: system.dashboardUrl } : {}),
    ...(sim ? { simulatorUrl: sim.url } : {}),
  });
  printUrls({
    sim: sim?.url,
    bot: system.botUrl,
    dashboard: system.dashboardUrl,
    temporalUi: temporal?.uiUrl,
    database: pg ? `PGlite ${pg.url}` : 'PostgreSQL (DATABASE_URL)',
    runtimeFile: runtimeFilePath(config.dataDir),
    started,
    ledgers,
  });
  await waitForSignal();
  removeRuntimeFile(config.dataDir);
  process.stdout.write('\n正在停止……\n');
  for (const stop of stops.reverse()) await stop().catch((err: unknown) => logger.error('stop failed', { error: err }));
}

function printUrls(u: {
  sim?: string;
  bot: string;
  dashboard?: string;
  temporalUi?: string;
  database: string;
  runtimeFile: string;
  started: number;
  ledgers: { loans: number; projects: number };
}) {
  const lines = [
    '',
    '督办 Duban 已启动（演示县：嵩明县）',
    u.sim ? `  飞书模拟器（网页聊天，选择干部查看待办卡片）: ${u.sim}/` : '',
    u.dashboard ? `  督办看板（飞书登录，领导小组查看全县进度）: ${u.dashboard}/` : '',
    `  机器人回调地址:        ${u.bot}/lark/card`,
    u.temporalUi ? `  Temporal 控制台:       ${u.temporalUi}` : '',
    `  数据库:                ${u.database}`,
    `  运维命令（另开终端）:  npm run cli（连接信息见 ${u.runtimeFile}）`,
    `  本次新交办演示事项:    ${u.started} 项`,
    u.ledgers.loans || u.ledgers.projects
      ? `  导入演示台账:          小额信贷 ${u.ledgers.loans} 笔跟踪中，衔接资金项目 ${u.ledgers.projects} 个`
      : '',
    '按 Ctrl+C 停止。',
    '',
  ];
  process.stdout.write(lines.filter((l) => l !== '').join('\n') + '\n');
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
