import { randomUUID } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoLarkDirectory, seedDemoOrg } from '../../../app/demo/seed.js';
import { type RunningSystem, startSystem } from '../../../app/system.js';
import { listEvents } from '../../../db/items/items.js';
import { type LarkSim, type SimLongConnectionOptions, startLarkSim } from '../../../larksim/index.js';
import { createLogger } from '../../../platform/logger.js';
import { startItem } from '../../../services/items/item-service.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { APP, sdkClient, sendCard, silentLogger, simpleCard, startSim, U } from '../../support/larksim-fixtures.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import {
  cardsOf,
  clickButton,
  eventually,
  installQuietRuntime,
  openIdOf,
  type Stack,
  startStack,
  TEST_APP,
} from '../../support/stack.js';

/** Fast reconnects for tests: no random wait, half a second between attempts, a ping every second. */
const FAST: SimLongConnectionOptions = { reconnectNonceS: 0, reconnectIntervalS: 0.5, pingIntervalS: 1 };
const doneCard = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '已签收' }] } };
const answer = {
  toast: { type: 'success', content: '已签收', i18n: { zh_cn: '已签收', en_us: 'Acknowledged' } },
  card: { type: 'raw', data: doneCard },
};

/** What the tests measured, printed at the end (a report, not assertions). */
const figures: Record<string, unknown> = {};
afterAll(() => {
  console.log(`long-connection figures: ${JSON.stringify(figures, null, 2)}`);
});

interface Flat {
  event_id: string;
  operator?: { open_id: string };
  action?: { value: Record<string, unknown> };
  message?: { message_id: string; content: string };
}

describe('the simulator speaks the SDK long-connection protocol (real WSClient)', () => {
  let sim: LarkSim;
  const clients: lark.WSClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close({ force: true });
    await sim.close();
  });

  function connect(handlers: Record<string, (data: Flat) => Promise<unknown>>, appSecret = APP.appSecret) {
    const errors: Error[] = [];
    const client = new lark.WSClient({
      appId: APP.appId,
      appSecret,
      domain: sim.url,
      logger: silentLogger,
      onError: (e) => errors.push(e),
    });
    clients.push(client);
    void client.start({ eventDispatcher: new lark.EventDispatcher({ logger: silentLogger }).register(handlers) });
    return { client, errors };
  }

  const connected = (n = 1) =>
    eventually(`${n} long connection(s)`, () => sim.longConnection.connectedCount() === n || undefined);

  it('delivers a card click as plaintext over the socket and applies the ACKed answer to the card', async () => {
    sim = await startSim({ longConnection: FAST });
    const messageId = await sendCard(sdkClient(sim), U.cadre, simpleCard('待签收'));
    const seen: Flat[] = [];
    connect({
      'card.action.trigger': async (d) => {
        seen.push(d);
        return answer;
      },
    });
    await connected();
    expect(sim.longConnection.active()).toBe(true);

    // No callback URL is configured: the click can only have gone over the long connection.
    const r = await sim.click({ messageId, operatorOpenId: U.cadre, value: { action: 'ack', item: 'DB-1' } });
    expect(r).toMatchObject({ httpStatus: 200, cardReplaced: true, toast: { type: 'success', content: '已签收' } });
    expect(r.errorCode).toBeUndefined();
    expect(sim.message(messageId)?.card).toEqual(doneCard);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      event_id: r.eventId,
      operator: { open_id: U.cadre },
      action: { value: { action: 'ack', item: 'DB-1' } },
    });
    const push = sim.longConnection.pushes().find((p) => p.eventId === r.eventId);
    expect(push).toMatchObject({ eventType: 'card.action.trigger', acked: true, acks: 1, pending: false });
    expect(push?.attempts.map((a) => [a.outcome, a.code])).toEqual([['ack', 200]]);
    // The client pings at the ClientConfig's interval and every ping is answered (or the SDK would not go on).
    await eventually('two pings', () => (sim.longConnection.clients()[0]?.pings ?? 0) >= 2 || undefined, 5000);
  });

  it('re-pushes an event whose handler threw (ACK 500), with the same event id, until a 200 ACK', async () => {
    sim = await startSim({ longConnection: FAST, eventRetryDelaysMs: [50, 100] });
    const ids: string[] = [];
    connect({
      'im.message.receive_v1': async (d) => {
        ids.push(d.event_id);
        if (ids.length === 1) throw new Error('first delivery fails');
      },
    });
    await connected();
    const sent = await sim.sendText({ fromOpenId: U.cadre, text: '我的待办' });
    expect(sent.delivered).toBe(true);
    expect(sent.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(ids).toEqual([sent.eventId, sent.eventId]);
  });

  it('cluster delivery: with two clients connected, each message reaches exactly one of them', async () => {
    sim = await startSim({ longConnection: FAST });
    const byClient: string[][] = [[], []];
    for (const got of byClient) connect({ 'im.message.receive_v1': async (d) => void got.push(d.event_id) });
    await connected(2);
    const sent = [];
    for (let i = 0; i < 20; i += 1) sent.push(await sim.sendText({ fromOpenId: U.cadre, text: `消息 ${i}` }));
    expect(sent.every((s) => s.delivered)).toBe(true);
    const received = [...byClient[0]!, ...byClient[1]!];
    expect(new Set(received)).toEqual(new Set(sent.map((s) => s.eventId)));
    expect(received).toHaveLength(20);
    // Random choice per message: both clients get some (all 20 to one client has probability 2^-19).
    expect(byClient[0]!.length).toBeGreaterThan(0);
    expect(byClient[1]!.length).toBeGreaterThan(0);
  });

  it('a click whose connection drops before the ACK is re-pushed after the SDK reconnects', async () => {
    sim = await startSim({ longConnection: FAST });
    const messageId = await sendCard(sdkClient(sim), U.cadre, simpleCard('待签收'));
    const ids: string[] = [];
    let droppedAt = 0;
    connect({
      'card.action.trigger': async (d) => {
        ids.push(d.event_id);
        if (ids.length === 1) {
          // The connection goes while this handler runs; its ACK has no socket to go to.
          droppedAt = Date.now();
          sim.longConnection.drop({ refuseMs: 300 });
          await new Promise((r) => setTimeout(r, 100));
        }
        return answer;
      },
    });
    await connected();
    const r = await sim.click({ messageId, operatorOpenId: U.cadre, value: { action: 'ack' } });
    expect(r).toMatchObject({ httpStatus: 200, cardReplaced: true, toast: { content: '已签收' } });
    expect(ids).toEqual([r.eventId, r.eventId]);
    const push = sim.longConnection.pushes().find((p) => p.eventId === r.eventId);
    expect(push?.attempts.map((a) => a.outcome)).toEqual(['dropped', 'ack']);
    const [first, second] = sim.longConnection.clients();
    expect(first?.closedBy).toBe('simulator');
    expect(second?.connectedAt).toBeGreaterThanOrEqual(droppedAt + 300);
    figures.protocolReconnectAfter300msRefusalMs = (second?.connectedAt ?? 0) - droppedAt;
    figures.protocolClickThroughDropMs = r.elapsedMs;
  });

  it('refuses a wrong app secret at endpoint discovery (514), which the SDK reports as fatal', async () => {
    sim = await startSim({ longConnection: FAST });
    const { errors } = connect({}, 'wrong-secret');
    await eventually('onError', () => errors[0]);
    expect(errors[0]?.message).toContain('code=514');
    expect(sim.longConnection.connectedCount()).toBe(0);
    expect(sim.longConnection.active()).toBe(false);
  });
});

