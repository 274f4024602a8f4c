import type { Kysely } from 'kysely';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import { listRoundMessages, saveRoundMessage } from '../../db/crosscheck/crosscheck.js';
import { findPeople } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../platform/logger.js';
import { larkCaller, larkUuid } from '../items/card-delivery.js';

export interface CrosscheckDeliveryDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

/**
 * A round's Lark messages, idempotently: each has a key within the round ('team:3', 'organizer', 'report:…'), its
 * Lark uuid derives from the key, and a key already sent is patched instead, so a retried activity sends nothing
 * twice. Retryable Lark failures go back to Temporal with Lark's reset hint; refusals are logged and skipped.
 */
export function createCrosscheckDelivery(deps: CrosscheckDeliveryDeps) {
  const { db, lark, logger } = deps;

  const larkCall = larkCaller(logger);

  return {
    /** Sends `card` under `key` to a person, or patches the message already sent under it. */
    async toPerson(roundId: string, key: string, personId: string, card: object): Promise<string | undefined> {
      const sent = (await listRoundMessages(db, roundId)).get(key);
      if (sent) {
        await larkCall(`patch ${roundId}/${key}`, () => lark.patchCard(sent, card));
        return sent;
      }
      const [person] = await findPeople(db, [personId]);
      if (!person?.open_id) {
        logger.warn('crosscheck card not sent: person has no Lark account', { roundId, personId });
        return undefined;
      }
      const openId = person.open_id;
      const id = await larkCall(`send ${roundId}/${key}`, () =>
        lark.sendCard(openId, card, larkUuid(`crosscheck:${roundId}:${key}`)),
      );
      if (id) await saveRoundMessage(db, roundId, key, id);
      return id;
    },

    /** Patches the message under `key` if there is one (a card never sent is not sent by a refresh). */
    async patch(roundId: string, key: string, card: object): Promise<void> {
      const sent = (await listRoundMessages(db, roundId)).get(key);
      if (sent) await larkCall(`patch ${roundId}/${key}`, () => lark.patchCard(sent, card));
    },
  };
}

export type CrosscheckDelivery = ReturnType<typeof createCrosscheckDelivery>;
