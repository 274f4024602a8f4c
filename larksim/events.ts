import { encrypt } from './crypto.js';
import { newEventId, randomHex } from './ids.js';
import type { LongConnectionHub } from './longconn/hub.js';
import type { SimLongConnectionAttempt } from './longconn/types.js';
import type { SimUser, Store, StoredMessage } from './store.js';
import type { Transport } from './transport.js';
import type {
  SimEventAttempt,
  SimEventDelivery,
  SimEventResult,
  SimSendTextParams,
  SimUrlVerification,
} from './types.js';
import { SimUsageError } from './usage-error.js';

const USER_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Lark/7.30.0 LarkSim';
const CHALLENGE_TIMEOUT_MS = 1000;

/**
 * Events to eventCallbackUrl: at-least-once with Lark's retry schedule (compressed by default), the same event_id
 * and bytes on every attempt, and an optional on-purpose duplicate to exercise the bot's dedup.
 */
export class EventPusher {
  #duplicateNext = false;

  constructor(
    readonly store: Store,
    readonly transport: Transport,
    readonly retryDelaysMs: number[],
    readonly longConnection?: LongConnectionHub,
  ) {}

  duplicateNextEvent(): void {
    this.#duplicateNext = true;
  }

  /** Stores a user's text in the chat and pushes `im.message.receive_v1` (p2p always, groups when @bot). */
  async sendText(p: SimSendTextParams): Promise<SimEventResult> {
    const user = this.store.users.get(p.fromOpenId);
    if (!user) throw new SimUsageError(`unknown user ${p.fromOpenId}`, '用户不存在');
    const chatId = p.chatId ?? this.store.p2pChatId(user.openId);
    const chat = this.store.chats.get(chatId);
    if (!chat?.members.has(user.openId))
      throw new SimUsageError(`${user.openId} is not in ${chatId}`, '用户不在该会话中');
    const text = p.text.trim();
    if (text === '') throw new SimUsageError('empty text', '消息不能为空');
    const mentions = p.mentionBot ? [{ key: '@_user_1', openId: this.store.botOpenId, name: this.store.botName }] : [];
    const msg = this.store.addMessage({
      chatId,
      sender: { type: 'user', id: user.openId },
      msgType: 'text',
      content: JSON.stringify({ text: p.mentionBot ? `@_user_1 ${text}` : text }),
      ...(mentions.length > 0 ? { mentions } : {}),
    });
    const base = { messageId: msg.messageId, chatId };
    if (chat.type === 'group' && !p.mentionBot) {
      return {
        ...base,
        pushed: false,
        eventId: '',
        eventType: 'im.message.receive_v1',
        delivered: false,
        attempts: [],
      };
    }
    const delivery = await this.push('im.message.receive_v1', this.#receiveEvent(user, msg, chat.type));
    return { ...base, pushed: true, ...delivery };
  }

  /** Pushes one v2 event until an attempt gets HTTP 200 in time or the retries run out. */
  async push(eventType: string, event: object): Promise<SimEventDelivery> {
    const eventId = newEventId();
    const envelope = {
      schema: '2.0',
      header: {
        event_id: eventId,
        event_type: eventType,
        create_time: String(Date.now()),
        token: this.store.app.verificationToken,
        app_id: this.store.app.appId,
        tenant_key: this.store.tenantKey,
      },
      event,
    };
    const delivery: SimEventDelivery = { eventId, eventType, delivered: false, attempts: [] };
    this.store.eventLog.push(delivery);
    if (this.longConnection?.active) return this.#pushOverLongConnection(this.longConnection, envelope, delivery);
    const sealed = this.transport.seal(envelope);
    for (let i = 0; !this.transport.closed; i += 1) {
      const attempt = await this.#attempt(sealed, false);
      delivery.attempts.push(attempt);
      if (attempt.status === 200 && !attempt.error) {
        delivery.delivered = true;
        break;
      }
      const delay = this.retryDelaysMs[i];
      if (delay === undefined) break;
      await this.transport.sleep(delay);
    }
    if (delivery.delivered && this.#duplicateNext && !this.transport.closed) {
      this.#duplicateNext = false;
      delivery.attempts.push(await this.#attempt(sealed, true));
    }
    return { ...delivery, attempts: [...delivery.attempts] };
  }

  /** Plaintext over the long connection; the hub re-pushes until a 200 ACK, the same event_id every time. */
  async #pushOverLongConnection(
    hub: LongConnectionHub,
    envelope: { header: { event_id: string; event_type: string } },
    delivery: SimEventDelivery,
  ): Promise<SimEventDelivery> {
    const first = hub.push(envelope);
    delivery.delivered = await first.done;
    delivery.attempts.push(...first.record.attempts.map((a) => eventAttempt(a, false)));
    if (delivery.delivered && this.#duplicateNext && !this.transport.closed) {
      this.#duplicateNext = false;
      const again = hub.push(envelope);
      await again.done;
      delivery.attempts.push(...again.record.attempts.map((a) => eventAttempt(a, true)));
    }
    return { ...delivery, attempts: [...delivery.attempts] };
  }

  async #attempt(
    sealed: { body: string; headers: Record<string, string> },
    duplicate: boolean,
  ): Promise<SimEventAttempt> {
    const at = Date.now();
    const url = this.store.app.eventCallbackUrl;
    if (!url) return { at, status: 0, error: 'no-url', elapsedMs: 0, duplicate };
    const outcome = await this.transport.post(url, sealed.body, sealed.headers);
    if (outcome.kind === 'response') return { at, status: outcome.status, elapsedMs: outcome.elapsedMs, duplicate };
    return { at, status: 0, error: outcome.kind, elapsedMs: outcome.elapsedMs, duplicate };
  }

