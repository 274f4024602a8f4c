import { ApiError, jsonBody, ok, queryString, type RequestContext, type Router } from '../http.js';
import type { Store, UserIdType } from '../store.js';
import { ownMessage } from './message-updates.js';

export const URGENT_UNREAD_CAP = 200;
const URGENT_KINDS = ['app', 'sms', 'phone'] as const;
type UrgentKind = (typeof URGENT_KINDS)[number];

/**
 * 加急 (buzz): `PATCH /open-apis/im/v1/messages/:id/urgent_app|urgent_sms|urgent_phone`. Only the bot's own
 * messages; ids outside the message's chat come back in invalid_user_id_list; a recipient with 200 unread urgent
 * messages refuses more (230023); SMS and phone use up a quota (230024).
 */
export function registerUrgentRoutes(router: Router, store: Store): void {
  for (const kind of URGENT_KINDS) {
    const path = `/open-apis/im/v1/messages/:message_id/urgent_${kind}`;
    router.add('PATCH', path, { auth: 'tenant', tier4: true }, (ctx) => {
      const messageId = ctx.params.get('message_id') ?? '';
      let openIds: string[] = [];
      let invalid: string[] = [];
      try {
        ({ openIds, invalid } = buzz(ctx, store, kind, messageId));
      } catch (e) {
        if (e instanceof ApiError) {
          store.logDelivery({ kind: `urgent_${kind}`, at: store.now(), code: e.code, messageId, detail: e.message });
        }
        throw e;
      }
      store.logDelivery({ kind: `urgent_${kind}`, at: store.now(), code: 0, messageId, openIds, invalidIds: invalid });
      return ok({ invalid_user_id_list: invalid });
    });
  }
}

function buzz(
  ctx: RequestContext,
  store: Store,
  kind: UrgentKind,
  messageId: string,
): { openIds: string[]; invalid: string[] } {
  const body = jsonBody(ctx);
  const list = body.user_id_list;
  if (!Array.isArray(list) || list.length === 0 || list.length > 200 || list.some((x) => typeof x !== 'string')) {
    throw new ApiError(99992402, 'field validation failed: user_id_list must hold 1 to 200 ids');
  }
  const idType = (queryString(ctx.query, 'user_id_type') ?? 'open_id') as UserIdType;
  if (!['open_id', 'union_id', 'user_id'].includes(idType)) {
    throw new ApiError(99992402, 'field validation failed: user_id_type');
  }
  const deleted = store.messages.get(messageId)?.deleted;
  if (deleted) throw new ApiError(230110, 'Action unavailable as the message has been deleted.');
  const msg = ownMessage(store, messageId, 230012);
  const chat = store.chats.get(msg.chatId);
  if (!chat?.botMember) throw new ApiError(230002, 'Bot/User can NOT be out of the chat.');

  const openIds: string[] = [];
  const invalid: string[] = [];
  for (const id of new Set(list as string[])) {
    const user = store.findUser(id, idType);
    if (user && chat.members.has(user.openId)) openIds.push(user.openId);
    else invalid.push(id);
  }
  if (openIds.length === 0) throw new ApiError(230001, 'invalid user_id_list: none of the users is in the chat');

  for (const openId of openIds) {
    const alreadyUnread = !msg.readBy.includes(openId) && msg.urgent.some((u) => u.openIds.includes(openId));
    if (!alreadyUnread && store.unreadUrgentCount(openId) >= URGENT_UNREAD_CAP) {
      throw new ApiError(230023, `The user has too many unread urgent messages (${URGENT_UNREAD_CAP}): ${openId}`);
    }
  }
  if (kind !== 'app') {
    if (store.quota[kind] < openIds.length) {
      throw new ApiError(230024, `Urgent ${kind === 'sms' ? 'SMS' : 'phone'} quota exhausted.`);
    }
    store.quota[kind] -= openIds.length;
  }
  msg.urgent.push({ kind, openIds, at: store.now() });
  store.touch(msg, false);
  return { openIds, invalid };
}
