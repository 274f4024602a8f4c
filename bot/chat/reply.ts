import { createHash } from 'node:crypto';
import type * as lark from '@larksuiteoapi/node-sdk';
import { checkBody, classifyLarkFailure } from '../lark/errors.js';

/** How the chat router answers: a card in reply to the user's message. */
export interface ChatReplier {
  replyCard(messageId: string, card: object, uuid: string): Promise<void>;
}

/** A reply's Lark uuid, derived from the incoming message id: a redelivered message can never be answered twice. */
export function replyUuid(messageId: string): string {
  return `c-${createHash('sha256').update(`chat-reply:${messageId}`).digest('base64url').slice(0, 40)}`;
}

export function createChatReplier(client: lark.Client): ChatReplier {
  return {
    async replyCard(messageId, card, uuid) {
      let body: { code?: number; msg?: string };
      try {
        body = await client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'interactive', content: JSON.stringify(card), uuid },
        });
      } catch (err) {
        throw classifyLarkFailure(err, 'chat reply');
      }
      checkBody(body, 'chat reply');
    },
  };
}
