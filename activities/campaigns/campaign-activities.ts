import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { campaignCard } from '../../bot/campaigns/campaign-card.js';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import {
  campaignItemFacts,
  closeCampaign,
  findCampaign,
  insertCampaign,
  listCampaignUnits,
  recordCampaignEvent,
  saveCampaignCard,
  saveCardSignature,
} from '../../db/campaigns/campaigns.js';
import { activePolicy, type StoredPolicy } from '../../db/escalation/policies.js';
import { findItem } from '../../db/items/items.js';
import { findPeople } from '../../db/org/org.js';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import {
  type CampaignDef,
  type CampaignUnit,
  campaignItemId,
  describeTarget,
  rollUp,
  rollupSignature,
  selectTargetUnits,
} from '../../domain/campaigns/index.js';
import { indexOrg } from '../../domain/org/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { itemUpdates } from '../../workflows/items/messages.js';
import { createCardDelivery, heartbeat, larkUuid } from '../items/card-delivery.js';

export interface CampaignActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

export interface PreparedCampaign {
  units: CampaignUnit[];
  policy: StoredPolicy;
}

export interface CampaignSync {
  total: number;
  closed: number;
  /** The card was sent or patched: something changed since the last look. */
  changed: boolean;
}

/**
 * Side effects of a campaign: freezing whom it addresses, the issuer's roll-up card, withdrawal. Idempotent: the
 * campaign row and its units are written once, the card is sent with a Lark uuid and patched only when what it
 * shows changes, and cancelling an item uses an Update id derived from the campaign and the item.
 */
export function createCampaignActivities(deps: CampaignActivityDeps) {
  const { db, lark, logger } = deps;
  const { larkCall } = createCardDelivery(deps);

  return {
    /** Resolves the target in today's org, records the campaign and its units, and returns the policy to snapshot. */
    async prepareCampaign(input: {
      def: CampaignDef;
      createdAt: string;
      signBy: string;
      dueAt: string;
    }): Promise<PreparedCampaign> {
      const { def } = input;
      const org = indexOrg(await loadOrgSnapshot(db, localDate(input.createdAt)));
      const selection = selectTargetUnits(org, def.target);
      const units = await insertCampaign(db, {
        def,
        units: selection.units.map((u) => ({ ...u, itemId: campaignItemId(def.id, u.unitId) })),
        signBy: input.signBy,
        dueAt: input.dueAt,
        createdAt: input.createdAt,
      });
      await recordCampaignEvent(db, {
        campaignId: def.id,
        dedupKey: `campaign:${def.id}:dispatched`,
        type: 'dispatched',
        actorId: def.issuerId,
        at: input.createdAt,
        payload: {
          target: def.target,
          units: units.length,
          unstaffed: selection.unstaffed,
          unknown: selection.unknown,
        },
      });
      return { units, policy: await activePolicy(db) };
    },

    /** Looks at the campaign's items in the ledger; sends the issuer's card once, then patches it on change. */
    async syncCampaign(input: { campaignId: string; at: string }): Promise<CampaignSync> {
      const row = await findCampaign(db, input.campaignId);
      if (!row) throw new Error(`campaign ${input.campaignId} not recorded`);
      const rollup = rollUp(await campaignItemFacts(db, row.id), input.at);
      const closed = rollup.done + rollup.cancelled;
      const signature = `${row.status}|${rollupSignature(rollup)}`;
      if (row.card_message_id && row.card_signature === signature)
        return { total: rollup.total, closed, changed: false };

      const card = campaignCard({
        campaignId: row.id,
        title: row.title,
        targetText: await targetText(row.definition),
        dueAt: row.due_at,
        status: row.status,
        closeReason: row.close_reason,
        rollup,
        now: input.at,
      });
      if (row.card_message_id) {
        await larkCall(`patch campaign ${row.id}`, () => lark.patchCard(row.card_message_id!, card));
      } else {
        const [issuer] = await findPeople(db, [row.issuer_id]);
        if (!issuer?.open_id) {
          logger.warn('campaign card not sent: the issuer has no Lark account', { campaignId: row.id });
          return { total: rollup.total, closed, changed: false };
        }
        const messageId = await larkCall(`send campaign ${row.id}`, () =>
          lark.sendCard(issuer.open_id!, card, larkUuid(`campaign:${row.id}:card`)),
        );
        if (!messageId) return { total: rollup.total, closed, changed: false };
        await saveCampaignCard(db, row.id, messageId);
      }
      await saveCardSignature(db, row.id, signature);
      return { total: rollup.total, closed, changed: true };
    },

    /** 撤回: cancels every open item of the campaign as its issuer, with the reason on each item's record. */
    async withdrawCampaignItems(input: {
      campaignId: string;
      actorId: string;
      reason: string;
      at: string;
    }): Promise<{ cancelled: number }> {
      await recordCampaignEvent(db, {
        campaignId: input.campaignId,
        dedupKey: `campaign:${input.campaignId}:withdraw`,
        type: 'withdraw_requested',
        actorId: input.actorId,
        at: input.at,
        payload: { reason: input.reason },
      });
      const client = Context.current().client;
      let cancelled = 0;
      for (const unit of await listCampaignUnits(db, input.campaignId)) {
        heartbeat();
        const row = await findItem(db, unit.itemId);
        if (row && (row.status === 'done' || row.status === 'cancelled')) continue;
        try {
          await client.workflow.getHandle(unit.itemId).executeUpdate(itemUpdates.cancel, {
            args: [{ actorId: input.actorId, command: { type: 'cancel', reason: `督办活动撤回：${input.reason}` } }],
            updateId: `withdraw:${input.campaignId}:${unit.itemId}`,
          });
          cancelled += 1;
        } catch (err) {
          // Refused (办结 meanwhile) or gone: nothing left to cancel for this unit.
          if (!(err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError)) throw err;
          logger.info('campaign item not cancelled', { itemId: unit.itemId, error: err });
        }
      }
      return { cancelled };
    },

    async closeCampaign(input: {
      campaignId: string;
      status: 'done' | 'withdrawn';
      actorId: string;
      reason?: string;
      at: string;
    }): Promise<void> {
      await closeCampaign(db, input.campaignId, input.status, input.at, input.reason ?? null);
      await recordCampaignEvent(db, {
        campaignId: input.campaignId,
        dedupKey: `campaign:${input.campaignId}:closed`,
        type: 'closed',
        actorId: input.actorId,
        at: input.at,
        payload: { status: input.status, ...(input.reason ? { reason: input.reason } : {}) },
      });
    },
  };

  async function targetText(def: CampaignDef): Promise<string> {
    const ids =
      def.target.kind === 'units'
        ? def.target.unitIds
        : def.target.kind === 'village'
          ? (def.target.townshipIds ?? [])
          : [];
    if (ids.length === 0) return describeTarget(def.target);
    const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return describeTarget(def.target, (id) => names.get(id) ?? id);
  }
}

export type CampaignActivities = ReturnType<typeof createCampaignActivities>;
