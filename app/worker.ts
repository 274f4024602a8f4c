import { fileURLToPath } from 'node:url';
import type { Client as LarkClient } from '@larksuiteoapi/node-sdk';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import type { LarkMessenger } from '../bot/lark/messenger.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';
import type { ActivityDeps, ActivityRecord } from './features/feature.js';
import { FEATURES } from './features/index.js';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Kysely<Database>;
  lark: LarkMessenger;
  /** The SDK client, for what the messenger does not cover (group chats, images: the monthly ranking). */
  larkClient?: LarkClient;
  logger: Logger;
  clock?: () => Date;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled now. */
  workflowBundlePath?: string;
}

/** Every feature's activities in one record; a name claimed twice is a wiring bug, caught at start-up. */
export function createActivities(deps: Pick<WorkerDeps, 'db' | 'lark' | 'larkClient' | 'logger' | 'clock'>) {
  const featureDeps: ActivityDeps = { ...deps, clock: deps.clock ?? (() => new Date()) };
  const all: ActivityRecord = {};
  for (const feature of FEATURES) {
    for (const [name, fn] of Object.entries(feature.activities?.(featureDeps) ?? {}) as [
      string,
      ActivityRecord[string],
    ][]) {
      if (Object.hasOwn(all, name)) throw new Error(`activity ${name} is claimed twice (feature ${feature.name})`);
      all[name] = fn;
    }
  }
  return all;
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
    // Let in-flight activities finish briefly, then stop regardless: every activity is idempotent
    // and will be retried by the next worker, so a stuck poll never holds a shutdown hostage.
    shutdownGraceTime: '5 seconds',
    shutdownForceTime: '20 seconds',
  });
}
