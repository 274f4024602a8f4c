import type { Kysely } from 'kysely';
import { LarkApiError } from '../../bot/lark/errors.js';
import type { LarkMessenger, UrgentKind } from '../../bot/lark/messenger.js';
import { listCards, recordDelivery } from '../../db/items/cards.js';
import { findPeople } from '../../db/org/org.js';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import type { EscalationPolicy } from '../../domain/escalation/index.js';
import { escalationOf, type ItemState } from '../../domain/items/index.js';
import { resolveChain } from '../../domain/org/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { type CardDelivery, createCardDelivery, retryLater } from '../items/card-delivery.js';
import { urgentChannels } from './urgent-channels.js';

export interface EscalationActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
}

/** What reaching someone took: the channels that worked and, in Chinese, the ones that failed. */
export interface Reach {
  channels: string[];
  failures: string[];
}

export type EscalationOutcome =
  | ({ status: 'person'; personId: string; role: string; standsInFor?: string } & Reach)
  | { status: 'vacant' | 'same_person'; reason: string };

interface StepInput {
  state: ItemState;
  stepId: string;
  label: string;
  /** The workflow's time: what the audit trail and the delivery records say. */
  at: string;
}

/**
 * The side effects of escalation steps: read receipts, reminders (the daily digest for
 * non-紧急 items), 加急, and cards to the chain. Idempotent: notices carry a uuid per
 * (item, step, person); 加急 (which Lark cannot de-duplicate) is recorded before it is
 * repeated; chain levels come from the org as it is on the day of the step.
 */
