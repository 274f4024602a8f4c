import { type Card, type CardCheck, checkCard, checkCardContent, isUpdateMulti } from '../cards.js';
import { ApiError, jsonBody, ok, page, paging, queryString, type Router } from '../http.js';
import type { RateLimiter } from '../rate-limit.js';
import type { Store, StoredMessage } from '../store.js';
import type { SimDelivery } from '../types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const PATCH_WINDOW_MS = 14 * DAY_MS;
const READ_USERS_WINDOW_MS = 7 * DAY_MS;
const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;
const CARD_TOKEN_USES = 2;

/**
 * Checks that `next` may replace the message's card: 2.0 stays 2.0 (200830); API updates (not callback answers,
 * which apply to the clicked card) need `update_multi` before and after.
 */
export function checkReplacement(msg: StoredMessage, next: CardCheck, requireShared = true): CardCheck {
  if (!next.ok) return next;
  const before = msg.card as Card | undefined;
  const wasV2 = before?.schema === '2.0';
  if (wasV2 && !next.v2) {
    return { ok: false, code: 230099, msg: 'Failed to update card, ext=ErrCode: 200830; a 2.0 card cannot become 1.0' };
  }
  if (requireShared && (!isUpdateMulti(before ?? {}, wasV2) || !isUpdateMulti(next.card, next.v2))) {
    return {
      ok: false,
      code: 230001,
      msg: 'config.update_multi must be true before and after to update a shared card',
    };
  }
  return next;
}

/** Replaces a message's card in place, as a PATCH or a callback answer does (update_time moves). */
export function applyCard(store: Store, msg: StoredMessage, card: Card): void {
  msg.card = card;
  msg.content = JSON.stringify(card);
  store.touch(msg, true);
}

/** PATCH of a sent card, delayed update via callback token, read receipts. */
export function registerMessageUpdateRoutes(router: Router, store: Store, limiter: RateLimiter): void {
  router.add('PATCH', '/open-apis/im/v1/messages/:message_id', { auth: 'tenant', tier4: true }, (ctx) => {
    const messageId = ctx.params.get('message_id') ?? '';
    guard(store, 'patch', messageId, () => {
      const msg = ownMessage(store, messageId);
      if (msg.msgType !== 'interactive') throw new ApiError(230001, 'invalid msg_type: only cards can be updated');
      if (store.now() - msg.createTime > PATCH_WINDOW_MS) {
        throw new ApiError(230031, 'The message has been sent for more than 14 days and cannot be updated.');
      }
      limiter.checkPatch(messageId, ctx.method, ctx.path);
      const body = jsonBody(ctx);
      if (typeof body.content !== 'string') throw new ApiError(99992402, 'field validation failed: content');
      const next = checkReplacement(
        msg,
        checkCardContent(body.content, (id) => store.users.has(id)),
      );
      if (!next.ok) throw new ApiError(next.code, next.msg);
      applyCard(store, msg, next.card);
      return msg;
    });
    return ok({});
  });

  router.add('POST', '/open-apis/interactive/v1/card/update', { auth: 'tenant', tier4: true }, (ctx) => {
    const body = jsonBody(ctx);
    const token = typeof body.token === 'string' ? body.token : '';
    const entry = store.cardTokens.get(token);
    if (!entry || store.now() - entry.at > CARD_TOKEN_TTL_MS || entry.uses >= CARD_TOKEN_USES) {
      throw new ApiError(99992402, 'field validation failed: token is invalid, expired (30 min) or used twice');
    }
    guard(store, 'card_update', entry.messageId, () => {
      const msg = ownMessage(store, entry.messageId);
      const next = checkReplacement(
        msg,
        checkCard(body.card, (id) => store.users.has(id)),
      );
      if (!next.ok) throw new ApiError(next.code, next.msg);
      entry.uses += 1;
      applyCard(store, msg, next.card);
      return msg;
    });
    return ok({});
  });

  router.add('GET', '/open-apis/im/v1/messages/:message_id/read_users', { auth: 'tenant', tier4: true }, (ctx) => {
    const msg = ownMessage(store, ctx.params.get('message_id') ?? '', 230027);
    if (store.now() - msg.createTime > READ_USERS_WINDOW_MS) {
      throw new ApiError(230033, 'The message was sent more than 7 days ago; read status is unavailable.');
    }
    const idType = queryString(ctx.query, 'user_id_type') ?? 'open_id';
    const items = msg.readBy.flatMap((openId) => {
      const user = store.users.get(openId);
      if (!user) return [];
      return [
        {
          user_id_type: idType,
          user_id: store.userIdOf(user, idType),
          timestamp: String(msg.readAt[openId] ?? msg.createTime),
          tenant_key: store.tenantKey,
        },
      ];
    });
    return ok(page(items, paging(ctx.query, 20, 100)));
  });
}

/** A message the bot sent (not deleted); other senders → `notOwnCode`. */
export function ownMessage(store: Store, messageId: string, notOwnCode = 230027): StoredMessage {
  const msg = store.messages.get(messageId);
  if (!msg) throw new ApiError(230001, 'invalid message_id');
  if (msg.sender.type !== 'app' || msg.sender.id !== store.app.appId) {
    throw new ApiError(notOwnCode, 'Lack of necessary permissions: the message was not sent by this bot.');
  }
  if (msg.deleted) throw new ApiError(230011, 'The message was withdrawn.');
  return msg;
}

/** Runs an update and records it (success or the error code) in deliveries(). */
function guard(store: Store, kind: SimDelivery['kind'], messageId: string, run: () => StoredMessage): StoredMessage {
  try {
    const msg = run();
    store.logDelivery({ kind, at: store.now(), code: 0, messageId, chatId: msg.chatId });
    return msg;
  } catch (e) {
    if (e instanceof ApiError) store.logDelivery({ kind, at: store.now(), code: e.code, messageId, detail: e.message });
    throw e;
  }
}
