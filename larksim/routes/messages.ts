import { ApiError, jsonBody, ok, queryString, type RequestContext, type Router } from '../http.js';
import { checkContent, messageView, textPlaceholders } from '../message-format.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Store, StoredChat, StoredMessage, UserIdType } from '../store.js';

const UUID_WINDOW_MS = 60 * 60 * 1000;
const RECEIVE_ID_TYPES = new Set(['open_id', 'union_id', 'user_id', 'email', 'chat_id']);

interface SendInput {
  msgType: string;
  content: string;
  uuid?: string;
}

/** Messages: create, reply, get, delete (PATCH and read receipts live in message-updates.ts). */
export function registerMessageRoutes(router: Router, store: Store, limiter: RateLimiter): void {
  router.add('POST', '/open-apis/im/v1/messages', { auth: 'tenant', tier4: true }, (ctx) => {
    const body = jsonBody(ctx);
    const type = queryString(ctx.query, 'receive_id_type');
    if (!type || !RECEIVE_ID_TYPES.has(type)) {
      throw new ApiError(
        99992402,
        'field validation failed: receive_id_type must be open_id|union_id|user_id|email|chat_id',
      );
    }
    if (typeof body.receive_id !== 'string' || body.receive_id === '') {
      throw new ApiError(99992402, 'field validation failed: receive_id is required');
    }
    const input = sendInput(body);
    const dup = dedup(store, input.uuid);
    if (dup) return ok(messageView(dup, store));
    const chat = resolveTarget(store, type, body.receive_id);
    return ok(messageView(send(ctx, store, limiter, chat, input, 'send'), store));
  });

  router.add('POST', '/open-apis/im/v1/messages/:message_id/reply', { auth: 'tenant', tier4: true }, (ctx) => {
    const input = sendInput(jsonBody(ctx));
    const dup = dedup(store, input.uuid);
    if (dup) return ok(messageView(dup, store));
    const parent = existing(store, ctx.params.get('message_id'));
    const chat = store.chats.get(parent.chatId);
    if (!chat?.botMember) throw new ApiError(230002, 'Bot/User can NOT be out of the chat.');
    const parentInfo = { parentId: parent.messageId, rootId: parent.rootId ?? parent.messageId };
    return ok(messageView(send(ctx, store, limiter, chat, input, 'reply', parentInfo), store));
  });

  router.add('GET', '/open-apis/im/v1/messages/:message_id', { auth: 'tenant', tier4: true }, (ctx) => {
    const msg = store.messages.get(ctx.params.get('message_id') ?? '');
    const chat = msg && store.chats.get(msg.chatId);
    if (!msg || !chat?.botMember) throw new ApiError(230001, 'invalid message_id');
    return ok({ items: [messageView(msg, store)] });
  });

  router.add('DELETE', '/open-apis/im/v1/messages/:message_id', { auth: 'tenant', tier4: true }, (ctx) => {
    const msg = store.messages.get(ctx.params.get('message_id') ?? '');
    const fail = (code: number, text: string): never => {
      store.logDelivery({
        kind: 'delete',
        at: store.now(),
        code,
        messageId: ctx.params.get('message_id'),
        detail: text,
      });
      throw new ApiError(code, text);
    };
    if (!msg) return fail(230001, 'invalid message_id');
    if (msg.sender.type !== 'app') return fail(230026, 'No permission to recall this message.');
    if (msg.deleted) return fail(230110, 'Action unavailable as the message has been deleted.');
    msg.deleted = true;
    store.touch(msg, false);
    store.logDelivery({ kind: 'delete', at: store.now(), code: 0, messageId: msg.messageId, chatId: msg.chatId });
    return ok({});
  });
}

function sendInput(body: Record<string, unknown>): SendInput {
  if (typeof body.msg_type !== 'string' || body.msg_type === '') {
    throw new ApiError(99992402, 'field validation failed: msg_type is required');
  }
  if (typeof body.content !== 'string') {
    throw new ApiError(99992402, 'field validation failed: content must be a JSON-serialized string');
  }
  if (body.uuid !== undefined && (typeof body.uuid !== 'string' || body.uuid.length > 50)) {
    throw new ApiError(99992402, 'field validation failed: uuid must be a string of at most 50 characters');
  }
  const input: SendInput = { msgType: body.msg_type, content: body.content };
  if (typeof body.uuid === 'string' && body.uuid !== '') input.uuid = body.uuid;
  return input;
}

/** Within an hour, a repeated uuid returns the original message and sends nothing (Lark leaves the shape undocumented). */
function dedup(store: Store, uuid: string | undefined): StoredMessage | undefined {
  if (!uuid) return undefined;
  const hit = store.messageUuids.get(uuid);
  if (!hit || store.now() - hit.at >= UUID_WINDOW_MS) return undefined;
  return store.messages.get(hit.messageId);
}

function resolveTarget(store: Store, type: string, id: string): StoredChat {
  if (type === 'chat_id') {
    const chat = store.chats.get(id);
    if (!chat) throw new ApiError(230034, 'The receive_id is invalid: chat not found.');
    if (!chat.botMember) throw new ApiError(230002, 'Bot/User can NOT be out of the chat.');
    return chat;
  }
  const user = store.findUser(id, type as UserIdType);
  if (!user) throw new ApiError(230013, 'Bot has NO availability to this user.');
  const chat = store.chats.get(store.p2pChatId(user.openId));
  if (!chat) throw new ApiError(230013, 'Bot has NO availability to this user.');
  return chat;
}

function existing(store: Store, messageId: string | undefined): StoredMessage {
  const msg = store.messages.get(messageId ?? '');
  if (!msg) throw new ApiError(230001, 'invalid message_id');
  if (msg.deleted) throw new ApiError(230011, 'The message was withdrawn.');
  return msg;
}

function send(
  ctx: RequestContext,
  store: Store,
  limiter: RateLimiter,
  chat: StoredChat,
  input: SendInput,
  kind: 'send' | 'reply',
  parent?: { parentId: string; rootId: string },
): StoredMessage {
  const receiverOpenId = chat.p2pOpenId;
  const log = (code: number, detail?: string, messageId?: string): void => {
    store.logDelivery({
      kind,
      at: store.now(),
      code,
      chatId: chat.chatId,
      ...(receiverOpenId ? { openIds: [receiverOpenId] } : {}),
      ...(messageId ? { messageId } : {}),
      ...(detail ? { detail } : {}),
    });
  };
  let card: unknown;
  try {
    const target = receiverOpenId
      ? { scope: 'recipient' as const, key: receiverOpenId }
      : { scope: 'chat' as const, key: chat.chatId };
    limiter.checkSend(target, ctx.method, ctx.path);
    card = checkContent(input.msgType, input.content, store).card;
  } catch (e) {
    if (e instanceof ApiError) log(e.code, e.message);
    throw e;
  }
  const mentions =
    input.msgType === 'text'
      ? textPlaceholders((JSON.parse(input.content) as { text: string }).text, store).mentions
      : [];
  const msg = store.addMessage({
    chatId: chat.chatId,
    sender: { type: 'app', id: store.app.appId },
    msgType: input.msgType,
    content: input.content,
    ...(receiverOpenId ? { receiverOpenId } : {}),
    ...(card !== undefined ? { card } : {}),
    ...(mentions.length > 0 ? { mentions } : {}),
    ...(input.uuid ? { uuid: input.uuid } : {}),
    ...(parent ?? {}),
  });
  if (input.uuid) store.messageUuids.set(input.uuid, { messageId: msg.messageId, at: msg.createTime });
  log(0, undefined, msg.messageId);
  return msg;
}
