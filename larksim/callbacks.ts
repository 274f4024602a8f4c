import { checkCard, namedComponentTags } from './cards.js';
import { newEventId, randomHex } from './ids.js';
import type { LongConnectionHub } from './longconn/hub.js';
import type { PostOutcome } from './post.js';
import { applyCard, checkReplacement } from './routes/message-updates.js';
import type { Store, StoredMessage } from './store.js';
import type { Transport } from './transport.js';
import type { SimCallbackErrorCode, SimClickParams, SimClickResult } from './types.js';
import { SimUsageError } from './usage-error.js';

const TOAST_TYPES = new Set(['info', 'success', 'error', 'warning']);
const TZ_SUFFIX = ' +0800';

interface SentCallback {
  url: string;
  body: string;
  headers: Record<string, string>;
  eventId: string;
  messageId: string;
  /** Set when the app receives callbacks over the long connection: the plaintext envelope to push. */
  envelope?: { header: { event_id: string; event_type: string } };
}

/**
 * Card callbacks (`card.action.trigger`, schema 2.0): built like Lark's, encrypted and signed, POSTed to the card
 * callback URL within the time budget, never retried; the bot's answer (toast, replacement card) is applied to the
 * clicked message, or turned into Lark's client error code.
 */
export class CardCallbacks {
  #last?: SentCallback;

  constructor(
    readonly store: Store,
    readonly transport: Transport,
    readonly longConnection?: LongConnectionHub,
  ) {}

  async click(p: SimClickParams): Promise<SimClickResult> {
    const msg = this.#clickable(p.messageId, p.operatorOpenId);
    const envelope = this.#envelope(msg, p);
    if (this.longConnection?.active) {
      // Long connection: plaintext, no callback URL needed; the ACK carries the answer.
      const eventId = envelope.header.event_id;
      this.#last = { url: '', body: '', headers: {}, eventId, messageId: msg.messageId, envelope };
      return this.#deliver(this.#last);
    }
    const sealed = this.transport.seal(envelope);
    const eventId = envelope.header.event_id;
    const url = this.store.app.cardCallbackUrl;
    if (!url) return { httpStatus: 0, eventId, cardReplaced: false, errorCode: 200340, rawBody: '', elapsedMs: 0 };
    this.#last = { url, ...sealed, eventId, messageId: msg.messageId };
    return this.#deliver(this.#last);
  }

  /** The same bytes again (same event_id and signature), as a network retry would send them. */
  redeliverLast(): Promise<SimClickResult> {
    if (!this.#last) throw new SimUsageError('no callback has been delivered yet', '还没有发送过卡片回调');
    return this.#deliver(this.#last);
  }

  async #deliver(sent: SentCallback): Promise<SimClickResult> {
    const outcome =
      sent.envelope && this.longConnection
        ? await this.longConnection.request(sent.envelope, this.transport.timeoutMs)
        : await this.transport.post(sent.url, sent.body, sent.headers);
    const msg = this.store.messages.get(sent.messageId);
    return this.#apply(msg, outcome, sent.eventId);
  }

