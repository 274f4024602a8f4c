import { randomBytes } from 'node:crypto';
import type { SimMessage } from '../../larksim/index.js';
import { openIdOf } from './stack.js';
import { TEST_APP } from './test-app.js';

/** A card.action.trigger envelope exactly as Lark builds it, for a click on `message` by `personId`. */
export function cardClickEnvelope(message: SimMessage, personId: string, value: object, formValue: object = {}) {
  return {
    schema: '2.0',
    header: {
      event_id: randomBytes(16).toString('hex'),
      token: TEST_APP.verificationToken,
      create_time: String(Date.now() * 1000),
      event_type: 'card.action.trigger',
      tenant_key: 'tenant',
      app_id: TEST_APP.appId,
    },
    event: {
      operator: { open_id: openIdOf(personId), tenant_key: 'tenant' },
      token: `c-${randomBytes(16).toString('hex')}`,
      action: { value, tag: 'button', timezone: 'Asia/Shanghai', form_value: formValue },
      host: 'im_message',
      context: { open_message_id: message.messageId, open_chat_id: message.chatId },
    },
  };
}
