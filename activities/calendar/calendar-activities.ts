import type { Kysely } from 'kysely';
import { listCountyOverrides, listOfficialNotices } from '../../db/calendar/calendar.js';
import type { Database } from '../../db/schema.js';
import { buildCalendarData } from '../../domain/calendar/build.js';
import type { CalendarData } from '../../domain/calendar/index.js';

export interface CalendarActivityDeps {
  db: Kysely<Database>;
  clock: () => Date;
}

/**
 * Calendar data for workflows: statutory days (chinese-days, or the provisional fallback),
 * official notices the county loaded, and county overrides, for last year through two years
 * ahead. Workflows get it through this activity so that a data upgrade never changes a replay.
 */
export function createCalendarActivities(deps: CalendarActivityDeps) {
  return {
    async loadCalendar(input: { around?: string } = {}): Promise<CalendarData> {
      const year = Number((input.around ?? deps.clock().toISOString()).slice(0, 4));
      return buildCalendarData({
        fromYear: year - 1,
        toYear: year + 2,
        officialNotices: await listOfficialNotices(deps.db),
        countyOverrides: await listCountyOverrides(deps.db),
      });
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
