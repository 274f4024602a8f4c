import { type Client, ScheduleAlreadyRunning, type ScheduleOptions } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { ensureCadenceSchedules } from '../services/cadence/cadence-schedule.js';
import { setUpRankingSchedule } from '../services/ranking/schedule.js';

export const DIGEST_SCHEDULE_ID = 'duban-daily-digest';

/** The daily digest at 08:30 Asia/Shanghai; created or updated, so start-up may call it every time. */
export async function ensureDigestSchedule(
  client: Client,
  taskQueue: string,
  scheduleId = DIGEST_SCHEDULE_ID,
): Promise<void> {
  const options: ScheduleOptions = {
    scheduleId,
    spec: {
      calendars: [{ hour: 8, minute: 30, comment: '每天 08:30 汇总提醒（非工作日不发）' }],
      timezone: 'Asia/Shanghai',
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'dailyDigest',
      args: [],
      taskQueue,
    },
    policies: { catchupWindow: '1 hour' },
  };
  try {
    await client.schedule.create(options);
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule
      .getHandle(scheduleId)
      .update((prev) => ({ ...prev, spec: options.spec, action: options.action as never }));
  }
}

/**
 * Every Schedule the system runs on: the 08:30 digest, the monthly 红黑榜 and the 村/乡/县 cadences. Each is created
 * or updated in place, so every worker start-up (and `npm start`) may call this; a schedule an operator paused stays
 * paused.
 */
export async function ensureAllSchedules(client: Client, db: Kysely<Database>, taskQueue: string): Promise<void> {
  await ensureDigestSchedule(client, taskQueue);
  await setUpRankingSchedule(client, db, taskQueue);
  await ensureCadenceSchedules(client, taskQueue);
}