  #receiveEvent(user: SimUser, msg: StoredMessage, chatType: 'p2p' | 'group'): object {
    const tenantKey = this.store.tenantKey;
    const idsOf = (u: { openId: string; unionId?: string; userId?: string }) => ({
      union_id: u.unionId ?? '',
      user_id: u.userId ?? '',
      open_id: u.openId,
    });
    const message: Record<string, unknown> = {
      message_id: msg.messageId,
      create_time: String(msg.createTime),
      update_time: String(msg.updateTime),
      chat_id: msg.chatId,
      chat_type: chatType,
      message_type: 'text',
      content: msg.content,
      user_agent: USER_AGENT,
    };
    if (msg.mentions && msg.mentions.length > 0) {
      message.mentions = msg.mentions.map((m) => ({
        key: m.key,
        id: idsOf(this.store.users.get(m.openId) ?? { openId: m.openId }),
        name: m.name,
        tenant_key: tenantKey,
      }));
    }
    return {
      sender: { sender_id: idsOf(user), sender_type: 'user', tenant_key: tenantKey },
      message,
    };
  }

  /** Lark's URL check: an encrypted, unsigned url_verification; the answer must echo the challenge within 1 s. */
  async verifyUrl(url: string): Promise<SimUrlVerification> {
    const challenge = randomHex(20);
    const plain = JSON.stringify({ challenge, token: this.store.app.verificationToken, type: 'url_verification' });
    const body = JSON.stringify({ encrypt: encrypt(this.store.app.encryptKey, plain) });
    const outcome = await this.transport.post(
      url,
      body,
      { 'content-type': 'application/json; charset=utf-8' },
      CHALLENGE_TIMEOUT_MS,
    );
    if (outcome.kind !== 'response') return { ok: false, status: 0, body: '', elapsedMs: outcome.elapsedMs };
    let echoed: unknown;
    try {
      echoed = (JSON.parse(outcome.body) as { challenge?: unknown }).challenge;
    } catch {
      echoed = undefined;
    }
    return {
      ok: outcome.status === 200 && echoed === challenge,
      status: outcome.status,
      body: outcome.body,
      elapsedMs: outcome.elapsedMs,
    };
  }
}

function eventAttempt(a: SimLongConnectionAttempt, duplicate: boolean): SimEventAttempt {
  const base = { at: a.at, elapsedMs: a.elapsedMs, duplicate };
  if (a.outcome === 'ack') return { ...base, status: a.code ?? 0 };
  return { ...base, status: 0, error: a.outcome === 'timeout' ? 'timeout' : 'connection' };
}
