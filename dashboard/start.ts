import type { Server } from 'node:http';
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';
import { createLarkOAuth } from './oauth.js';
import type { DashboardRoute } from './routes.js';
import { createDashboardServer } from './server.js';

export interface StartDashboardOptions {
  db: Kysely<Database>;
  lark: { appId: string; appSecret: string; domain: string };
  larkClient: lark.Client;
  host: string;
  port: number;
  /** How browsers reach it; default http://host:port once listening. */
  publicUrl?: string;
  sessionSecret: string;
  logger: Logger;
  clock?: () => Date;
  items?: { client: Client; taskQueue: string };
  /** The features' logged-in routes (app/features), matched in order. */
  routes: readonly DashboardRoute[];
}

export interface RunningDashboard {
  /** The public URL (for links and the OAuth redirect). */
  url: string;
  close(): Promise<void>;
}

/** Starts the dashboard's HTTP server (Hono on node:http); the composition roots call this next to the bot server. */
export async function startDashboard(o: StartDashboardOptions): Promise<RunningDashboard> {
  let url = o.publicUrl ?? '';
  const server: Server = createDashboardServer({
    db: o.db,
    oauth: createLarkOAuth({ ...o.lark, client: o.larkClient }),
    sessionSecret: o.sessionSecret,
    publicUrl: () => url,
    logger: o.logger,
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.items ? { items: o.items } : {}),
    routes: o.routes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  if (!o.publicUrl) url = `http://${o.host}:${port}`;
  return {
    url: url.replace(/\/$/, ''),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
