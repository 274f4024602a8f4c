import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { CalendarData } from '../domain/calendar/index.js';
import type { Viewer } from './viewer.js';

/** What a logged-in page handler gets. */
export interface PageEnv {
  db: Kysely<Database>;
  viewer: Viewer;
  url: URL;
  params: Readonly<Partial<Record<string, string>>>;
  /** The request's instant, Asia/Shanghai ISO. */
  now: string;
  calendar(): Promise<CalendarData>;
  /** Where items are started (Excel import); absent when the dashboard runs without Temporal. */
  items?: { client: Client; taskQueue: string };
}
