import type * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LarkSim } from '../../../larksim/index.js';
import {
  APP,
  larkError,
  sdkClient,
  sendCard,
  simpleCard,
  startSim,
  TOWN_CHAT,
  U,
} from '../../support/larksim-fixtures.js';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let sim: LarkSim;
let client: lark.Client;
let clock: number;

beforeEach(async () => {
  clock = Date.parse('2024-06-03T09:00:00+08:00');
  sim = await startSim({ now: () => clock });
  client = sdkClient(sim);
});
afterEach(async () => {
  await sim.close();
});

describe('tenant token and auth', () => {
  it('issues a deterministic t- token with top-level fields and the SDK uses it', async () => {
    const res = await fetch(`${sim.url}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ app_id: APP.appId, app_secret: APP.appSecret }),
    });
    const body = (await res.json()) as { code: number; tenant_access_token: string; expire: number; data?: unknown };
    expect(body.code).toBe(0);
    expect(body.tenant_access_token).toMatch(/^t-[0-9a-f]{40}$/);
    expect(body.expire).toBe(7200);
    expect(body.data).toBeUndefined();

    await sendCard(client, U.cadre, simpleCard('一'));
    await sendCard(client, U.cadre, simpleCard('二'));
    expect(sim.requests({ path: '/open-apis/auth/v3/tenant_access_token/internal' })).toHaveLength(2);

    const restarted = await startSim();
    try {
      const again = await fetch(`${restarted.url}/open-apis/auth/v3/tenant_access_token/internal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ app_id: APP.appId, app_secret: APP.appSecret }),
      });
      expect(((await again.json()) as { tenant_access_token: string }).tenant_access_token).toBe(
        body.tenant_access_token,
      );
    } finally {
      await restarted.close();
    }
  });

  it('refuses a wrong secret with 10014 and no token, so the SDK call fails', async () => {
    const res = await fetch(`${sim.url}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ app_id: APP.appId, app_secret: 'wrong' }),
    });
    const body = (await res.json()) as { code: number; tenant_access_token?: string };
    expect(body.code).toBe(10014);
    expect(body.tenant_access_token).toBeUndefined();
    await expect(sendCard(sdkClient(sim, 'wrong'), U.cadre, simpleCard('x'))).rejects.toThrow();
    expect(sim.messages()).toHaveLength(0);
  });

  it('answers 99991661 without a token and 99991663 with a foreign one', async () => {
    const url = `${sim.url}/open-apis/im/v1/messages?receive_id_type=open_id`;
    const none = await fetch(url, { method: 'POST', body: '{}' });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { code: number }).code).toBe(99991661);
    const bad = await fetch(url, { method: 'POST', body: '{}', headers: { authorization: 'Bearer t-deadbeef' } });
    expect(((await bad.json()) as { code: number }).code).toBe(99991663);
    expect(sim.requests({ path: '/open-apis/im/v1/messages' }).map((r) => r.code)).toEqual([99991661, 99991663]);
  });
});

describe('messages', () => {
  it('sends a card by open_id into the p2p chat with Lark response shape', async () => {
    const res = await client.im.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: U.cadre, msg_type: 'interactive', content: JSON.stringify(simpleCard('**请签收**')) },
    });
    expect(res.code).toBe(0);
    expect(res.msg).toBe('success');
    const data = res.data;
    expect(data?.message_id).toMatch(/^om_[0-9a-f]{32}$/);
    expect(data?.chat_id).toBe(sim.p2pChatId(U.cadre));
    expect(data?.create_time).toBe(String(clock));
    expect(data?.sender).toMatchObject({ id: APP.appId, id_type: 'app_id', sender_type: 'app' });
    const stored = sim.message(data?.message_id ?? '');
    expect(stored).toMatchObject({ receiverOpenId: U.cadre, msgType: 'interactive', deleted: false, readBy: [] });
    expect(stored?.card).toMatchObject({ schema: '2.0' });
  });

  it('dedups a repeated uuid within an hour: same message_id, one stored message', async () => {
    const first = await sendCard(client, U.cadre, simpleCard('一次'), 'item-42-notify-1');
    const second = await sendCard(client, U.cadre, simpleCard('两次'), 'item-42-notify-1');
    expect(second).toBe(first);
    expect(sim.messages({ receiverOpenId: U.cadre })).toHaveLength(1);
    expect(sim.message(first)?.content).toContain('一次');
    clock += 60 * 60 * 1000;
    const later = await sendCard(client, U.cadre, simpleCard('一小时后'), 'item-42-notify-1');
    expect(later).not.toBe(first);
    await expect(larkError(sendCard(client, U.cadre, simpleCard('x'), 'u'.repeat(51)))).resolves.toMatchObject({
      code: 99992402,
    });
  });

  it('validates card content like Lark (JSON, 2.0 root keys, 200 elements, <at> ids, 30 KB)', async () => {
    // The clock is frozen in these tests: move it so the 5-per-second recipient limit does not interfere.
    const send = (content: string) => {
      clock += 250;
      return larkError(
        client.im.message.create({
          params: { receive_id_type: 'open_id' },
          data: { receive_id: U.cadre, msg_type: 'interactive', content },
        }),
      );
    };
    expect((await send('{not json')).code).toBe(230099);
    expect((await send(JSON.stringify({ schema: '2.0', elements: [] }))).code).toBe(230099);
    const many = Array.from({ length: 201 }, () => ({ tag: 'hr' }));
    expect((await send(JSON.stringify({ schema: '2.0', body: { elements: many } }))).code).toBe(230099);
    expect((await send(JSON.stringify(simpleCard('<at id=ou_nobody></at> 请处理')))).code).toBe(230099);
    expect((await send(JSON.stringify(simpleCard('x'.repeat(31 * 1024))))).code).toBe(230025);
    const okCard = { schema: '2.0', body: { elements: Array.from({ length: 200 }, () => ({ tag: 'hr' })) } };
    clock += 1000;
    await expect(sendCard(client, U.cadre, okCard)).resolves.toMatch(/^om_/);
    await expect(sendCard(client, U.cadre, simpleCard(`<at id=${U.villageLeader}></at> 请处理`))).resolves.toMatch(
      /^om_/,
    );
  });

  it('converts <at> in text to @_user_N placeholders with mentions', async () => {
    const res = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: {
        receive_id: TOWN_CHAT,
        msg_type: 'text',
        content: JSON.stringify({ text: `<at user_id="${U.townLeader}">陈伟</at> 请关注` }),
      },
    });
    expect(res.data?.body?.content).toBe(JSON.stringify({ text: '@_user_1 请关注' }));
    expect(res.data?.mentions).toEqual([
      expect.objectContaining({ key: '@_user_1', id: U.townLeader, id_type: 'open_id', name: '陈伟' }),
    ]);
  });

  it('patches own cards (2.0 stays 2.0, ≤ 14 days) and records each attempt', async () => {
    const id = await sendCard(client, U.cadre, simpleCard('待签收'));
    clock += 1000;
    const res = await client.im.message.patch({
      path: { message_id: id },
      data: { content: JSON.stringify(simpleCard('已签收')) },
    });
    expect(res.code).toBe(0);
    const patched = sim.message(id);
    expect(patched?.content).toContain('已签收');
    expect(patched?.updatedCount).toBe(1);
    expect(patched?.updateTime).toBeGreaterThan(patched?.createTime ?? Number.POSITIVE_INFINITY);

    const legacy = { config: { update_multi: true }, elements: [{ tag: 'markdown', content: '1.0' }] };
    const downgrade = await larkError(
      client.im.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(legacy) } }),
    );
    expect(downgrade.code).toBe(230099);

    clock += 15 * 24 * 60 * 60 * 1000;
    const old = await larkError(
      client.im.message.patch({ path: { message_id: id }, data: { content: JSON.stringify(simpleCard('晚了')) } }),
    );
    expect(old.code).toBe(230031);
    expect(
      sim
        .deliveries()
        .filter((d) => d.kind === 'patch')
        .map((d) => d.code),
    ).toEqual([0, 230099, 230031]);
  });

  it('replies in the same chat with parent and root ids', async () => {
    const parent = await sendCard(client, U.cadre, simpleCard('原消息'));
    const res = await client.im.message.reply({
      path: { message_id: parent },
      data: { msg_type: 'text', content: JSON.stringify({ text: '补充说明' }) },
    });
    expect(res.code).toBe(0);
    expect(res.data).toMatchObject({ parent_id: parent, root_id: parent, chat_id: sim.p2pChatId(U.cadre) });
    expect(sim.message(res.data?.message_id ?? '')).toMatchObject({ parentId: parent, receiverOpenId: U.cadre });
  });

  it('deletes (recalls) a message; a second delete is 230110', async () => {
    const id = await sendCard(client, U.cadre, simpleCard('撤回我'));
    expect((await client.im.message.delete({ path: { message_id: id } })).code).toBe(0);
    expect(sim.messages({ receiverOpenId: U.cadre })).toHaveLength(0);
    expect(sim.messages({ receiverOpenId: U.cadre, includeDeleted: true })[0]?.deleted).toBe(true);
    expect((await larkError(client.im.message.delete({ path: { message_id: id } }))).code).toBe(230110);
    const got = await client.im.message.get({ path: { message_id: id } });
    expect(got.data?.items?.[0]?.deleted).toBe(true);
  });

  it('lists only readers in read_users, after markRead', async () => {
    const id = await sendCard(client, TOWN_CHAT, simpleCard('群通知'), undefined, 'chat_id');
    const before = await client.im.message.readUsers({ path: { message_id: id }, params: { user_id_type: 'open_id' } });
    expect(before.data?.items).toEqual([]);
    clock += 5000;
    sim.markRead(id, U.townLeader);
    expect(() => sim.markRead(id, U.cadre)).toThrow();
    const after = await client.im.message.readUsers({ path: { message_id: id }, params: { user_id_type: 'open_id' } });
    expect(after.data?.items).toEqual([expect.objectContaining({ user_id: U.townLeader, timestamp: String(clock) })]);
    expect(after.data?.has_more).toBe(false);
    clock += 8 * 24 * 60 * 60 * 1000;
    const stale = await larkError(
      client.im.message.readUsers({ path: { message_id: id }, params: { user_id_type: 'open_id' } }),
    );
    expect(stale.code).toBe(230033);
  });
});

describe('urgent (加急)', () => {
  it('buzzes chat members in-app, reports outsiders as invalid, 230001 when none is valid', async () => {
    const id = await sendCard(client, U.cadre, simpleCard('紧急'));
    const res = await client.im.message.urgentApp({
      path: { message_id: id },
      params: { user_id_type: 'open_id' },
      data: { user_id_list: [U.cadre, U.townLeader] },
    });
    expect(res.code).toBe(0);
    expect(res.data?.invalid_user_id_list).toEqual([U.townLeader]);
    expect(sim.message(id)?.urgent).toEqual([{ kind: 'app', openIds: [U.cadre], at: clock }]);
    const none = await larkError(
      client.im.message.urgentApp({
        path: { message_id: id },
        params: { user_id_type: 'open_id' },
        data: { user_id_list: [U.townLeader] },
      }),
    );
    expect(none.code).toBe(230001);
    expect(
      sim
        .deliveries()
        .filter((d) => d.kind === 'urgent_app')
        .map((d) => [d.code, d.openIds]),
    ).toEqual([
      [0, [U.cadre]],
      [230001, undefined],
    ]);
  });

  it('refuses a recipient with 200 unread urgent messages (230023) until one is read', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 201; i += 1) {
      clock += 300;
      ids.push(await sendCard(client, U.cadre, simpleCard(`第${i + 1}条`)));
      if (i === 200) break;
      clock += 300;
      const res = await client.im.message.urgentApp({
        path: { message_id: ids[i] ?? '' },
        params: { user_id_type: 'open_id' },
        data: { user_id_list: [U.cadre] },
      });
      expect(res.code).toBe(0);
    }
    const urgentLast = () =>
      client.im.message.urgentApp({
        path: { message_id: ids[200] ?? '' },
        params: { user_id_type: 'open_id' },
        data: { user_id_list: [U.cadre] },
      });
    expect((await larkError(urgentLast())).code).toBe(230023);
    sim.markRead(ids[0] ?? '', U.cadre);
    expect((await urgentLast()).code).toBe(0);
  }, 30_000);

  it('consumes the SMS quota and answers 230024 when it is exhausted', async () => {
    sim.setQuota('sms', 1);
    const id = await sendCard(client, U.cadre, simpleCard('短信加急'));
    const sms = () =>
      client.im.message.urgentSms({
        path: { message_id: id },
        params: { user_id_type: 'open_id' },
        data: { user_id_list: [U.cadre] },
      });
    expect((await sms()).code).toBe(0);
    const exhausted = await larkError(sms());
    expect(exhausted).toMatchObject({ status: 400, code: 230024 });
    expect(
      sim
        .deliveries()
        .filter((d) => d.kind === 'urgent_sms')
        .map((d) => d.code),
    ).toEqual([0, 230024]);
    expect(sim.message(id)?.urgent.map((u) => u.kind)).toEqual(['sms']);
  });
});

describe('images', () => {
  it('uploads via client.im.image.create and serves the bytes for the web chat', async () => {
    const res = await client.im.image.create({ data: { image_type: 'message', image: PNG_1X1 } });
    expect(res?.image_key).toMatch(/^img_v2_/);
    const served = await fetch(`${sim.url}/sim/images/${res?.image_key}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    const sent = await client.im.message.create({
      params: { receive_id_type: 'open_id' },
      data: { receive_id: U.cadre, msg_type: 'image', content: JSON.stringify({ image_key: res?.image_key }) },
    });
    expect(sent.code).toBe(0);
    const notImage = await larkError(
      client.im.image.create({ data: { image_type: 'message', image: Buffer.from('plain text, not an image') } }),
    );
    expect(notImage.code).toBe(234011);
    expect(
      sim
        .deliveries()
        .filter((d) => d.kind === 'image_upload')
        .map((d) => d.code),
    ).toEqual([0, 234011]);
  });
});

