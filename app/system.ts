import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createChatReplier } from '../bot/chat/reply.js';
import { type ChatCommand, createChatRouter } from '../bot/chat/router.js';
import { createLarkClient } from '../bot/lark/client.js';
import { createLarkMessenger } from '../bot/lark/messenger.js';
import { type LongConnection, startLongConnection } from '../bot/longconn/receiver.js';
import { type CardRoute, createCardRouter } from '../bot/webhook/card-router.js';
import { type RunningDashboard, startDashboard } from '../dashboard/start.js';
import { createCalendarCache } from '../db/calendar/calendar-cache.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';
import { createBotServer, listen } from './bot-server.js';
import { dashboardRoutes } from './dashboard-routes.js';
import type { BotDeps } from './features/feature.js';
import { FEATURES } from './features/index.js';
import { createWorker } from './worker.js';

export interface SystemOptions {
  db: Kysely<Database>;
  temporal: { address: string; namespace: string; taskQueue: string; workflowBundlePath?: string };
  lark: {
    appId: string;
    appSecret: string;
    encryptKey: string;
    verificationToken: string;
    domain: string;
    /** 'ws': events and card callbacks also arrive over the SDK's long connection. Default 'webhook'. */
    eventMode?: 'webhook' | 'ws';
  };
  http: { host: string; botPort: number };
  logger: Logger;
  clock?: () => Date;
  /** Default true; false runs only the bot (workers may live in other processes). */
  runWorker?: boolean;
  /** The leading group's dashboard; not started when absent. `publicUrl` defaults to http://host:port. */
  dashboard?: { port: number; publicUrl?: string; sessionSecret: string };
  /** Chat commands of other features, next to the built-in 我的待办 / 进度 / 逾期. */
  chatCommands?: ChatCommand[];
}

export interface RunningSystem {
  botUrl: string;
  /** Where the dashboard is (its public URL), when it runs. */
  dashboardUrl: string | undefined;
  client: Client;
  worker: Worker | undefined;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Duban processes proper, in one place: the Temporal worker and the bot's HTTP server.
 * Composition roots (dev mode, the CLI's worker/server commands, integration tests) wrap this
 * with whatever database, Temporal server and Lark (real or simulated) they have.
 */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { db, logger, temporal } = options;
  const clock = options.clock ?? (() => new Date());
  const larkClient = createLarkClient(options.lark);
  const lark = createLarkMessenger(larkClient);
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection, namespace: temporal.namespace });
  const nativeConnection =
    options.runWorker === false ? undefined : await NativeConnection.connect({ address: temporal.address });
  const worker = nativeConnection
    ? await createWorker({
        connection: nativeConnection,
        namespace: temporal.namespace,
        taskQueue: temporal.taskQueue,
        db,
        lark,
        larkClient,
        logger,
        clock,
        ...(temporal.workflowBundlePath ? { workflowBundlePath: temporal.workflowBundlePath } : {}),
      })
    : undefined;
  const workerRun = worker?.run();
  let dashboard: RunningDashboard | undefined;
  const botDeps: BotDeps = {
    db,
    temporal: client,
    logger,
    clock,
    calendar: createCalendarCache(db, clock),
    dashboardUrl: () => dashboard?.url,
  };
  const chatCommands = FEATURES.flatMap((f) => f.chatCommands?.(botDeps) ?? []);
  const onMessage = createChatRouter([...chatCommands, ...(options.chatCommands ?? [])], {
    db,
    replier: createChatReplier(larkClient),
    logger,
    clock,
  });
  // Items' route is built here (it overrides the bot server's own) so that the webhook and the long connection
  // dispatch to the very same handler functions.
  const cardRoutes = collectCardRoutes(botDeps);
  const server: Server = createBotServer({
    db,
    temporal: client,
    lark: options.lark,
    logger,
    clock,
    onMessage,
    cardRoutes,
  });
  const botPort = await listen(server, options.http.botPort, options.http.host);
  const longConnection: LongConnection | undefined =
    options.lark.eventMode === 'ws'
      ? startLongConnection({
          appId: options.lark.appId,
          appSecret: options.lark.appSecret,
          domain: options.lark.domain,
          handlers: {
            'card.action.trigger': createCardRouter({ db, logger }, cardRoutes),
            'im.message.receive_v1': onMessage,
          },
          logger: logger.child({ component: 'long-connection' }),
        })
      : undefined;
  if (options.dashboard) {
    dashboard = await startDashboard({
      db,
      lark: options.lark,
      larkClient,
      host: options.http.host,
      routes: dashboardRoutes(),
      ...options.dashboard,
      logger,
      clock,
      items: { client, taskQueue: temporal.taskQueue },
    });
  }

  let workerStopped = false;
  const stopWorker = async () => {
    if (workerStopped || !worker) return;
    workerStopped = true;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  };
  return {
    botUrl: `http://${options.http.host}:${botPort}`,
    dashboardUrl: dashboard?.url,
    client,
    worker,
    stopWorker,
    async stop() {
      longConnection?.close();
      // Close idle keep-alive connections now; server.close() alone waits for them to time out.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await dashboard?.close();
      await stopWorker();
      await nativeConnection?.close();
      await connection.close();
    },
  };
}

/** Every feature's card routes by the `kind` their buttons carry; a kind claimed twice is a wiring bug. */
function collectCardRoutes(deps: BotDeps): Record<string, CardRoute> {
  const routes: Record<string, CardRoute> = {};
  for (const feature of FEATURES) {
    for (const [kind, route] of Object.entries(feature.cardRoutes?.(deps) ?? {})) {
      if (Object.hasOwn(routes, kind)) throw new Error(`card kind ${kind} is claimed twice (feature ${feature.name})`);
      routes[kind] = route;
    }
  }
  return routes;
}
