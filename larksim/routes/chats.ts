import { ApiError, jsonBody, ok, queryString, type Router } from '../http.js';
import type { Store, StoredChat, UserIdType } from '../store.js';

const CHAT_UUID_WINDOW_MS = 10 * 60 * 60 * 1000;
const MAX_IDS = 50;

/** Group chats: create (query uuid dedups for 10 h) and add members. The creating bot is always a member. */
export function registerChatRoutes(router: Router, store: Store): void {
  router.add('POST', '/open-apis/im/v1/chats', { auth: 'tenant', tier4: true }, (ctx) => {
    const body = jsonBody(ctx);
    const idType = (queryString(ctx.query, 'user_id_type') ?? 'open_id') as UserIdType;
    const uuid = queryString(ctx.query, 'uuid');
    const ownerId = typeof body.owner_id === 'string' && body.owner_id !== '' ? body.owner_id : undefined;
    const uuidKey = uuid ? `${uuid}|${ownerId ?? ''}` : undefined;
    const hit = uuidKey ? store.chatUuids.get(uuidKey) : undefined;
    const existing = hit && store.now() - hit.at < CHAT_UUID_WINDOW_MS ? store.chats.get(hit.chatId) : undefined;
    if (existing) return ok(chatView(store, existing, idType));

    const name = typeof body.name === 'string' ? body.name : '';
    const chatType = body.chat_type === 'public' ? 'public' : 'private';
    if (chatType === 'public' && [...name].length < 2) {
      throw new ApiError(232020, 'The name of a public group must have at least 2 characters.');
    }
    const ids = stringList(body.user_id_list, 'user_id_list');
    const owner = ownerId ? store.findUser(ownerId, idType) : undefined;
    if (ownerId && !owner) throw new ApiError(232043, `Your request contains unavailable ids: ${ownerId}`);
    const members = ids.map((id) => store.findUser(id, idType)?.openId);
    const missing = ids.filter((_id, i) => members[i] === undefined);
    if (missing.length > 0) throw new ApiError(232043, `Your request contains unavailable ids: ${missing.join(',')}`);
    const memberIds = members.filter((m): m is string => m !== undefined);
    if (owner) memberIds.push(owner.openId);
    const chat = store.createGroupChat({
      name,
      description: typeof body.description === 'string' ? body.description : '',
      members: memberIds,
      ...(owner ? { ownerOpenId: owner.openId } : {}),
    });
    if (uuidKey) store.chatUuids.set(uuidKey, { chatId: chat.chatId, at: store.now() });
    return ok(chatView(store, chat, idType, chatType));
  });

  router.add('POST', '/open-apis/im/v1/chats/:chat_id/members', { auth: 'tenant', tier4: true }, (ctx) => {
    const chat = store.chats.get(ctx.params.get('chat_id') ?? '');
    if (chat?.type !== 'group') throw new ApiError(232006, 'Your request specifies a chat_id which is invalid.');
    if (!chat.botMember)
      throw new ApiError(232011, 'Operator and chat can NOT be in different tenants or out of chat.');
    const ids = stringList(jsonBody(ctx).id_list, 'id_list');
    const idType = queryString(ctx.query, 'member_id_type') ?? 'open_id';
    const succeedType = queryString(ctx.query, 'succeed_type') ?? '0';
    const found: string[] = [];
    const notExisted: string[] = [];
    for (const id of ids) {
      if (idType === 'app_id') {
        if (id === store.app.appId) continue;
        notExisted.push(id);
        continue;
      }
      const user = store.findUser(id, idType as UserIdType);
      if (user) found.push(user.openId);
      else notExisted.push(id);
    }
    if (notExisted.length > 0 && succeedType !== '1') {
      throw new ApiError(232043, `Your request contains unavailable ids: ${notExisted.join(',')}`);
    }
    if (found.length === 0 && notExisted.length > 0) throw new ApiError(232027, 'No valid members to add.');
    for (const openId of found) chat.members.add(openId);
    return ok({ invalid_id_list: [], not_existed_id_list: notExisted, pending_approval_id_list: [] });
  });
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string') || value.length > MAX_IDS) {
    throw new ApiError(
      232001,
      `Your request contains an invalid request parameter: ${field} (at most ${MAX_IDS} ids).`,
    );
  }
  return value as string[];
}

function chatView(store: Store, chat: StoredChat, idType: string, chatType = 'private'): Record<string, unknown> {
  const owner = chat.ownerOpenId ? store.users.get(chat.ownerOpenId) : undefined;
  return {
    chat_id: chat.chatId,
    avatar: '',
    name: chat.name,
    description: chat.description,
    owner_id: owner ? store.userIdOf(owner, idType) : store.app.appId,
    owner_id_type: owner ? idType : 'app_id',
    chat_mode: 'group',
    chat_type: chatType,
    chat_tag: 'inner',
    external: false,
    tenant_key: store.tenantKey,
    urgent_setting: 'all_members',
    add_member_permission: 'all_members',
    at_all_permission: 'all_members',
    edit_permission: 'all_members',
    share_card_permission: 'allowed',
    join_message_visibility: 'all_members',
    leave_message_visibility: 'all_members',
    membership_approval: 'no_approval_required',
    moderation_permission: 'all_members',
    group_message_type: 'chat',
  };
}
