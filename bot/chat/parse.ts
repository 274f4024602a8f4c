/** The flattened `im.message.receive_v1` the SDK's EventDispatcher hands over (lark-platform.md §5.2). */
export interface MessageEventData {
  event_id?: string;
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: { key?: string; name?: string; id?: { open_id?: string } }[];
  };
}

/** A user's text message, ready for the command router. */
export interface IncomingText {
  messageId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  senderOpenId: string;
  /** The text with mention placeholders removed and whitespace collapsed. */
  text: string;
}

/**
 * Only users' text messages are commands. In a group the bot answers only when mentioned: Lark pushes group
 * messages to the bot only when it is @-ed (unless the app holds the sensitive all-messages scope, and then a
 * message without any mention is not addressed to us).
 */
export function parseMessageEvent(data: MessageEventData): IncomingText | undefined {
  const m = data.message;
  const openId = data.sender?.sender_id?.open_id;
  if (!m?.message_id || !m.chat_id || !openId || data.sender?.sender_type !== 'user') return undefined;
  if (m.message_type !== 'text' || typeof m.content !== 'string') return undefined;
  const chatType = m.chat_type === 'group' ? 'group' : 'p2p';
  if (chatType === 'group' && (m.mentions ?? []).length === 0) return undefined;
  let text: unknown;
  try {
    text = (JSON.parse(m.content) as { text?: unknown }).text;
  } catch {
    return undefined;
  }
  if (typeof text !== 'string') return undefined;
  return { messageId: m.message_id, chatId: m.chat_id, chatType, senderOpenId: openId, text: cleanText(text) };
}

/** Drops `@_user_N` placeholders (and `@_all`), full-width spaces and trailing punctuation such as "？". */
export function cleanText(text: string): string {
  return text
    .replace(/@_(user_\d+|all)/g, ' ')
    .replace(/[\u3000\s]+/g, ' ')
    .trim()
    .replace(/[？?！!。.，,]+$/u, '')
    .trim();
}
