import type * as lark from '@larksuiteoapi/node-sdk';
import { classifyLarkFailure, LarkApiError, larkRequest } from './errors.js';
import { LARK_LIMITS, SlidingWindowLimiter, SlotTooFar } from './rate-limiter.js';

/** Longer waits are handed back to the caller (Temporal retries the activity later). */
const MAX_PACING_WAIT_MS = 500;

/** The slice of Lark messaging Duban uses; activities depend on this, not on the SDK. */
export interface LarkMessenger {
  /** Sends a card to a user; `uuid` makes retries idempotent on Lark's side (1 hour). */
  sendCard(openId: string, card: object, uuid: string): Promise<string>;
  replyText(messageId: string, text: string, uuid: string): Promise<string>;
  patchCard(messageId: string, card: object): Promise<void>;
  /** 加急 on one of our messages; returns the ids Lark reported invalid. */
  urgent(kind: UrgentKind, messageId: string, openIds: string[]): Promise<string[]>;
  /** Who has read one of our messages, with Lark's read time (ms since epoch). */
  readUsers(messageId: string): Promise<{ openId: string; readAtMs: number }[]>;
}

export type UrgentKind = 'app' | 'sms' | 'phone';

export function createLarkMessenger(client: lark.Client, pacing = new SlidingWindowLimiter()): LarkMessenger {
  const limiter = {
    async acquire(rules: Parameters<SlidingWindowLimiter['acquire']>[0]) {
      try {
        await pacing.acquire(rules, MAX_PACING_WAIT_MS);
      } catch (err) {
        if (!(err instanceof SlotTooFar)) throw err;
        throw new LarkApiError(`paced: ${err.message}`, undefined, true, err.waitMs);
      }
    },
  };
  // Replies land in the card's chat; remember whose chat each card is in to pace per recipient.
  const recipientOf = new Map<string, string>();
  const app = (route: string) => [
    { key: `app:${route}`, limit: LARK_LIMITS.appPerSecond, windowMs: LARK_LIMITS.secondWindowMs },
    { key: `app-min:${route}`, limit: LARK_LIMITS.appPerMinute, windowMs: 60_000 },
  ];
  const recipient = (openId: string | undefined) =>
    openId
      ? [{ key: `to:${openId}`, limit: LARK_LIMITS.perRecipientPerSecond, windowMs: LARK_LIMITS.secondWindowMs }]
      : [];

  const call = larkRequest;

  return {
    async sendCard(openId, card, uuid) {
      await limiter.acquire([...app('send'), ...recipient(openId)]);
      const res = await call('send card', () =>
        client.im.message.create({
          params: { receive_id_type: 'open_id' },
          data: { receive_id: openId, msg_type: 'interactive', content: JSON.stringify(card), uuid },
        }),
      );
      const messageId = requireMessageId(res.data?.message_id, 'send card');
      recipientOf.set(messageId, openId);
      return messageId;
    },
    async replyText(messageId, text, uuid) {
      await limiter.acquire([...app('reply'), ...recipient(recipientOf.get(messageId))]);
      const res = await call('reply', () =>
        client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'text', content: JSON.stringify({ text }), uuid },
        }),
      );
      return requireMessageId(res.data?.message_id, 'reply');
    },
    async patchCard(messageId, card) {
      await limiter.acquire([
        ...app('patch'),
        {
          key: `patch:${messageId}`,
          limit: LARK_LIMITS.perMessagePatchPerSecond,
          windowMs: LARK_LIMITS.secondWindowMs,
        },
      ]);
      await call('patch card', () =>
        client.im.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }),
      );
    },
    async urgent(kind, messageId, openIds) {
      await limiter.acquire([...app(`urgent_${kind}`)]);
      const args = {
        path: { message_id: messageId },
        params: { user_id_type: 'open_id' as const },
        data: { user_id_list: openIds },
      };
      const res = await call(`urgent_${kind}`, () =>
        kind === 'app'
          ? client.im.message.urgentApp(args)
          : kind === 'sms'
            ? client.im.message.urgentSms(args)
            : client.im.message.urgentPhone(args),
      );
      return res.data?.invalid_user_id_list ?? [];
    },
    async readUsers(messageId) {
      await limiter.acquire([...app('read_users')]);
      const readers: { openId: string; readAtMs: number }[] = [];
      let pageToken: string | undefined;
      do {
        const res = await call('read_users', () =>
          client.im.message.readUsers({
            path: { message_id: messageId },
            params: { user_id_type: 'open_id', page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) },
          }),
        );
        for (const item of res.data?.items ?? []) {
          if (item.user_id) readers.push({ openId: item.user_id, readAtMs: Number(item.timestamp ?? 0) });
        }
        pageToken = res.data?.has_more ? res.data.page_token : undefined;
      } while (pageToken);
      return readers;
    },
  };
}

function requireMessageId(id: string | undefined, what: string): string {
  if (!id) throw classifyLarkFailure(new Error('response without message_id'), what);
  return id;
}