describe('chats', () => {
  it('creates a chat (uuid dedup), adds members and sends to it', async () => {
    const create = () =>
      client.im.chat.create({
        params: { user_id_type: 'open_id', uuid: 'campaign-7-chat' },
        data: { name: '人居环境整治专班', user_id_list: [U.townLeader] },
      });
    const first = await create();
    expect(first.code).toBe(0);
    const chatId = first.data?.chat_id ?? '';
    expect(chatId).toMatch(/^oc_/);
    expect((await create()).data?.chat_id).toBe(chatId);

    const added = await client.im.chatMembers.create({
      path: { chat_id: chatId },
      params: { member_id_type: 'open_id', succeed_type: 1 },
      data: { id_list: [U.villageLeader, 'ou_unknown'] },
    });
    expect(added.data?.not_existed_id_list).toEqual(['ou_unknown']);
    const strict = await larkError(
      client.im.chatMembers.create({
        path: { chat_id: chatId },
        params: { member_id_type: 'open_id' },
        data: { id_list: ['ou_unknown'] },
      }),
    );
    expect(strict.code).toBe(232043);

    const sent = await client.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: chatId, msg_type: 'interactive', content: JSON.stringify(simpleCard('专班通知')) },
    });
    expect(sent.data?.chat_id).toBe(chatId);
    const msgId = sent.data?.message_id ?? '';
    sim.markRead(msgId, U.villageLeader);
    expect(sim.message(msgId)?.readBy).toEqual([U.villageLeader]);
    const unknownChat = await larkError(
      client.im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: 'oc_missing', msg_type: 'text', content: JSON.stringify({ text: 'x' }) },
      }),
    );
    expect(unknownChat.code).toBe(230034);
  });
});
