import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_CALLBACK_PATH, createBotServer, EVENT_CALLBACK_PATH } from '../../../app/bot-server.js';
import { demoOpenId } from '../../../app/demo/county.js';
import { demoLarkDirectory, seedDemoOrg } from '../../../app/demo/seed.js';
import type { CardClick } from '../../../bot/webhook/card-router.js';
import { toast } from '../../../bot/webhook/toast.js';
import { encrypt, type LarkSim, sign, startLarkSim } from '../../../larksim/index.js';
import { createLogger } from '../../../platform/logger.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { sendCard, silentLogger } from '../../support/larksim-fixtures.js';
import { TEST_APP } from '../../support/test-app.js';

/**
 * Issue 11: requests Lark would never send reach the real bot server (Hono, the SDK's dispatcher behind it) from
 * the simulator. Each gets a 4xx, none a 5xx, and nothing is acted on: the feature route and the chat handler see
 * only the genuine deliveries that bracket the hostile ones.
 */
const PERSON = 'p-ducha-staff';

let db: TestDatabase;
let sim: LarkSim;
let server: Server;
let botUrl: string;
let client: lark.Client;
const clicks: CardClick[] = [];
const messages: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
  const directory = demoLarkDirectory();
  sim = await startLarkSim({ app: { ...TEST_APP, name: '督办助手' }, ...directory });
  server = createBotServer({
    db: db.db,
    // Never reached: the probe route below answers every click; a lazy connection dials only when used.
    temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
    lark: TEST_APP,
    logger: createLogger('test', 'silent'),
    cardRoutes: {
      probe: async (click) => {
        clicks.push(click);
        return toast('success', '已收到', 'Received');
      },
    },
    onMessage: async (data) => {
      messages.push(data);
      return {};
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sim.setCallbackUrls({ card: botUrl + CARD_CALLBACK_PATH, event: botUrl + EVENT_CALLBACK_PATH });
  client = new lark.Client({
    appId: TEST_APP.appId,
    appSecret: TEST_APP.appSecret,
    domain: sim.url,
    cache: new lark.DefaultCache(),
    logger: silentLogger,
  });
});

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (sim) await sim.close();
  if (db) await db.drop();
});

/** A card.action.trigger envelope as Lark builds it; `header` overrides parts of the header. */
function cardEnvelope(header: Record<string, unknown> = {}) {
  return {
    schema: '2.0',
    header: {
      event_id: `ev${Date.now()}${Math.random().toString(16).slice(2)}`,
      token: TEST_APP.verificationToken,
      create_time: String(Date.now() * 1000),
      event_type: 'card.action.trigger',
      tenant_key: 'tenant',
      app_id: TEST_APP.appId,
      ...header,
    },
    event: {
      operator: { open_id: demoOpenId(PERSON), tenant_key: 'tenant' },
      token: 'c-0123456789abcdef',
      action: { value: { kind: 'probe' }, tag: 'button', timezone: 'Asia/Shanghai' },
      host: 'im_message',
      context: { open_message_id: 'om_0', open_chat_id: 'oc_0' },
    },
  };
}

/** Signed with our Encrypt Key over exactly these bytes, as Lark signs: the signature alone is not the problem. */
function signed(body: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Lark-Request-Timestamp': ts,
    'X-Lark-Request-Nonce': '1234',
    'X-Lark-Signature': sign(ts, '1234', TEST_APP.encryptKey, body),
  };
}

/** Encrypted with our key and signed, around any plaintext (not necessarily an envelope). */
function sealedPlaintext(plaintext: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ encrypt: encrypt(TEST_APP.encryptKey, plaintext) });
  return { body, headers: signed(body) };
}

async function genuineClick(): Promise<void> {
  const id = await sendCard(client, demoOpenId(PERSON), {
    schema: '2.0',
    body: {
      elements: [
        {
          tag: 'button',
          text: { tag: 'plain_text', content: '确认' },
          behaviors: [{ type: 'callback', value: { kind: 'probe' } }],
        },
      ],
    },
  });
  const r = await sim.click({ messageId: id, operatorOpenId: demoOpenId(PERSON), value: { kind: 'probe' } });
  expect(r.httpStatus).toBe(200);
  expect(r.toast?.content).toBe('已收到');
}

async function genuineMessage(): Promise<void> {
  const r = await sim.sendText({ fromOpenId: demoOpenId(PERSON), text: '帮助' });
  expect(r.delivered).toBe(true);
}

/** Posts a hostile request to both endpoints; each must be refused with a 4xx and the given message. */
async function refusedEverywhere(
  request: { body: string; headers: Record<string, string> },
  expected: { status: number; msg: string },
): Promise<void> {
  for (const path of [CARD_CALLBACK_PATH, EVENT_CALLBACK_PATH]) {
    const r = await sim.postRaw(botUrl + path, request.body, request.headers);
    expect({ path, status: r.status, body: JSON.parse(r.body) as unknown }).toEqual({
      path,
      status: expected.status,
      body: { code: expected.status, msg: expected.msg },
    });
  }
}

