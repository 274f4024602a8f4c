import type { Client as LarkClient } from '@larksuiteoapi/node-sdk';
import type { Client } from '@temporalio/client';
import type { Kysely, Migration } from 'kysely';
import type { ChatCommand } from '../../bot/chat/router.js';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import type { CardRoute } from '../../bot/webhook/card-router.js';
import type { LedgerPanel } from '../../dashboard/ledger-panel.js';
import type { DashboardRoute } from '../../dashboard/routes.js';
import type { createCalendarCache } from '../../db/calendar/calendar-cache.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../platform/logger.js';
import type { CliCommand } from '../../services/shared/cli.js';

/** What the worker hands each feature's activities factory. */
export interface ActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  /** The SDK client, for what the messenger does not cover (group chats, images). */
  larkClient?: LarkClient;
  logger: Logger;
  clock: () => Date;
}

/** What the bot hands each feature's card routes and chat commands. */
export interface BotDeps {
  db: Kysely<Database>;
  temporal: Client;
  logger: Logger;
  clock: () => Date;
  calendar: ReturnType<typeof createCalendarCache>;
  /** Where the dashboard is, once it listens (chat answers link to it). */
  dashboardUrl: () => string | undefined;
}

/** What worker start-up hands each feature that runs on Temporal Schedules. */
export interface ScheduleDeps {
  client: Client;
  db: Kysely<Database>;
  taskQueue: string;
}

/** Activities as the worker registers them: a record of async functions. */
// biome-ignore lint/suspicious/noExplicitAny: activity signatures differ; Temporal checks them at the proxy.
export type ActivityRecord = Record<string, (...args: any[]) => Promise<unknown>>;

/**
 * Everything one feature contributes to the processes. The worker, the webhook, the CLI, the dashboard and the
 * schema loop over the list in ./index.ts, so adding a feature is its folders plus one line there.
 */
export interface Feature {
  name: string;
  /** Workflow types the feature runs (exported by workflows/index.ts, the bundle's one entry point). */
  workflows?: readonly string[];
  activities?: (deps: ActivityDeps) => object;
  /** Card routes keyed by the `kind` their buttons carry. */
  cardRoutes?: (deps: BotDeps) => Record<string, CardRoute>;
  chatCommands?: (deps: BotDeps) => ChatCommand[];
  /** Operator commands `npm run cli` runs and lists (services/<feature>/cli-commands.ts). */
  cli?: readonly CliCommand[];
  /** Logged-in dashboard pages and form posts, matched in list order. */
  dashboardRoutes?: readonly DashboardRoute[];
  /** The feature's section of the 专项台账 page (/ledgers), shown in feature order. */
  ledgerPanels?: readonly LedgerPanel[];
  /** Schema migrations, keyed by their recorded name (names sort into the order they run). */
  migrations?: Record<string, Migration>;
  /** Creates or updates the feature's Temporal Schedules; called at every worker start-up, so idempotent. */
  schedules?: (deps: ScheduleDeps) => Promise<unknown>;
}
