import type * as lark from '@larksuiteoapi/node-sdk';
import { checkBody, classifyLarkFailure } from './errors.js';

/** The slice of Lark messaging Duban uses; activities depend on this, not on the SDK. */
export interface LarkMessenger {
  /** Sends a card to a user; `uuid` makes retries idempotent on Lark's side (1 hour). */
  sendCard(openId: string, card: object, uuid: string): Promise<string>;
  replyText(messageId: string, text: string, uuid: string): Promise<string>;
  patchCard(messageId: string, card: object): Promise<void>;
}

export function createLarkMessenger(client: lark.Client): LarkMessenger {
  async function call<T extends { code?: number; msg?: string }>(what: string, fn: () => Promise<T>): Promise<T> {
    let body: T;
    try {
      body = await fn();
    } catch (err) {
      throw classifyLarkFailure(err, what);
    }
    return checkBody(body, what);
  }

  return {
    async sendCard(openId, card, uuid) {
      const res = await call('send card', () =>
        client.im.message.create({
          params: { receive_id_type: 'open_id' },
          data: { receive_id: openId, msg_type: 'interactive', content: JSON.stringify(card), uuid },
        }),
      );
      return requireMessageId(res.data?.message_id, 'send card');
    },
    async replyText(messageId, text, uuid) {
      const res = await call('reply', () =>
        client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'text', content: JSON.stringify({ text }), uuid },
        }),
      );
      return requireMessageId(res.data?.message_id, 'reply');
    },
    async patchCard(messageId, card) {
      await call('patch card', () =>
        client.im.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }),
      );
    },
  };
}

function requireMessageId(id: string | undefined, what: string): string {
  if (!id) throw classifyLarkFailure(new Error('response without message_id'), what);
  return id;
}
