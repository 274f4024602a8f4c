import { checkCardContent } from './cards.js';
import { ApiError } from './http.js';
import type { Store, StoredMessage } from './store.js';

export const TEXT_MAX_BYTES = 150 * 1024;
export const SUPPORTED_MSG_TYPES = new Set(['text', 'post', 'image', 'interactive']);

type Mention = NonNullable<StoredMessage['mentions']>[number];

/** Text `<at user_id="ou_…">Name</at>` tags become `@_user_N` placeholders plus mention entries, as Lark stores them. */
export function textPlaceholders(text: string, store: Store): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  const replaced = text.replace(/<at user_id=["']?([^"'>\s]+)["']?>([^<]*)<\/at>/g, (_m, id: string, name: string) => {
    if (id === 'all') return '@_all';
    const key = `@_user_${mentions.length + 1}`;
    mentions.push({ key, openId: id, name: store.users.get(id)?.name ?? name });
    return key;
  });
  return { text: replaced, mentions };
}

/** Checks a content string for its msg_type; returns the parsed card for interactive messages. */
export function checkContent(msgType: string, content: string, store: Store): { card?: unknown } {
  if (!SUPPORTED_MSG_TYPES.has(msgType)) {
    throw new ApiError(230001, `invalid msg_type: ${msgType} (the simulator supports text, post, image, interactive)`);
  }
  if (msgType === 'interactive') {
    const check = checkCardContent(content, (id) => store.users.has(id));
    if (!check.ok) throw new ApiError(check.code, check.msg);
    return { card: check.card };
  }
  if (Buffer.byteLength(content, 'utf8') > (msgType === 'text' ? TEXT_MAX_BYTES : 30 * 1024)) {
    throw new ApiError(230025, 'The message content is too long.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new ApiError(230001, 'invalid message content: content must be a JSON string');
  }
  const obj = (parsed ?? {}) as Record<string, unknown>;
  if (msgType === 'text' && typeof obj.text !== 'string') throw new ApiError(230001, 'invalid text content: text');
  if (msgType === 'image') {
    if (typeof obj.image_key !== 'string' || !store.images.has(obj.image_key)) {
      throw new ApiError(230001, 'invalid image content: image_key not found');
    }
  }
  if (msgType === 'post') {
    const locales = Object.values(obj).filter((v) => Array.isArray((v as { content?: unknown } | null)?.content));
    if (locales.length === 0) throw new ApiError(230001, 'invalid post content: need a locale with content');
  }
  return {};
}

/** The message object of Lark's im/v1 responses. */
export function messageView(m: StoredMessage, store: Store): Record<string, unknown> {
  let content = m.content;
  if (m.deleted) content = JSON.stringify({ text: 'This message was recalled' });
  else if (m.msgType === 'text') {
    const parsed = JSON.parse(m.content) as { text: string };
    content = JSON.stringify({ ...parsed, text: textPlaceholders(parsed.text, store).text });
  }
  const view: Record<string, unknown> = {
    message_id: m.messageId,
    msg_type: m.msgType,
    create_time: String(m.createTime),
    update_time: String(m.updateTime),
    deleted: m.deleted,
    updated: m.updatedCount > 0,
    chat_id: m.chatId,
    sender:
      m.sender.type === 'app'
        ? { id: m.sender.id, id_type: 'app_id', sender_type: 'app', tenant_key: store.tenantKey }
        : { id: m.sender.id, id_type: 'open_id', sender_type: 'user', tenant_key: store.tenantKey },
    body: { content },
  };
  if (m.rootId) view.root_id = m.rootId;
  if (m.parentId) {
    view.parent_id = m.parentId;
    view.upper_message_id = m.parentId;
  }
  if (m.mentions && m.mentions.length > 0) {
    view.mentions = m.mentions.map((x) => ({
      key: x.key,
      id: x.openId,
      id_type: 'open_id',
      name: x.name,
      tenant_key: store.tenantKey,
    }));
  }
  return view;
}
