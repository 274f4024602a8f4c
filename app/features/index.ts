import { cadence } from './cadence.js';
import { calendar } from './calendar.js';
import { campaigns } from './campaigns.js';
import { crosscheck } from './crosscheck.js';
import { digest } from './digest.js';
import { escalation } from './escalation.js';
import type { Feature } from './feature.js';
import { items } from './items.js';
import { loans } from './loans.js';
import { org } from './org.js';
import { projects } from './projects.js';
import { ranking } from './ranking.js';

/** Every feature Duban runs: the one place that names them all. */
export const FEATURES: readonly Feature[] = [
  items,
  escalation,
  calendar,
  org,
  digest,
  loans,
  projects,
  campaigns,
  cadence,
  crosscheck,
  ranking,
];
