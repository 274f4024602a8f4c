import { readFile } from 'node:fs/promises';
import type { Reply, RequestContext, Router } from './http.js';
import type { Store, StoredMessage } from './store.js';
import type { SimClickParams, SimClickResult, SimEventResult, SimSendTextParams } from './types.js';
import { SimUsageError } from './usage-error.js';

export interface ControlActions {
  click(p: SimClickParams): Promise<SimClickResult>;
  sendText(p: SimSendTextParams): Promise<SimEventResult>;
  markRead(messageId: string, openId: string): void;
}

const WEB_DIR = new URL('./web/', import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/sim/static/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/sim/static/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const json = (body: unknown, status = 200): Reply => ({ status, body });

/** The web chat: its static files and the JSON API under /sim/api that everything on the page goes through. */
export function registerControlRoutes(router: Router, store: Store, actions: ControlActions): void {
  for (const [path, { file, type }] of Object.entries(STATIC)) {
    router.add('GET', path, { auth: 'none' }, async () => ({
      status: 200,
      body: await readFile(new URL(file, WEB_DIR)),
      headers: { 'content-type': type, 'cache-control': 'no-cache' },
    }));
  }

  router.add('GET', '/sim/api/state', { auth: 'none' }, () =>
    json({
      bot: { name: store.botName, openId: store.botOpenId, appId: store.app.appId },
      users: [...store.users.values()].map((u) => ({
        openId: u.openId,
        name: u.name,
        jobTitle: u.jobTitle ?? '',
        departments: (u.departmentIds ?? []).map((id) => store.departments.get(id)?.name ?? id),
      })),
    }),
  );

  router.add('GET', '/sim/api/users/:openId/feed', { auth: 'none' }, (ctx) => {
    const openId = ctx.params.get('openId') ?? '';
    if (!store.users.has(openId)) return json({ error: '用户不存在' }, 404);
    const since = Number(ctx.query.get('since') ?? '0') || 0;
    const chats = store.chatsOf(openId);
    const chatIds = new Set(chats.map((c) => c.chatId));
    const messages = [...store.messages.values()]
      .filter((m) => chatIds.has(m.chatId) && m.rev > since)
      .map((m) => feedMessage(store, m, openId));
    return json({
      rev: store.rev,
      chats: chats.map((c) => ({
        chatId: c.chatId,
        type: c.type,
        name: c.type === 'p2p' ? store.botName : c.name || '未命名群组',
        memberCount: c.members.size + (c.botMember ? 1 : 0),
      })),
      messages,
    });
  });

  router.add('POST', '/sim/api/click', { auth: 'none' }, (ctx) =>
    guarded(async () => json(await actions.click(body<SimClickParams>(ctx)))),
  );
  router.add('POST', '/sim/api/send', { auth: 'none' }, (ctx) =>
    guarded(async () => json(await actions.sendText(body<SimSendTextParams>(ctx)))),
  );
  router.add('POST', '/sim/api/read', { auth: 'none' }, (ctx) =>
    guarded(() => {
      const p = body<{ messageId: string; openId: string }>(ctx);
      actions.markRead(p.messageId, p.openId);
      return json({ ok: true });
    }),
  );
}

function body<T>(ctx: RequestContext): T {
  try {
    return JSON.parse(ctx.body.toString('utf8') || '{}') as T;
  } catch {
    throw new SimUsageError('invalid JSON', '请求格式错误');
  }
}

async function guarded(run: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof SimUsageError) return json({ error: e.zh }, 400);
    throw e;
  }
}

function feedMessage(store: Store, m: StoredMessage, viewer: string): Record<string, unknown> {
  const senderName = m.sender.type === 'app' ? store.botName : (store.users.get(m.sender.id)?.name ?? m.sender.id);
  const urgentKinds = [...new Set(m.urgent.filter((u) => u.openIds.includes(viewer)).map((u) => u.kind))];
  return {
    messageId: m.messageId,
    chatId: m.chatId,
    sender: { type: m.sender.type, id: m.sender.id, name: senderName },
    mine: m.sender.type === 'user' && m.sender.id === viewer,
    msgType: m.msgType,
    content: m.deleted ? '' : m.content,
    card: m.deleted ? undefined : m.card,
    mentions: m.mentions ?? [],
    createTime: m.createTime,
    updateTime: m.updateTime,
    updated: m.updatedCount > 0,
    deleted: m.deleted,
    read: m.readBy.includes(viewer),
    readCount: m.readBy.length,
    urgentKinds,
    lastToast: m.lastToast,
    rev: m.rev,
  };
}
