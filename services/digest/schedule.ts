import { type Client, ScheduleAlreadyRunning, type ScheduleOptions } from '@temporalio/client';

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
