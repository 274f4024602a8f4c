import { randomUUID } from 'node:crypto';
import { Runtime } from '@temporalio/worker';
import { inject } from 'vitest';
import { CARD_CALLBACK_PATH, EVENT_CALLBACK_PATH } from '../../app/bot-server.js';
import { demoOpenId } from '../../app/demo/county.js';
import { demoLarkDirectory, seedDemoOrg } from '../../app/demo/seed.js';
import { type RunningSystem, startSystem } from '../../app/system.js';
import type { ItemSpec } from '../../domain/items/index.js';
import { type LarkSim, type SimMessage, startLarkSim } from '../../larksim/index.js';
import { createLogger } from '../../platform/logger.js';
import { startItem } from '../../services/items/item-service.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { TEST_APP } from './test-app.js';

export { TEST_APP };

/** Signs the dashboard's session cookies in tests. */
export const TEST_SESSION_SECRET = 'test-dashboard-session-secret-0123456789';

let runtimeInstalled = false;

/** Keeps the Temporal runtime quiet in tests (it logs every worker state change otherwise). */
export function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  const drop = () => {};
  const err = (m: string, meta?: unknown) => console.error('[temporal]', m, meta ?? '');
  Runtime.install({ logger: { log: drop, trace: drop, debug: drop, info: drop, warn: drop, error: err } });
}

export interface Stack {
  db: TestDatabase;
  sim: LarkSim;
  system: RunningSystem;
  taskQueue: string;
  /** The dashboard's URL (it logs in through the simulator's OAuth). */
  dashboardUrl: string;
  /** With `withPolicy`, the current escalation policy is snapshotted onto the item. */
  startItem(spec: ItemSpec, withPolicy?: boolean): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real parts, wired as in production: a scratch PostgreSQL database with the demo county,
 * the run's Temporal dev server, the Lark simulator, the worker and the bot webhook, with the
 * official SDK talking HTTP to the simulator.
 */
export interface StackOptions {
  runWorker?: boolean;
  /** Another Temporal server (e.g. a time-skipping one) instead of the run's dev server. */
  temporalAddress?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  installQuietRuntime();
  const db = await createTestDatabase();
  await seedDemoOrg(db.db);
  const directory = demoLarkDirectory();
  const sim = await startLarkSim({
    app: { ...TEST_APP, name: '督办助手' },
    users: directory.users,
    departments: directory.departments,
  });
  const taskQueue = `duban-test-${randomUUID()}`;
  const system = await startSystem({
    db: db.db,
    temporal: {
      address: options.temporalAddress ?? inject('temporalAddress'),
      namespace: 'default',
      taskQueue,
      workflowBundlePath: inject('workflowBundlePath'),
    },
    lark: { ...TEST_APP, domain: sim.url },
    http: { host: '127.0.0.1', botPort: 0 },
    logger: createLogger('test', 'silent'),
    ...(options.runWorker === false ? { runWorker: false } : {}),
    dashboard: { port: 0, sessionSecret: TEST_SESSION_SECRET },
  });
  sim.setCallbackUrls({ card: system.botUrl + CARD_CALLBACK_PATH, event: system.botUrl + EVENT_CALLBACK_PATH });
  return {
    db,
    sim,
    system,
    taskQueue,
    dashboardUrl: system.dashboardUrl!,
    async startItem(spec, withPolicy = false) {
      const r = await startItem(system.client, taskQueue, spec, withPolicy ? db.db : undefined);
      if (!r.started) throw new Error(`item ${spec.id} not started: ${JSON.stringify(r)}`);
    },
    async stop() {
      await system.stop();
      await sim.close();
      await db.drop();
    },
  };
}

export const openIdOf = demoOpenId;

/** Polls until `probe` returns a value, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The interactive cards a person holds, oldest first. */
export function cardsOf(sim: LarkSim, personId: string): SimMessage[] {
  return sim.messages({ receiverOpenId: openIdOf(personId) }).filter((m) => m.msgType === 'interactive');
}

export function textsOf(sim: LarkSim, personId: string): string[] {
  return sim
    .messages({ receiverOpenId: openIdOf(personId) })
    .filter((m) => m.msgType === 'text')
    .map((m) => (JSON.parse(m.content) as { text: string }).text);
}

interface CardButton {
  tag: 'button';
  text: { content: string };
  behaviors?: { type: string; value?: Record<string, unknown> }[];
}

/** Finds a button by its visible text anywhere in a card, including inside forms. */
export function findButton(card: unknown, text: string): CardButton | undefined {
  const stack: unknown[] = [card];
  while (stack.length) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.tag === 'button' && (n.text as { content?: string } | undefined)?.content === text)
        return n as unknown as CardButton;
      stack.push(...Object.values(n));
    }
  }
  return undefined;
}

export function cardText(message: SimMessage): string {
  return JSON.stringify(message.card);
}

/**
 * Clicks a button (submitting its form with `formValue`) on a message, as `personId`. Like a
 * person, it waits for the card to show the button (cards are patched moments after a change).
 */
export async function clickButton(
  sim: LarkSim,
  message: SimMessage,
  personId: string,
  text: string,
  formValue?: Record<string, unknown>,
) {
  const button = await eventually(
    `button "${text}" on card ${message.messageId}`,
    () => findButton((sim.message(message.messageId) ?? message).card, text),
    10_000,
  );
  const value = button.behaviors?.find((b) => b.type === 'callback')?.value;
  if (!value) throw new Error(`button "${text}" has no callback value`);
  return sim.click({
    messageId: message.messageId,
    operatorOpenId: openIdOf(personId),
    value,
    ...(formValue ? { formValue } : {}),
  });
}