const ASSIGNEE = 'p-xiaojie-v1-secretary';

interface WsStack {
  db: TestDatabase;
  sim: LarkSim;
  system: RunningSystem;
  taskQueue: string;
  stop(): Promise<void>;
}

/** The test stack of test/support/stack.ts with LARK_EVENT_MODE=ws and no callback URLs at the simulator. */
async function startWsStack(): Promise<WsStack> {
  installQuietRuntime();
  const db = await createTestDatabase();
  await seedDemoOrg(db.db);
  const directory = demoLarkDirectory();
  const sim = await startLarkSim({
    app: { ...TEST_APP, name: '督办助手' },
    users: directory.users,
    departments: directory.departments,
    longConnection: FAST,
  });
  const taskQueue = `duban-test-${randomUUID()}`;
  const system = await startSystem({
    db: db.db,
    temporal: {
      address: inject('temporalAddress'),
      namespace: 'default',
      taskQueue,
      workflowBundlePath: inject('workflowBundlePath'),
    },
    lark: { ...TEST_APP, domain: sim.url, eventMode: 'ws' },
    http: { host: '127.0.0.1', botPort: 0 },
    logger: createLogger('test', 'silent'),
  });
  await eventually('the bot on the long connection', () => sim.longConnection.connectedCount() === 1 || undefined);
  return {
    db,
    sim,
    system,
    taskQueue,
    async stop() {
      await system.stop();
      await sim.close();
      await db.drop();
    },
  };
}

async function signedCount(db: TestDatabase, itemId: string): Promise<number> {
  return (await listEvents(db.db, itemId)).filter((e) => e.type === 'signed').length;
}

