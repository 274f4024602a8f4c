import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decrypt, encrypt, type LarkSim, sign } from '../../../larksim/index.js';
import {
  APP,
  dispatcher,
  type Receiver,
  sdkClient,
  sendCard,
  silentLogger,
  simpleCard,
  startReceiver,
  startSim,
  TOWN_CHAT,
  U,
} from '../../support/larksim-fixtures.js';

interface CardAction {
  event_id: string;
  event_type: string;
  create_time: string;
  token: string;
  operator: { open_id: string; union_id: string; tenant_key: string };
  action: { value: Record<string, unknown>; tag: string; timezone: string; name?: string; form_value?: unknown };
  host: string;
  context: { open_message_id: string; open_chat_id: string };
}

interface MessageEvent {
  event_id: string;
  sender: { sender_id: { open_id: string } };
  message: {
    message_id: string;
    chat_type: string;
    content: string;
    mentions?: { key: string; id: { open_id: string } }[];
  };
}

const doneCard = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '已签收' }] } };

let sim: LarkSim;
let client: lark.Client;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  sim = await startSim({ eventRetryDelaysMs: [50, 100] });
  client = sdkClient(sim);
});
afterEach(async () => {
  await sim.close();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function cardReceiver(handler: (data: CardAction) => unknown): Promise<Receiver> {
  const receiver = await startReceiver(
    '/lark/card',
    dispatcher().register({ 'card.action.trigger': async (data: CardAction) => handler(data) }),
  );
  closers.push(receiver.close);
  sim.setCallbackUrls({ card: receiver.url });
  return receiver;
}

/** A plain HTTP endpoint for answers the SDK would never give (errors, garbage). */
async function rawServer(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('crypto', () => {
  it('matches Lark’s test vector and the SDK’s AESCipher', () => {
    expect(decrypt('test key', 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=')).toBe('hello world');
    const sealed = encrypt(APP.encryptKey, '{"a":"督办"}');
    expect(new lark.AESCipher(APP.encryptKey).decrypt(sealed)).toBe('{"a":"督办"}');
    expect(sign('1', '2', 'k', 'body')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('card callbacks', () => {
  it('delivers a signed, encrypted card.action.trigger the SDK accepts; the answer replaces the card', async () => {
    const seen: CardAction[] = [];
    await cardReceiver((data) => {
      seen.push(data);
      return { toast: { type: 'success', content: '已签收' }, card: { type: 'raw', data: doneCard } };
    });
    const id = await sendCard(client, U.cadre, simpleCard('请签收'));
    const result = await sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' }, name: 'ack' });

    expect(result).toMatchObject({
      httpStatus: 200,
      cardReplaced: true,
      toast: { type: 'success', content: '已签收' },
    });
    expect(result.errorCode).toBeUndefined();
    expect(seen).toHaveLength(1);
    const data = seen[0] as CardAction;
    expect(data.event_id).toBe(result.eventId);
    expect(data.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(data.event_type).toBe('card.action.trigger');
    expect(data.create_time).toMatch(/^\d{16}$/);
    expect(data.token).toMatch(/^c-/);
    expect(data.operator).toMatchObject({ open_id: U.cadre });
    expect(data.operator.union_id).toMatch(/^on_/);
    expect(data.action).toMatchObject({
      value: { action: 'ack' },
      tag: 'button',
      timezone: 'Asia/Shanghai',
      name: 'ack',
    });
    expect(data.host).toBe('im_message');
    expect(data.context).toEqual({ open_message_id: id, open_chat_id: sim.p2pChatId(U.cadre) });

    const msg = sim.message(id);
    expect(msg?.card).toEqual(doneCard);
    expect(msg?.updatedCount).toBe(1);
    expect(msg?.lastToast).toEqual({ type: 'success', content: '已签收' });
  });

  it('is also accepted by the SDK’s CardActionHandler', async () => {
    const handler = new lark.CardActionHandler(
      { encryptKey: APP.encryptKey, verificationToken: APP.verificationToken, logger: silentLogger },
      async (data: CardAction) => ({ toast: { type: 'info', content: `收到 ${String(data.action.value.action)}` } }),
    );
    const receiver = await startReceiver('/lark/card-handler', handler);
    closers.push(receiver.close);
    sim.setCallbackUrls({ card: receiver.url });
    const id = await sendCard(client, U.cadre, simpleCard('旧式处理器'));
    const result = await sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' } });
    expect(result.toast).toEqual({ type: 'info', content: '收到 ack' });
  });

  it('sends date pickers in Lark’s format inside form_value', async () => {
    let formValue: unknown;
    await cardReceiver((data) => {
      formValue = data.action.form_value;
      return {};
    });
    const card = {
      schema: '2.0',
      body: {
        elements: [
          {
            tag: 'form',
            name: 'sign',
            elements: [
              { tag: 'date_picker', name: 'due' },
              { tag: 'input', name: 'note' },
              {
                tag: 'button',
                name: 'submit',
                text: { tag: 'plain_text', content: '提交' },
                form_action_type: 'submit',
              },
            ],
          },
        ],
      },
    };
    const id = await sendCard(client, U.cadre, card);
    const result = await sim.click({
      messageId: id,
      operatorOpenId: U.cadre,
      value: { action: 'sign' },
      name: 'submit',
      formValue: { due: '2025-06-10', note: '本周完成' },
    });
    expect(result.errorCode).toBeUndefined();
    expect(result.cardReplaced).toBe(false);
    expect(formValue).toEqual({ due: '2025-06-10 +0800', note: '本周完成' });
  });

  it('gives up after 3 s with 200341 when the receiver is slow', async () => {
    await cardReceiver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3500));
      return { toast: { type: 'success', content: '太晚了' } };
    });
    const id = await sendCard(client, U.cadre, simpleCard('慢'));
    const result = await sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' } });
    expect(result.errorCode).toBe(200341);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(2990);
    expect(result.elapsedMs).toBeLessThan(3400);
    expect(sim.message(id)?.lastToast).toBeUndefined();
  }, 10_000);

  it('is rejected by the SDK when the signature is tampered with (handler never runs)', async () => {
    let calls = 0;
    const receiver = await cardReceiver(() => {
      calls += 1;
      return { toast: { type: 'success', content: 'x' } };
    });
    const envelope = {
      schema: '2.0',
      header: { event_id: 'e'.repeat(32), event_type: 'card.action.trigger', token: APP.verificationToken },
      event: { action: { value: { action: 'ack' } } },
    };
    const good = sim.buildCallback(envelope);
    expect((await sim.postRaw(receiver.url, good.body, good.headers)).status).toBe(200);
    expect(calls).toBe(1);
    const tampered = { ...good.headers, 'x-lark-signature': '0'.repeat(64) };
    const answer = await sim.postRaw(receiver.url, good.body, tampered);
    expect(answer).toEqual({ status: 200, body: '' });
    // Correctly signed over a pretty-printed body: the SDK re-serializes the parsed body, so it still refuses.
    const pretty = JSON.stringify(JSON.parse(good.body), null, 2);
    const ts = good.headers['x-lark-request-timestamp'];
    const nonce = good.headers['x-lark-request-nonce'];
    await sim.postRaw(receiver.url, pretty, {
      ...good.headers,
      'x-lark-signature': sign(ts, nonce, APP.encryptKey, pretty),
    });
    expect(calls).toBe(1);
  });

  it('maps bad answers to 200671 / 200672 / 200673 / 200830 and a missing URL to 200340', async () => {
    const id = await sendCard(client, U.cadre, simpleCard('错误处理'));
    const click = () => sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' } });
    expect((await click()).errorCode).toBe(200340);

    const answers: [number, string][] = [
      [500, '{}'],
      [200, 'not json'],
      [200, JSON.stringify({ card: { type: 'raw', data: { schema: '2.0', elements: [] } } })],
      [200, JSON.stringify({ card: { type: 'raw', data: { elements: [{ tag: 'markdown', content: '1.0' }] } } })],
      [200, ''],
    ];
    let next = 0;
    const url = await rawServer((_req, res) => {
      const [status, body] = answers[next++] ?? [200, ''];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
    sim.setCallbackUrls({ card: url });
    const codes = [];
    for (let i = 0; i < answers.length; i += 1) codes.push((await click()).errorCode);
    expect(codes).toEqual([200671, 200672, 200673, 200830, undefined]);
    expect(sim.message(id)?.updatedCount).toBe(0);
  });

  it('redelivers the same bytes with the same event_id', async () => {
    const ids: string[] = [];
    await cardReceiver((data) => {
      ids.push(data.event_id);
      return {};
    });
    const id = await sendCard(client, U.cadre, simpleCard('重复'));
    const first = await sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' } });
    const again = await sim.redeliverLastCallback();
    expect(again.eventId).toBe(first.eventId);
    expect(ids).toEqual([first.eventId, first.eventId]);
  });

  it('accepts the delayed update with the callback token twice, then refuses it', async () => {
    let token = '';
    await cardReceiver((data) => {
      token = data.token;
      return {};
    });
    const id = await sendCard(client, U.cadre, simpleCard('延迟更新'));
    await sim.click({ messageId: id, operatorOpenId: U.cadre, value: { action: 'ack' } });
    const update = (text: string) =>
      client.request({
        method: 'POST',
        url: '/open-apis/interactive/v1/card/update',
        data: { token, card: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: text }] } } },
      });
    await update('第一次');
    await update('第二次');
    expect(sim.message(id)?.content).toContain('第二次');
    await expect(update('第三次')).rejects.toThrow();
    expect(sim.message(id)?.updatedCount).toBe(2);
  });

  it('refuses clicks by someone who cannot see the card', async () => {
    const id = await sendCard(client, U.cadre, simpleCard('私聊卡片'));
    await expect(sim.click({ messageId: id, operatorOpenId: U.townLeader, value: {} })).rejects.toThrow(/cannot see/);
  });
});

describe('events', () => {
  async function eventReceiver(seen: MessageEvent[]): Promise<Receiver> {
    const receiver = await startReceiver(
      '/lark/event',
      dispatcher().register({
        'im.message.receive_v1': async (data) => {
          seen.push(data as unknown as MessageEvent);
        },
      }),
    );
    closers.push(receiver.close);
    sim.setCallbackUrls({ event: receiver.url });
    return receiver;
  }

  it('pushes im.message.receive_v1 for a p2p text, and for a group only when @bot', async () => {
    const seen: MessageEvent[] = [];
    await eventReceiver(seen);
    const p2p = await sim.sendText({ fromOpenId: U.cadre, text: '我的待办' });
    expect(p2p).toMatchObject({ pushed: true, delivered: true, chatId: sim.p2pChatId(U.cadre) });
    expect(p2p.attempts).toHaveLength(1);
    expect(seen[0]?.event_id).toBe(p2p.eventId);
    expect(seen[0]?.sender.sender_id.open_id).toBe(U.cadre);
    expect(seen[0]?.message).toMatchObject({
      message_id: p2p.messageId,
      chat_type: 'p2p',
      content: JSON.stringify({ text: '我的待办' }),
    });

    const quiet = await sim.sendText({ fromOpenId: U.townLeader, chatId: TOWN_CHAT, text: '大家好' });
    expect(quiet.pushed).toBe(false);
    const atBot = await sim.sendText({
      fromOpenId: U.townLeader,
      chatId: TOWN_CHAT,
      text: '进度汇总',
      mentionBot: true,
    });
    expect(atBot.delivered).toBe(true);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.message.chat_type).toBe('group');
    expect(seen[1]?.message.content).toBe(JSON.stringify({ text: '@_user_1 进度汇总' }));
    expect(seen[1]?.message.mentions?.[0]).toMatchObject({ key: '@_user_1' });
    expect(sim.messages({ chatId: TOWN_CHAT })).toHaveLength(2);
  });

  it('retries after a 500 with the same event_id, and can send a deliberate duplicate', async () => {
    const seen: MessageEvent[] = [];
    const target = await eventReceiver(seen);
    let failures = 1;
    const url = await rawServer((req, res) => {
      if (failures > 0) {
        failures -= 1;
        req.resume();
        res.writeHead(500);
        res.end('boom');
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          ['x-lark-request-timestamp', 'x-lark-request-nonce', 'x-lark-signature'].map((h) => [
            h,
            String(req.headers[h]),
          ]),
        );
        sim.postRaw(target.url, Buffer.concat(chunks).toString(), headers).then(
          (r) => res.writeHead(r.status).end(r.body),
          () => res.writeHead(502).end(),
        );
      });
    });
    sim.setCallbackUrls({ event: url });
    const result = await sim.sendText({ fromOpenId: U.cadre, text: '重试' });
    expect(result.delivered).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(seen.map((e) => e.event_id)).toEqual([result.eventId]);

    sim.duplicateNextEvent();
    const dup = await sim.sendText({ fromOpenId: U.cadre, text: '重复推送' });
    expect(dup.attempts.map((a) => [a.status, a.duplicate])).toEqual([
      [200, false],
      [200, true],
    ]);
    expect(seen.slice(1).map((e) => e.event_id)).toEqual([dup.eventId, dup.eventId]);
    expect(sim.eventDeliveries().map((d) => d.eventId)).toEqual([result.eventId, dup.eventId]);
  });

  it('gives up after the configured retries when nobody answers', async () => {
    sim.setCallbackUrls({ event: 'http://127.0.0.1:9/nothing-here' });
    const result = await sim.sendText({ fromOpenId: U.cadre, text: '没人听' });
    expect(result.delivered).toBe(false);
    expect(result.attempts.map((a) => a.error)).toEqual(['connection', 'connection', 'connection']);
  });

  it('answers the url_verification challenge through the SDK’s autoChallenge', async () => {
    const receiver = await eventReceiver([]);
    await expect(sim.verifyUrl(receiver.url)).resolves.toMatchObject({ ok: true, status: 200 });
    const wrong = await rawServer((_req, res) => res.end('{"challenge":"nope"}'));
    await expect(sim.verifyUrl(wrong)).resolves.toMatchObject({ ok: false });
  });
});
