import type * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { LarkSim } from '../../../larksim/index.js';
import {
  CADRES,
  larkError,
  sdkClient,
  sendCard,
  simpleCard,
  startSim,
  TOWN_CHAT,
  U,
} from '../../support/larksim-fixtures.js';

interface HttpError {
  response?: { status: number; data: unknown; headers: Record<string, string> };
}

let sim: LarkSim;
let client: lark.Client;

async function start(now?: () => number): Promise<void> {
  sim = await startSim(now ? { now } : {});
  client = sdkClient(sim);
  // Fetch the token once: the SDK has no single-flight, parallel first calls would each ask for one.
  await client.contact.user.get({ path: { user_id: U.cadre } });
}

afterEach(async () => {
  await sim.close();
});

const sendText = (receiveId: string, text: string, type: 'open_id' | 'chat_id' = 'open_id') =>
  client.im.message.create({
    params: { receive_id_type: type },
    data: { receive_id: receiveId, msg_type: 'text', content: JSON.stringify({ text }) },
  });

describe('app-level limits (tier 4: 50/s, 1000/min per API)', () => {
  // A frozen clock puts every request in the same instant, so the counts are exact whatever the machine's speed.
  const frozen = () => Date.parse('2024-06-03T09:00:00+08:00');

  it('answers the 51st send within a second with HTTP 429, 99991400 and x-ogw-ratelimit headers', async () => {
    await start(frozen);
    const targets = Array.from({ length: 60 }, (_, i) => CADRES[i % CADRES.length] ?? U.cadre);
    const results = await Promise.allSettled(targets.map((openId, i) => sendText(openId, `第${i + 1}条`)));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as HttpError] : []));
    expect(refused).toHaveLength(10);
    for (const e of refused) {
      expect(e.response?.status).toBe(429);
      expect(e.response?.data).toMatchObject({ code: 99991400 });
      expect(e.response?.headers['x-ogw-ratelimit-limit']).toBe('50');
      expect(Number(e.response?.headers['x-ogw-ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    }
    const violations = sim.rateLimitViolations();
    expect(violations).toHaveLength(refused.length);
    expect(violations.every((v) => v.httpStatus === 429 && v.code === 99991400 && v.scope === 'app-qps')).toBe(true);
    expect(sim.messages()).toHaveLength(60 - refused.length);
    expect(sim.requests({ path: '/open-apis/im/v1/messages' }).filter((r) => r.status === 429)).toHaveLength(
      refused.length,
    );
  });

  it('caps an API at 1000 requests per minute even when each second stays under 50', async () => {
    let clock = Date.parse('2024-06-03T09:00:00+08:00');
    await start(() => clock);
    for (let i = 0; i < 999; i += 1) {
      clock += 40;
      await client.contact.user.get({ path: { user_id: U.cadre } });
    }
    clock += 40;
    const refused = await larkError(client.contact.user.get({ path: { user_id: U.cadre } }));
    expect(refused.status).toBe(429);
    expect(refused.headers['x-ogw-ratelimit-limit']).toBe('1000');
    expect(Number(refused.headers['x-ogw-ratelimit-reset'])).toBeGreaterThan(1);
    expect(sim.rateLimitViolations()).toEqual([expect.objectContaining({ scope: 'app-qpm', httpStatus: 429 })]);
    clock += 60_000;
    expect((await client.contact.user.get({ path: { user_id: U.cadre } })).code).toBe(0);
  }, 30_000);
});

describe('messaging limits (5 QPS per user, per chat, per card)', () => {
  it('refuses the 6th send to one user within a second with 230020', async () => {
    let clock = Date.parse('2024-06-03T09:00:00+08:00');
    await start(() => clock);
    for (let i = 0; i < 5; i += 1) expect((await sendText(U.cadre, `提醒${i}`)).code).toBe(0);
    const sixth = await larkError(sendText(U.cadre, '第六条'));
    expect(sixth).toMatchObject({ status: 400, code: 230020 });
    expect(sim.rateLimitViolations()).toEqual([
      expect.objectContaining({ scope: 'recipient', key: U.cadre, httpStatus: 400, code: 230020 }),
    ]);
    expect((await sendText(U.villageLeader, '别人不受影响')).code).toBe(0);
    clock += 1000;
    expect((await sendText(U.cadre, '一秒后可以再发')).code).toBe(0);
  });

  it('refuses the 6th send to one group chat and the 6th update of one card within a second', async () => {
    await start(() => Date.parse('2024-06-03T09:00:00+08:00'));
    for (let i = 0; i < 5; i += 1) expect((await sendText(TOWN_CHAT, `群消息${i}`, 'chat_id')).code).toBe(0);
    expect((await larkError(sendText(TOWN_CHAT, '超限', 'chat_id'))).code).toBe(230020);

    const id = await sendCard(client, U.villageLeader, simpleCard('卡片'));
    const patch = (n: number) =>
      client.im.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(simpleCard(`v${n}`)) } });
    for (let i = 0; i < 5; i += 1) expect((await patch(i)).code).toBe(0);
    expect((await larkError(patch(6))).code).toBe(230020);
    expect(sim.rateLimitViolations().map((v) => [v.scope, v.httpStatus, v.code])).toEqual([
      ['chat', 400, 230020],
      ['message-patch', 400, 230020],
    ]);
  });
});

describe('injected faults', () => {
  it('serves 429 with a reset header, 500 and slowness the given number of times', async () => {
    await start();
    sim.injectFault({ path: /^\/open-apis\/im\/v1\/messages$/, kind: 'http429', times: 1, resetSeconds: 7 });
    const throttled = await larkError(sendText(U.cadre, '一'));
    expect(throttled).toMatchObject({ status: 429, code: 99991400 });
    expect(throttled.headers['x-ogw-ratelimit-reset']).toBe('7');
    expect((await sendText(U.cadre, '二')).code).toBe(0);

    sim.injectFault({ path: /\/im\/v1\/messages$/, kind: 'http500', times: 2 });
    expect((await larkError(sendText(U.cadre, '三'))).status).toBe(500);
    expect((await larkError(sendText(U.cadre, '四'))).status).toBe(500);

    sim.injectFault({ path: /\/im\/v1\/messages$/, kind: 'slow', times: 1, delayMs: 300 });
    const started = performance.now();
    expect((await sendText(U.cadre, '五')).code).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);

    const log = sim.requests({ path: '/open-apis/im/v1/messages' });
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [429, 'http429'],
      [200, undefined],
      [500, 'http500'],
      [500, 'http500'],
      [200, 'slow'],
    ]);
    expect(sim.messages().map((m) => JSON.parse(m.content).text)).toEqual(['二', '五']);
    expect(sim.rateLimitViolations()).toEqual([]);
  });
});
