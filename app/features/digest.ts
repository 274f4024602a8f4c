import { createDigestActivities } from '../../activities/digest/digest-activities.js';
import { ensureDigestSchedule } from '../../services/digest/schedule.js';
import type { Feature } from './feature.js';

/** The 08:30 daily digest card: low-urgency reminders gathered into one message per person. */
export const digest: Feature = {
  name: 'digest',
  workflows: ['dailyDigest'],
  activities: (deps) => createDigestActivities(deps),
  schedules: ({ client, taskQueue }) => ensureDigestSchedule(client, taskQueue),
};
