import type { Kysely } from 'kysely';
import { buildCalendarData } from '../../domain/calendar/build.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import type { Database } from '../schema.js';
import { listCountyOverrides, listOfficialNotices } from './calendar.js';

/**
 * The working calendar from last year through two years ahead of `around` (an ISO date or instant; its first four
 * characters are the year), with the official notices and county overrides stored today. The same window as the
 * workflows' loadCalendar activity, for services that need the calendar outside a workflow.
 */
export async function loadCalendarAround(db: Kysely<Database>, around: string): Promise<CalendarData> {
  const year = Number(around.slice(0, 4));
  return buildCalendarData({
    fromYear: year - 1,
    toYear: year + 2,
    officialNotices: await listOfficialNotices(db),
    countyOverrides: await listCountyOverrides(db),
  });
}
