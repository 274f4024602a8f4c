import { fileURLToPath } from 'node:url';
import type { Client as LarkClient } from '@larksuiteoapi/node-sdk';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createCadenceActivities } from '../activities/cadence/cadence-activities.js';
import { createCalendarActivities } from '../activities/calendar/calendar-activities.js';
import { createCampaignActivities } from '../activities/campaigns/campaign-activities.js';
import { createCrosscheckActivities } from '../activities/crosscheck/crosscheck-activities.js';
import { createDigestActivities } from '../activities/digest/digest-activities.js';
import {
  createEscalationActivities,
  type EscalationActivities,
} from '../activities/escalation/escalation-activities.js';
import { createItemActivities } from '../activities/items/item-activities.js';
import { createLoanActivities } from '../activities/loans/loan-activities.js';
import { createProjectActivities } from '../activities/projects/project-activities.js';
import { createRankingActivities } from '../activities/ranking/ranking-activities.js';
import type { LarkMessenger } from '../bot/lark/messenger.js';
import { createRankingLark } from '../bot/ranking/ranking-lark.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';

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

export function createActivities(deps: Pick<WorkerDeps, 'db' | 'lark' | 'larkClient' | 'logger' | 'clock'>) {
  const clock = deps.clock ?? (() => new Date());
  const { db, lark, logger } = deps;
  return {
    ...createItemActivities({ db, lark, logger, clock }),
    ...escalationActivities(db, lark, logger),
    ...createCalendarActivities({ db, clock }),
    ...createDigestActivities({ db, lark, logger }),
    ...createCampaignActivities({ db, lark, logger }),
    ...createCadenceActivities({ db, logger }),
    ...createCrosscheckActivities({ db, lark, logger, clock }),
    ...createLoanActivities({ db, lark, logger, clock }),
    ...createProjectActivities({ db, lark, logger, clock }),
    ...(deps.larkClient
      ? createRankingActivities({ db, lark: createRankingLark(deps.larkClient, lark), logger, clock })
      : {}),
  };
}

/** Typed through its own function: Biome's promise inference misreads the factory inside a spread. */
function escalationActivities(db: Kysely<Database>, lark: LarkMessenger, logger: Logger): EscalationActivities {
  return createEscalationActivities({ db, lark, logger });
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
