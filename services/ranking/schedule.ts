import { type Client, ScheduleAlreadyRunning, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { loadCalendarAround } from '../../db/calendar/load-calendar.js';
import type { Database } from '../../db/schema.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { monthOfDate, type PlannedRun, parseMonth, type RunDay, upcomingRuns } from '../../domain/ranking/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { monthlyRanking } from '../../workflows/ranking/monthly-ranking.js';
import { resolveRules } from './compute.js';

export const RANKING_SCHEDULE_ID = 'duban-monthly-ranking';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

export interface RankingScheduleOptions {
  taskQueue: string;
  calendar: CalendarData;
  day: RunDay;
  now: Date;
  /** Tests use their own id; production has one schedule. */
  scheduleId?: string;
}

/**
 * Creates or updates the Temporal Schedule of the monthly run. A cron cannot say "the 3rd working day": holidays
 * and make-up Saturdays move it. So the schedule lists each run's exact date, computed from the working-day
 * calendar for as far as the calendar reaches (about two years). Every worker start-up, every loaded holiday notice
 * and every county override recomputes the list (services/calendar/calendar-admin.ts), so it neither runs out nor goes stale.
 * Safe to call on every start.
 */
export async function ensureRankingSchedule(
  client: Client,
  o: RankingScheduleOptions,
): Promise<{ scheduleId: string; created: boolean; runs: PlannedRun[] }> {
  const scheduleId = o.scheduleId ?? RANKING_SCHEDULE_ID;
  const runs = upcomingRuns(o.calendar, toShanghaiIso(o.now.getTime()), o.day, 36);
  const [hour, minute] = o.day.time.split(':').map(Number) as [number, number];
  const spec = {
    calendars: runs.map((r) => {
      const { year, month } = parseMonth(monthOfDate(r.date));
      return {
        year,
        month: MONTHS[month - 1]!,
        dayOfMonth: Number(r.date.slice(8, 10)),
        hour,
        minute,
        comment: `${r.month} 红黑榜（每月第 ${o.day.workdayOfMonth} 个工作日）`,
      };
    }),
    timezone: 'Asia/Shanghai',
  };
  const action: ScheduleOptionsStartWorkflowAction<typeof monthlyRanking> = {
    type: 'startWorkflow',
    workflowType: 'monthlyRanking',
    workflowId: 'ranking-scheduled',
    args: [{}],
    taskQueue: o.taskQueue,
  };
  // A run missed while the server was down still happens when it comes back (within a week).
  const policies = { catchupWindow: '7 days' } as const;
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
    return { scheduleId, created: true, runs };
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  await client.schedule.getHandle(scheduleId).update<typeof monthlyRanking>((prev) => ({
    ...prev,
    spec,
    action,
    policies: { ...prev.policies, ...policies },
    state: { paused: prev.state.paused, ...(prev.state.note ? { note: prev.state.note } : {}) },
  }));
  return { scheduleId, created: false, runs };
}

/** Start-up: the schedule from the current rules and the working-day calendar the county maintains. */
export async function setUpRankingSchedule(
  client: Client,
  db: Kysely<Database>,
  taskQueue: string,
  options: { now?: Date; scheduleId?: string } = {},
): Promise<{ scheduleId: string; created: boolean; runs: PlannedRun[] }> {
  const now = options.now ?? new Date();
  const rules = await resolveRules(db);
  const calendar = await loadCalendarAround(db, now.toISOString());
  return ensureRankingSchedule(client, {
    taskQueue,
    calendar,
    day: rules.schedule,
    now,
    ...(options.scheduleId ? { scheduleId: options.scheduleId } : {}),
  });
}