describe('hostile webhook requests are refused with a 4xx and acted on by nothing', () => {
  it('genuine deliveries reach the handlers (the control for every refusal below)', async () => {
    await genuineClick();
    await genuineMessage();
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.actor.id).toBe(PERSON);
    expect(messages).toHaveLength(1);
  });

  it('refuses a signed but unencrypted body, since an Encrypt Key is set (3)', async () => {
    const before = [clicks.length, messages.length];
    const body = JSON.stringify(cardEnvelope());
    await refusedEverywhere({ body, headers: signed(body) }, { status: 400, msg: 'body is not encrypted' });
    const challenge = JSON.stringify({ type: 'url_verification', challenge: 'x', token: TEST_APP.verificationToken });
    await refusedEverywhere(
      { body: challenge, headers: signed(challenge) },
      { status: 400, msg: 'body is not encrypted' },
    );
    expect([clicks.length, messages.length]).toEqual(before);
  });

  it('refuses a wrong verification token and a foreign app_id inside a sealed envelope (4)', async () => {
    const before = [clicks.length, messages.length];
    await refusedEverywhere(sim.buildCallback(cardEnvelope({ token: 'not-our-token' })), {
      status: 401,
      msg: 'verification token mismatch',
    });
    const { token: _dropped, ...noToken } = cardEnvelope().header;
    await refusedEverywhere(sim.buildCallback({ ...cardEnvelope(), header: noToken }), {
      status: 401,
      msg: 'verification token mismatch',
    });
    await refusedEverywhere(sim.buildCallback(cardEnvelope({ app_id: 'cli_someoneelse00000' })), {
      status: 403,
      msg: 'event is for another app',
    });
    // A legacy-shaped body with our token at the top but no schema 2.0 header is not an envelope we serve.
    const { header: _h, ...headless } = cardEnvelope();
    await refusedEverywhere(sim.buildCallback({ ...headless, token: TEST_APP.verificationToken }), {
      status: 400,
      msg: 'not a schema 2.0 envelope',
    });
    expect([clicks.length, messages.length]).toEqual(before);
  });

  it('answers 400, never 500, to null, non-object and invalid JSON, plain or sealed (5)', async () => {
    const before = [clicks.length, messages.length];
    for (const text of ['null', '[]', '"text"', '42', 'true', '{', '']) {
      await refusedEverywhere({ body: text, headers: signed(text) }, { status: 400, msg: 'body is not a JSON object' });
      await refusedEverywhere(sealedPlaintext(text), { status: 400, msg: 'encrypted body is not a JSON object' });
    }
    expect([clicks.length, messages.length]).toEqual(before);
  });

  it('answers 400 to a correctly signed body whose bytes are not UTF-8 (signed over the raw bytes)', async () => {
    const before = [clicks.length, messages.length];
    // A lone 0xff inside the JSON string: decoding it leniently would turn it into U+FFFD and parse.
    const raw = Buffer.concat([Buffer.from('{"encrypt":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = createHash('sha256').update(`${ts}1234${TEST_APP.encryptKey}`).update(raw).digest('hex');
    for (const path of [CARD_CALLBACK_PATH, EVENT_CALLBACK_PATH]) {
      const r = await fetch(botUrl + path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'X-Lark-Request-Timestamp': ts,
          'X-Lark-Request-Nonce': '1234',
          'X-Lark-Signature': signature,
        },
        body: raw,
      });
      expect({ path, status: r.status, body: (await r.json()) as unknown }).toEqual({
        path,
        status: 400,
        body: { code: 400, msg: 'body is not UTF-8' },
      });
    }
    expect([clicks.length, messages.length]).toEqual(before);
  });

  it('still refuses unsigned and badly signed envelopes with 401', async () => {
    const before = [clicks.length, messages.length];
    const sealed = sim.buildCallback(cardEnvelope());
    await refusedEverywhere(
      { body: sealed.body, headers: { 'Content-Type': 'application/json' } },
      { status: 401, msg: 'missing signature headers' },
    );
    await refusedEverywhere(
      { body: sealed.body, headers: { ...sealed.headers, 'x-lark-signature': '0'.repeat(64) } },
      { status: 401, msg: 'bad signature' },
    );
    expect([clicks.length, messages.length]).toEqual(before);
  });

  it('genuine deliveries still work after all of that', async () => {
    await genuineClick();
    await genuineMessage();
    expect(clicks).toHaveLength(2);
    expect(messages).toHaveLength(2);
  });
});
