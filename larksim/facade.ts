import type { CardCallbacks } from './callbacks.js';
import type { EventPusher } from './events.js';
import type { Faults } from './faults.js';
import type { SimLongConnection } from './longconn/types.js';
import { publicMessage, type Store } from './store.js';
import type { Transport } from './transport.js';
import type { LarkSim } from './types.js';
import { SimUsageError } from './usage-error.js';

export interface SimParts {
  url: string;
  store: Store;
  transport: Transport;
  cards: CardCallbacks;
  events: EventPusher;
  faults: Faults;
  longConnection: SimLongConnection;
  closeServer(): Promise<void>;
}

/** Records a read by a member of the message's chat (the sender's own messages are ignored). */
export function markRead(store: Store, messageId: string, openId: string): void {
  const msg = store.messages.get(messageId);
  if (!msg) throw new SimUsageError(`message ${messageId} not found`, '消息不存在');
  if (!store.chats.get(msg.chatId)?.members.has(openId)) {
    throw new SimUsageError(`${openId} is not in the chat of ${messageId}`, '用户不在该会话中');
  }
  store.markRead(messageId, openId);
}

/**
 * The LarkSim object handed to tests and the app. Methods never use `this`, so they can be passed around unbound
 * (e.g. `stops.push(sim.close)`). Inspection results are copies.
 */
export function createFacade(p: SimParts): LarkSim {
  const { store, transport, cards, events, faults } = p;
  return {
    url: p.url,
    async close() {
      transport.close();
      await p.closeServer();
    },
    setCallbackUrls(urls) {
      if (urls.card !== undefined) store.app.cardCallbackUrl = urls.card;
      if (urls.event !== undefined) store.app.eventCallbackUrl = urls.event;
    },
    upsertUsers: (users) => store.upsertUsers(users),
    upsertDepartments: (departments) => store.upsertDepartments(departments),
    messages(filter = {}) {
      return [...store.messages.values()]
        .filter((m) => filter.includeDeleted || !m.deleted)
        .filter((m) => filter.receiverOpenId === undefined || m.receiverOpenId === filter.receiverOpenId)
        .filter((m) => filter.chatId === undefined || m.chatId === filter.chatId)
        .map(publicMessage);
    },
    message(messageId) {
      const m = store.messages.get(messageId);
      return m ? publicMessage(m) : undefined;
    },
    requests(filter = {}) {
      const { path } = filter;
      return store.requestLog
        .filter((r) => path === undefined || (typeof path === 'string' ? r.path === path : path.test(r.path)))
        .map((r) => structuredClone(r));
    },
    deliveries: () => structuredClone(store.deliveryLog),
    rateLimitViolations: () => structuredClone(store.violations),
    eventDeliveries: () => structuredClone(store.eventLog),
    click: (params) => cards.click(params),
    sendText: (params) => events.sendText(params),
    markRead: (messageId, openId) => markRead(store, messageId, openId),
    buildCallback: (envelope) => transport.seal(envelope),
    async postRaw(target, body, headers) {
      const outcome = await transport.post(target, body, headers);
      if (outcome.kind !== 'response') throw new Error(`postRaw ${target}: ${outcome.kind} (${outcome.message})`);
      return { status: outcome.status, body: outcome.body };
    },
    redeliverLastCallback: () => cards.redeliverLast(),
    duplicateNextEvent: () => events.duplicateNextEvent(),
    verifyUrl: (target) => events.verifyUrl(target),
    injectFault: (fault) => faults.add(fault),
    setQuota(kind, remaining) {
      store.quota[kind] = remaining;
    },
    p2pChatId: (openId) => store.p2pChatId(openId),
    longConnection: p.longConnection,
  };
}