describe('Duban over the long connection (real SDK WSClient, simulator, Temporal dev server)', () => {
  let stack: WsStack;
  beforeAll(async () => {
    stack = await startWsStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  async function newItemCard() {
    const spec = liveSpec();
    const r = await startItem(stack.system.client, stack.taskQueue, spec);
    expect(r.started).toBe(true);
    const card = await eventually(`the card of ${spec.id}`, () =>
      cardsOf(stack.sim, ASSIGNEE).find((m) => JSON.stringify(m.card).includes(spec.id)),
    );
    return { spec, card };
  }

  it("a cadre's 签收 acts once and the clicker's card shows the new state", async () => {
    const { sim } = stack;
    const latencies: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { spec, card } = await newItemCard();
      const sign = await clickButton(sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(7) });
      expect(sign.errorCode).toBeUndefined();
      expect(sign).toMatchObject({ httpStatus: 200, cardReplaced: true, toast: { content: '签收成功' } });
      expect(sim.message(card.messageId)?.content).toContain('办理中');
      expect(await signedCount(stack.db, spec.id)).toBe(1);
      const push = sim.longConnection.pushes().find((p) => p.eventId === sign.eventId);
      expect(push).toMatchObject({ eventType: 'card.action.trigger', acked: true });
      latencies.push(sign.elapsedMs);
    }
    figures.wsClickLatencyMs = latencies;
  });

  it('a chat message 我的待办 over the long connection gets its reply', async () => {
    const { sim } = stack;
    await newItemCard();
    const sent = await sim.sendText({ fromOpenId: openIdOf(ASSIGNEE), text: '我的待办' });
    expect(sent.delivered).toBe(true);
    expect(sent.attempts.map((a) => a.status)).toEqual([200]);
    const replies = await eventually('the reply', () => {
      const r = sim
        .messages({ chatId: sent.chatId })
        .filter((m) => m.sender.type === 'app' && m.parentId === sent.messageId);
      return r.length > 0 ? r : undefined;
    });
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.card)).toContain('我的待办（');
  });

  it('the simulator drops the connection while clicks arrive: the SDK reconnects, every click acts exactly once', async () => {
    const { sim } = stack;
    const items: Awaited<ReturnType<typeof newItemCard>>[] = [];
    for (let i = 0; i < 6; i += 1) items.push(await newItemCard());
    const before = sim.longConnection.clients().length;
    const click = (i: number) =>
      clickButton(sim, items[i]!.card, ASSIGNEE, '签收', { committed_date: dateFromToday(7) });

    // Three clicks go out; the moment one is on the wire without its ACK, the connection goes for a second.
    const first = [0, 1, 2].map(click);
    const inFlight = await eventually('a click on the wire', () =>
      sim.longConnection
        .pushes()
        .find((p) => p.eventType === 'card.action.trigger' && p.pending && p.acks === 0 && p.attempts.length === 0),
    );
    const droppedAt = Date.now();
    expect(sim.longConnection.drop({ refuseMs: 1000 })).toBe(1);
    // Three more arrive while no client is connected: they wait for the next connection.
    const second = [3, 4, 5].map(click);
    const results = await Promise.all([...first, ...second]);

    const ids = new Set(results.map((r) => r.eventId));
    await eventually(
      'every push settled',
      () =>
        sim.longConnection
          .pushes()
          .filter((p) => ids.has(p.eventId))
          .every((p) => !p.pending) || undefined,
    );
    const pushes = sim.longConnection.pushes().filter((p) => ids.has(p.eventId));
    expect(pushes).toHaveLength(6);
    expect(pushes.every((p) => p.acked)).toBe(true);
    // The click that was on the wire lost its connection and was pushed again (none lost) ...
    const rePushed = pushes.find((p) => p.eventId === inFlight.eventId);
    expect(rePushed?.attempts[0]?.outcome).toBe('dropped');
    // ... and each item was signed exactly once (none doubled: the event id is the Temporal Update id).
    for (const { spec, card } of items) {
      expect(await signedCount(stack.db, spec.id)).toBe(1);
      await eventually(
        `card ${card.messageId} shows 办理中`,
        () => sim.message(card.messageId)?.content.includes('办理中') || undefined,
      );
    }
    const reconnected = sim.longConnection.clients()[before];
    expect(reconnected).toBeDefined();
    figures.reconnectAfter1sRefusalMs = (reconnected?.connectedAt ?? 0) - droppedAt;
    figures.clicksAnsweredWithinBudget = results.filter((r) => r.errorCode === undefined).length;
    figures.clickLatencyAcrossDropMs = results.map((r) => r.elapsedMs);
    figures.acksForDroppedClick = rePushed?.acks;

    // A plain drop (discovery answering at once): how long the bot is away.
    const count = sim.longConnection.clients().length;
    const t0 = Date.now();
    sim.longConnection.drop();
    const back = await eventually('reconnected', () => sim.longConnection.clients()[count]);
    figures.reconnectMs = back.connectedAt - t0;
  });
});

describe('the same click over the webhook, for comparison', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('signs three items over HTTP', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const spec = liveSpec();
      await stack.startItem(spec);
      const card = await eventually(`the card of ${spec.id}`, () =>
        cardsOf(stack.sim, ASSIGNEE).find((m) => JSON.stringify(m.card).includes(spec.id)),
      );
      const sign = await clickButton(stack.sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(7) });
      expect(sign).toMatchObject({ httpStatus: 200, toast: { content: '签收成功' } });
      expect(stack.sim.longConnection.active()).toBe(false);
      latencies.push(sign.elapsedMs);
    }
    figures.webhookClickLatencyMs = latencies;
  });
});
