import type { Kysely } from 'kysely';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import { recordTransition } from '../../db/items/items.js';
import { findPeople } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import { type ItemEvent, type ItemState, plan } from '../../domain/items/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { createCardDelivery } from './card-delivery.js';

export { larkUuid } from './card-delivery.js';

export interface ItemActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  clock: () => Date;
  logger: Logger;
}

/**
 * Side effects of a supervision item. Every activity is idempotent: ledger rows are keyed by
 * (item, seq), Lark sends carry a uuid derived from the item and the reason for sending, and
 * patches re-render the same content, so Temporal may retry any of them safely.
 */
export function createItemActivities(deps: ItemActivityDeps) {
  const { db } = deps;
  const delivery = createCardDelivery(deps);

  return {
    async recordTransition(input: { state: ItemState; event: ItemEvent }): Promise<void> {
      await recordTransition(db, input.state, input.event, toShanghaiIso(deps.clock().getTime()));
    },

    /** The cards and notices a batch of events calls for, then every card patched to the new state. */
    async deliverNotifications(input: { state: ItemState; events: ItemEvent[]; at?: string }): Promise<void> {
      const { state, events } = input;
      const at = input.at ?? toShanghaiIso(deps.clock().getTime());
      const plans = events.map((e) => ({ event: e, plan: plan(state, e) }));
      const speakers = plans.flatMap((p) => p.plan.notices.flatMap((n) => (n.from ? [n.from] : [])));
      const wanted = plans.flatMap((p) => [...p.plan.cards, ...p.plan.notices.map((n) => n.personId)]);
      const cards = await delivery.open(state, wanted, at);
      const names = new Map((await findPeople(db, speakers)).map((p) => [p.id, p.name]));

      for (const personId of new Set(plans.flatMap((p) => p.plan.cards))) await cards.ensureCard(personId);
      for (const { event, plan: p } of plans) {
        for (const n of p.notices) {
          const text = n.from ? `${n.text}（${names.get(n.from) ?? n.from}）` : n.text;
          await cards.notice(n.personId, String(event.seq), text);
        }
      }
      await cards.patchAll();
    },
  };
}

export type ItemActivities = ReturnType<typeof createItemActivities>;
