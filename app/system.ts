import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createLarkClient } from '../bot/lark/client.js';
import { createLarkMessenger } from '../bot/lark/messenger.js';
import type { Database } from '../db/schema.js';
import { createBotServer, listen } from './bot-server.js';
import type { Logger } from './logger.js';
import { createWorker } from './worker.js';

export interface SystemOptions {
  db: Kysely<Database>;
  temporal: { address: string; namespace: string; taskQueue: string; workflowBundlePath?: string };
  lark: { appId: string; appSecret: string; encryptKey: string; verificationToken: string; domain: string };
  http: { host: string; botPort: number };
  logger: Logger;
  clock?: () => Date;
  /** Default true; false runs only the bot (workers may live in other processes). */
  runWorker?: boolean;
}

export interface RunningSystem {
  botUrl: string;
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
  const lark = createLarkMessenger(createLarkClient(options.lark));
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
        logger,
        clock,
        ...(temporal.workflowBundlePath ? { workflowBundlePath: temporal.workflowBundlePath } : {}),
      })
    : undefined;
  const workerRun = worker?.run();
  const server: Server = createBotServer({ db, temporal: client, lark: options.lark, logger, clock });
  const botPort = await listen(server, options.http.botPort, options.http.host);

  let workerStopped = false;
  const stopWorker = async () => {
    if (workerStopped || !worker) return;
    workerStopped = true;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  };
  return {
    botUrl: `http://${options.http.host}:${botPort}`,
    client,
    worker,
    stopWorker,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopWorker();
      await nativeConnection?.close();
      await connection.close();
    },
  };
}