  #clickable(messageId: string, operatorOpenId: string): StoredMessage {
    const msg = this.store.messages.get(messageId);
    if (!msg || msg.deleted) throw new SimUsageError(`message ${messageId} not found`, '消息不存在或已撤回');
    if (msg.msgType !== 'interactive') throw new SimUsageError(`message ${messageId} is not a card`, '该消息不是卡片');
    const chat = this.store.chats.get(msg.chatId);
    if (!chat?.members.has(operatorOpenId)) {
      throw new SimUsageError(`${operatorOpenId} cannot see message ${messageId}`, '当前用户看不到这张卡片');
    }
    return msg;
  }

  #envelope(msg: StoredMessage, p: SimClickParams) {
    const user = this.store.users.get(p.operatorOpenId);
    const token = `c-${randomHex(40)}`;
    this.store.cardTokens.set(token, { messageId: msg.messageId, at: this.store.now(), uses: 0 });
    const action: Record<string, unknown> = {
      value: p.value,
      tag: p.tag ?? 'button',
      timezone: 'Asia/Shanghai',
    };
    if (p.name !== undefined) action.name = p.name;
    if (p.formValue !== undefined) action.form_value = larkFormValue(p.formValue, namedComponentTags(msg.card));
    if (p.inputValue !== undefined) action.input_value = p.inputValue;
    if (p.option !== undefined) action.option = p.tag === 'date_picker' ? withZone(p.option) : p.option;
    if (p.options !== undefined) action.options = p.options;
    if (p.checked !== undefined) action.checked = p.checked;
    return {
      schema: '2.0',
      header: {
        event_id: newEventId(),
        token: this.store.app.verificationToken,
        create_time: String(Date.now() * 1000),
        event_type: 'card.action.trigger',
        tenant_key: this.store.tenantKey,
        app_id: this.store.app.appId,
      },
      event: {
        operator: {
          tenant_key: this.store.tenantKey,
          user_id: user?.userId ?? '',
          open_id: p.operatorOpenId,
          union_id: user?.unionId ?? '',
        },
        token,
        action,
        host: 'im_message',
        context: { open_message_id: msg.messageId, open_chat_id: msg.chatId },
      },
    };
  }

  #apply(msg: StoredMessage | undefined, outcome: PostOutcome, eventId: string): SimClickResult {
    const base = { eventId, elapsedMs: outcome.elapsedMs, cardReplaced: false };
    const failed = (errorCode: SimCallbackErrorCode, httpStatus = 0, rawBody = ''): SimClickResult => ({
      ...base,
      httpStatus,
      rawBody,
      errorCode,
    });
    if (outcome.kind !== 'response') return failed(outcome.kind === 'timeout' ? 200341 : 200342);
    const { status, body } = outcome;
    if (status !== 200) return failed(200671, status, body);
    const answer = parseAnswer(body);
    if (!answer) return failed(200672, status, body);
    if (answer.toast !== undefined && !validToast(answer.toast)) return failed(200672, status, body);
    const result: SimClickResult = { ...base, httpStatus: status, rawBody: body };
    if (answer.card !== undefined && msg) {
      const code = this.#replaceCard(msg, answer.card);
      if (code) return failed(code, status, body);
      result.cardReplaced = true;
    }
    if (answer.toast !== undefined && msg) {
      const toast = displayToast(answer.toast);
      result.toast = toast;
      msg.lastToast = answer.toast;
      this.store.touch(msg, false);
    }
    return result;
  }

  /** Applies `card: {type:'raw', data}`; returns Lark's error code when the card is refused. */
  #replaceCard(msg: StoredMessage, card: unknown): 200673 | 200830 | undefined {
    const c = card as { type?: unknown; data?: unknown } | null;
    if (c === null || typeof c !== 'object' || c.type !== 'raw') return 200673;
    if (JSON.stringify(c.data ?? null).length > 30 * 1024) return 200673;
    const next = checkReplacement(
      msg,
      checkCard(c.data, (id) => this.store.users.has(id)),
      false,
    );
    if (!next.ok) return next.msg.includes('200830') ? 200830 : 200673;
    applyCard(this.store, msg, next.card);
    this.store.logDelivery({ kind: 'callback_card', at: this.store.now(), code: 0, messageId: msg.messageId });
    return undefined;
  }
}

/** An empty body acknowledges without change; otherwise it must be a JSON object. */
function parseAnswer(body: string): { toast?: unknown; card?: unknown } | undefined {
  if (body.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function validToast(t: unknown): boolean {
  const toast = t as { type?: unknown; content?: unknown; i18n?: unknown } | null;
  if (toast === null || typeof toast !== 'object') return false;
  if (typeof toast.type !== 'string' || !TOAST_TYPES.has(toast.type)) return false;
  return typeof toast.content === 'string' || (toast.i18n !== null && typeof toast.i18n === 'object');
}

/** The toast a zh_cn client shows. */
function displayToast(t: unknown): { type: string; content: string } {
  const toast = t as { type: string; content?: string; i18n?: Record<string, string> };
  return { type: toast.type, content: toast.i18n?.zh_cn ?? toast.content ?? '' };
}

const withZone = (v: string): string => (/[+-]\d{4}$/.test(v) ? v : `${v}${TZ_SUFFIX}`);

/** Date and time pickers report `2025-06-10 +0800`, `09:30 +0800`, `2025-06-10 09:30 +0800`. */
function larkFormValue(values: Record<string, unknown>, tags: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const tag = tags.get(name);
    const isPicker = tag === 'date_picker' || tag === 'picker_time' || tag === 'picker_datetime';
    out[name] = isPicker && typeof value === 'string' && value !== '' ? withZone(value.replace('T', ' ')) : value;
  }
  return out;
}
