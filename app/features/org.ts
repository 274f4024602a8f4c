import { createOrgActivities } from '../../activities/org/org-activities.js';
import { ORG_COMMANDS } from '../../services/org/cli-commands.js';
import type { Feature } from './feature.js';

/** The org: units, people, posts, 分管 domains and acting officials, from Excel or Lark's contact API. */
export const org: Feature = {
  name: 'org',
  cli: ORG_COMMANDS,
  activities: (deps) => createOrgActivities(deps),
};
