import { createCalendarActivities } from '../../activities/calendar/calendar-activities.js';
import { CALENDAR_COMMANDS } from '../../services/calendar/cli-commands.js';
import type { Feature } from './feature.js';

/** The working-day calendar (holidays, 调休, county overrides) every deadline counts on. */
export const calendar: Feature = {
  name: 'calendar',
  cli: CALENDAR_COMMANDS,
  activities: (deps) => createCalendarActivities(deps),
};
