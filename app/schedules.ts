import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { FEATURES } from './features/index.js';

/**
 * Every Schedule the system runs on (the 08:30 digest, the monthly 红黑榜, the 村/乡/县 cadences: each feature
 * brings its own). Each is created or updated in place, so every worker start-up (and `npm start`) may call this; a
 * schedule an operator paused stays paused.
 */
export async function ensureAllSchedules(client: Client, db: Kysely<Database>, taskQueue: string): Promise<void> {
  for (const feature of FEATURES) await feature.schedules?.({ client, db, taskQueue });
}
