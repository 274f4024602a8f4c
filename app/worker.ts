import { fileURLToPath } from 'node:url';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createItemActivities } from '../activities/item-activities.js';
import type { LarkMessenger } from '../bot/lark/messenger.js';
import type { Database } from '../db/schema.js';
import type { Logger } from './logger.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
  clock?: () => Date;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled now. */
  workflowBundlePath?: string;
}

export function createActivities(deps: Pick<WorkerDeps, 'db' | 'lark' | 'logger' | 'clock'>) {
  return {
    ...createItemActivities({
      db: deps.db,
      lark: deps.lark,
      logger: deps.logger,
      clock: deps.clock ?? (() => new Date()),
    }),
  };
}

export async function createWorker(deps: WorkerDeps): Promise<Worker> {
  return Worker.create({
    connection: deps.connection,
    namespace: deps.namespace,
    taskQueue: deps.taskQueue,
    ...(deps.workflowBundlePath
      ? { workflowBundle: { codePath: deps.workflowBundlePath } }
      : { workflowsPath: WORKFLOWS_PATH }),
    activities: createActivities(deps),
    // Activities are I/O-bound (PostgreSQL, Lark); Lark pacing may hold one for up to 0.5 s.
    maxConcurrentActivityTaskExecutions: 200,
  });
}