export function createEscalationActivities(deps: EscalationActivityDeps) {
  const { db, lark, logger } = deps;
  const delivery: CardDelivery = createCardDelivery(deps);

  return {
    async checkRead(input: { itemId: string; personId: string }): Promise<{ readAtMs?: number }> {
      const card = (await listCards(db, input.itemId)).find((c) => c.personId === input.personId);
      const [person] = await findPeople(db, [input.personId]);
      if (!card || !person?.open_id) return {};
      const readers = await delivery.larkCall('read_users', () => lark.readUsers(card.messageId));
      const mine = readers?.find((r) => r.openId === person.open_id);
      return mine ? { readAtMs: mine.readAtMs } : {};
    },

    /** A nudge to the assignee: into tomorrow's digest, or under their card for 紧急 items. */
    async remindAssignee(input: StepInput): Promise<Reach> {
      const { state } = input;
      if (state.spec.urgency === 'urgent') {
        const cards = await delivery.open(state, [state.assigneeId], input.at);
        const ok = await cards.notice(state.assigneeId, input.stepId, reminderText(state, input.label));
        return ok ? { channels: ['notice'], failures: [] } : { channels: [], failures: ['提醒未能送达'] };
      }
      await db
        .insertInto('digest_entries')
        .values({
          dedup_key: `${state.spec.id}:${input.stepId}:${state.assigneeId}`,
          person_id: state.assigneeId,
          item_id: state.spec.id,
          text: reminderText(state, input.label),
          created_at: input.at,
        })
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .execute();
      return { channels: ['digest'], failures: [] };
    },

    /** 加急 to the assignee on their card, with a notice saying why. */
    async urgeAssignee(input: StepInput & { policy: EscalationPolicy }): Promise<Reach> {
      const { state } = input;
      const cards = await delivery.open(state, [state.assigneeId], input.at);
      const cardId = await cards.ensureCard(state.assigneeId);
      if (!cardId) return { channels: [], failures: ['责任人未绑定飞书账号'] };
      await cards.notice(state.assigneeId, input.stepId, `【加急】${input.label}：「${state.spec.title}」`);
      const kinds = urgentChannels(input.policy, state.spec.urgency, 0, true);
      return buzz(state.spec.id, input.stepId, state.assigneeId, cardId, kinds, input.at);
    },

    /** A card to the chain level (resolved from the org on the step's day), a notice, and 加急 where the policy allows. */
    async escalateTo(input: StepInput & { level: number; policy: EscalationPolicy }): Promise<EscalationOutcome> {
      const { state, level } = input;
      const org = await loadOrgSnapshot(db, localDate(input.at));
      const chain = resolveChain(
        org,
        { ownerUnitId: state.spec.ownerUnitId, domain: state.spec.domain, assigneeId: state.assigneeId },
        localDate(input.at),
      );
      const slot = chain[level];
      if (!slot) return { status: 'vacant', reason: `L${level} 不存在` };
      if (slot.status !== 'person') return { status: slot.status, reason: slot.reason };
      // Render the leader's card as it will be once this step is recorded: with 催办 and 批示.
      const esc = escalationOf(state);
      const view: ItemState = {
        ...state,
        escalation: {
          ...esc,
          level: Math.max(esc.level, level),
          recipients: [...new Set([...esc.recipients, slot.personId])],
        },
      };
      const cards = await delivery.open(view, [slot.personId], input.at);
      const cardId = await cards.ensureCard(slot.personId, view);
      if (!cardId)
        return {
          status: 'person',
          personId: slot.personId,
          role: slot.role,
          channels: [],
          failures: ['未绑定飞书账号，无法送达'],
        };
      await cards.notice(slot.personId, input.stepId, escalationText(state, input.label, await assigneeName(state)));
      const kinds = urgentChannels(input.policy, state.spec.urgency, level, false);
      const reach = await buzz(state.spec.id, input.stepId, slot.personId, cardId, kinds, input.at);
      return {
        status: 'person',
        personId: slot.personId,
        role: slot.role,
        ...(slot.standsInFor ? { standsInFor: slot.standsInFor } : {}),
        channels: ['card', 'notice', ...reach.channels],
        failures: reach.failures,
      };
    },
  };

  async function assigneeName(state: ItemState): Promise<string> {
    const [p] = await findPeople(db, [state.assigneeId]);
    return p?.name ?? state.assigneeId;
  }

  /**
   * 加急 over the allowed channels, cheapest last resort first: a paid channel that fails
   * (quota used up, 200 unread) falls back to in-app 加急, and the failure is kept for the record.
   */
  async function buzz(
    itemId: string,
    stepId: string,
    personId: string,
    cardId: string,
    kinds: UrgentKind[],
    at: string,
  ) {
    const reach: Reach = { channels: [], failures: [] };
    const [person] = await findPeople(db, [personId]);
    if (!person?.open_id || kinds.length === 0) return reach;
    const tryKind = async (kind: UrgentKind): Promise<boolean> => {
      const dedupKey = `urgent:${itemId}:${stepId}:${personId}:${kind}`;
      const done = await db.selectFrom('deliveries').select('ok').where('dedup_key', '=', dedupKey).executeTakeFirst();
      if (done) return done.ok;
      try {
        await lark.urgent(kind, cardId, [person.open_id!]);
        await recordDelivery(db, {
          dedupKey,
          itemId,
          personId,
          channel: `urgent_${kind}`,
          messageId: cardId,
          ok: true,
          at,
        });
        return true;
      } catch (err) {
        if (!(err instanceof LarkApiError) || err.retryable) throw retryLater(`urgent_${kind}`, err);
        const detail = urgentFailure(kind, err.code);
        await recordDelivery(db, {
          dedupKey,
          itemId,
          personId,
          channel: `urgent_${kind}`,
          messageId: cardId,
          ok: false,
          detail,
          at,
        });
        logger.warn('urgent failed', { itemId, personId, kind, code: err.code });
        reach.failures.push(detail);
        return false;
      }
    };
    for (const kind of kinds) {
      if (await tryKind(kind)) {
        reach.channels.push(`urgent_${kind}`);
        return reach;
      }
    }
    if (!kinds.includes('app') && (await tryKind('app'))) reach.channels.push('urgent_app');
    return reach;
  }
}

function urgentFailure(kind: UrgentKind, code: number | undefined): string {
  const channel = { app: '应用内加急', sms: '短信加急', phone: '电话加急' }[kind];
  if (code === 230024) return `${channel}失败：加急配额已用完（230024）`;
  if (code === 230023) return `${channel}失败：对方未读加急消息已达 200 条（230023）`;
  return `${channel}失败（${code ?? '未知错误'}）`;
}

function reminderText(state: ItemState, label: string): string {
  return `【提醒】「${state.spec.title}」办结期限 ${localDate(state.dueAt)}：${label}`;
}

function escalationText(state: ItemState, label: string, assignee: string): string {
  return `【督办】${label}：${assignee} 负责的「${state.spec.title}」办结期限 ${localDate(state.dueAt)}。请督促办理，可在卡片上催办或批示。`;
}

export type EscalationActivities = ReturnType<typeof createEscalationActivities>;
