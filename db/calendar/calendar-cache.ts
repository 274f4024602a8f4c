import type { Kysely } from 'kysely';
import { buildCalendarData } from '../../domain/calendar/build.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import type { Database } from '../schema.js';
import { listCountyOverrides, listOfficialNotices } from './calendar.js';

const REFRESH_MS = 10 * 60 * 1000;

/**
 * The working calendar for lights, rebuilt at most every ten minutes (county overrides may change during the day).
 * It reaches five years back so that long-overdue items still count their working days.
 */
export function createCalendarCache(db: Kysely<Database>, clock: () => Date): () => Promise<CalendarData> {
  let cached: { day: string; at: number; data: Promise<CalendarData> } | undefined;
  return () => {
    const now = clock();
    const day = localDate(now.getTime());
    if (!cached || cached.day !== day || now.getTime() - cached.at > REFRESH_MS) {
      const year = Number(day.slice(0, 4));
      const data = (async () =>
        buildCalendarData({
          fromYear: year - 5,
          toYear: year + 2,
          officialNotices: await listOfficialNotices(db),
          countyOverrides: await listCountyOverrides(db),
        }))();
      cached = { day, at: now.getTime(), data };
      data.catch(() => {
        cached = undefined;
      });
    }
    return cached.data;
  };
}
