import { proxyActivities } from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { DigestActivities } from '../../activities/digest/digest-activities.js';
import { isWorkday, localDate } from '../../domain/calendar/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';

const acts = proxyActivities<DigestActivities & CalendarActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/**
 * Runs every morning from a Schedule. A cron cannot tell a 调休 Saturday from a weekend, so
 * the workflow asks the calendar: on rest days nothing goes out and the lines wait.
 */
export async function dailyDigest(): Promise<{ sent: boolean; people: number; lines: number }> {
  const now = toShanghaiIso(Date.now());
  const cal = await acts.loadCalendar({ around: now });
  if (!isWorkday(cal, localDate(now))) return { sent: false, people: 0, lines: 0 };
  return { sent: true, ...(await acts.sendDigests({ at: now })) };
}
