import type * as lark from '@larksuiteoapi/node-sdk';
import { classifyLarkFailure, larkRequest } from '../lark/errors.js';
import type { LarkMessenger } from '../lark/messenger.js';

/** Lark's limit on ids per chat-create or add-members call. */
const MAX_IDS = 50;

/**
 * The Lark calls the monthly ranking needs on top of the shared messenger: group chats (create once, add members),
 * cards into a chat, and image upload. Failures are classified like the messenger's (retryable or not).
 */
export interface RankingLark extends LarkMessenger {
  sendCardToChat(chatId: string, card: object, uuid: string): Promise<string>;
  /** Uploads a PNG or JPEG for use in cards; returns its image_key. */
  uploadImage(image: Buffer): Promise<string>;
  /** Creates a private group chat with the bot; `uuid` makes a retried create return the same chat. */
  createChat(p: { name: string; description: string; openIds: string[]; uuid: string }): Promise<string>;
}

export function createRankingLark(client: lark.Client, messenger: LarkMessenger): RankingLark {
  const call = larkRequest;

  return {
    ...messenger,
    async sendCardToChat(chatId, card, uuid) {
      const res = await call('send card to chat', () =>
        client.im.message.create({
          params: { receive_id_type: 'chat_id' },
          data: { receive_id: chatId, msg_type: 'interactive', content: JSON.stringify(card), uuid },
        }),
      );
      const id = res.data?.message_id;
      if (!id) throw classifyLarkFailure(new Error('response without message_id'), 'send card to chat');
      return id;
    },
    async uploadImage(image) {
      let res: { image_key?: string } | null;
      try {
        // The SDK resolves this one call to `data` itself ({ image_key }), not to { code, data }.
        res = await client.im.image.create({ data: { image_type: 'message', image } });
      } catch (err) {
        throw classifyLarkFailure(err, 'upload image');
      }
      if (!res?.image_key) throw classifyLarkFailure(new Error('response without image_key'), 'upload image');
      return res.image_key;
    },
    async createChat({ name, description, openIds, uuid }) {
      const [first, ...rest] = chunks(openIds, MAX_IDS);
      const res = await call('create chat', () =>
        client.im.chat.create({
          params: { user_id_type: 'open_id', uuid },
          data: { name, description, chat_type: 'private', user_id_list: first ?? [] },
        }),
      );
      const chatId = res.data?.chat_id;
      if (!chatId) throw classifyLarkFailure(new Error('response without chat_id'), 'create chat');
      for (const ids of rest) {
        await call('add chat members', () =>
          client.im.chatMembers.create({
            path: { chat_id: chatId },
            params: { member_id_type: 'open_id', succeed_type: 1 },
            data: { id_list: ids },
          }),
        );
      }
      return chatId;
    },
  };
}

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
