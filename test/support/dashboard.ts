import type { Kysely } from 'kysely';
import { dashboardRoutes } from '../../app/dashboard-routes.js';
import { demoLarkDirectory } from '../../app/demo/seed.js';
import { createLarkClient } from '../../bot/lark/client.js';
import { type RunningDashboard, startDashboard } from '../../dashboard/start.js';
import type { Database } from '../../db/schema.js';
import { type LarkSim, startLarkSim } from '../../larksim/index.js';
import { createLogger } from '../../platform/logger.js';
import { TEST_APP, TEST_SESSION_SECRET } from './stack.js';

export interface TestDashboard {
  url: string;
  sim: LarkSim;
  close(): Promise<void>;
}

/**
 * The dashboard alone over a test database (no Temporal), logging in through a simulator of its own, or through
 * `sim` when given. `now` fixes its clock, so numbers computed in a test and on the page agree.
 */
export async function startTestDashboard(
  db: Kysely<Database>,
  o: { now?: string; sim?: LarkSim } = {},
): Promise<TestDashboard> {
  const directory = demoLarkDirectory();
  const sim =
    o.sim ?? (await startLarkSim({ app: TEST_APP, users: directory.users, departments: directory.departments }));
  const lark = { ...TEST_APP, domain: sim.url };
  let dashboard: RunningDashboard;
  try {
    dashboard = await startDashboard({
      db,
      lark,
      larkClient: createLarkClient(lark),
      host: '127.0.0.1',
      port: 0,
      sessionSecret: TEST_SESSION_SECRET,
      routes: dashboardRoutes(),
      logger: createLogger('test', 'silent'),
      ...(o.now ? { clock: () => new Date(o.now!) } : {}),
    });
  } catch (err) {
    if (!o.sim) await sim.close();
    throw err;
  }
  return {
    url: dashboard.url,
    sim,
    close: async () => {
      await dashboard.close();
      if (!o.sim) await sim.close();
    },
  };
}
