import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { addDays, isWorkday, localDate, nthWorkdayOfMonth, workdaysBetween } from '../../../domain/calendar/index.js';
import { monthRankedAt } from '../../../domain/ranking/index.js';
import { setUpRankingSchedule } from '../../../services/ranking/schedule.js';
import { rankingRunQuery, rankingWorkflowId } from '../../../workflows/ranking/messages.js';
import type { monthlyRanking } from '../../../workflows/ranking/monthly-ranking.js';
import { eventually, type Stack, startStack } from '../../support/stack.js';

let stack: Stack;
const scheduleId = `ranking-test-${randomUUID()}`;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.system.client.schedule
    .getHandle(scheduleId)
    .delete()
    .catch(() => undefined);
  await stack?.stop();
});

/** The first "3rd working day of a month, 09:00 Shanghai" after now, worked out from the calendar directly. */
function expectedNextRun(now: Date): number {
  const year = Number(localDate(now.toISOString()).slice(0, 4));
  const calendar = buildCalendarData({ fromYear: year - 1, toYear: year + 2 });
  for (let k = 0; k < 3; k++) {
    const d = new Date(Date.UTC(year, Number(localDate(now.toISOString()).slice(5, 7)) - 1 + k, 1));
    const date = nthWorkdayOfMonth(calendar, d.getUTCFullYear(), d.getUTCMonth() + 1, 3);
    const at = Date.parse(`${date}T09:00:00+08:00`);
    if (at > now.getTime()) return at;
  }
  throw new Error('no run in the next three months');
}

describe('the monthly ranking schedule', () => {
  it('exists after start-up with the next run on the 3rd working day at 09:00, and start-up is idempotent', async () => {
    const { client } = stack.system;
    const first = await setUpRankingSchedule(client, stack.db.db, stack.taskQueue, { scheduleId });
    expect(first.created).toBe(true);
    const handle = client.schedule.getHandle(scheduleId);
    const described = await handle.describe();
    const next = described.info.nextActionTimes;
    expect(next[0]?.getTime()).toBe(expectedNextRun(new Date()));
    expect(described.spec.timezone).toBe('Asia/Shanghai');
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'monthlyRanking',
      taskQueue: stack.taskQueue,
    });

    // Every upcoming run: a working day with exactly two working days before it in its month, at 09:00.
    const calendar = buildCalendarData({ fromYear: 2025, toYear: 2029 });
    for (const t of next) {
      const date = localDate(t.toISOString());
      const lastOfPrevious = addDays(`${date.slice(0, 7)}-01`, -1);
      expect(isWorkday(calendar, date), date).toBe(true);
      expect(workdaysBetween(calendar, `${lastOfPrevious}T12:00:00+08:00`, `${date}T12:00:00+08:00`), date).toBe(3);
      expect(new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)).toBe('09:00');
    }

    const again = await setUpRankingSchedule(client, stack.db.db, stack.taskQueue, { scheduleId });
    expect(again.created).toBe(false);
    const after = await handle.describe();
    expect(after.info.nextActionTimes.map((d) => d.getTime())).toEqual(next.map((d) => d.getTime()));
    expect(after.spec.calendars).toHaveLength(described.spec.calendars?.length ?? -1);
  });

  it('starts the month’s own run when triggered', async () => {
    const { client } = stack.system;
    const handle = client.schedule.getHandle(scheduleId);
    await handle.trigger();
    const started = await eventually(
      'the scheduled action',
      async () => (await handle.describe()).info.recentActions[0],
    );
    const scheduled = client.workflow.getHandle<typeof monthlyRanking>(started.action.workflow.workflowId);
    const month = monthRankedAt(new Date().toISOString());
    expect(await scheduled.result()).toEqual({ month, outcome: 'delegated', rectificationItems: [] });
    const run = client.workflow.getHandle(rankingWorkflowId(month));
    const state = await eventually('the month’s run drafting', () => run.query(rankingRunQuery), 30_000);
    expect(state).toMatchObject({ month, phase: 'appeal', requestedBy: 'system:schedule' });
    // Let the draft's cards go out (the draft and 21 villages' breakdowns) before stopping the run.
    await eventually('the draft cards sent', async () => {
      const sent = await stack.db.db
        .selectFrom('ranking_messages')
        .select('key')
        .where('workflow_id', '=', run.workflowId)
        .execute();
      return sent.length === 22;
    });
    await run.terminate('test over');
  });
});
