import { localDate } from '../shanghai-time.js';
import type { ItemEvent } from './events.js';
import type { ItemState } from './types.js';

/**
 * Who must hear about an event. Every participant has one card per item that is patched on
 * every change; a patch does not notify, so anything that needs a person's attention is also
 * a short notice replied under their card.
 */
export interface NotificationPlan {
  /** People who must have a card for this item (sent if they have none yet). */
  cards: string[];
  /** `from`: the person speaking (催办, 批示); the sender renders their name in front. */
  notices: { personId: string; text: string; from?: string }[];
}

export function plan(after: ItemState, event: ItemEvent): NotificationPlan {
  const { assigneeId } = after;
  const { reviewerId, issuerId } = after.spec;
  switch (event.type) {
    case 'created':
      // A campaign of 74 villages must not bury its issuer under 74 cards: they follow the campaign's roll-up card.
      return { cards: after.spec.campaignId ? [assigneeId] : unique([assigneeId, issuerId]), notices: [] };
    case 'signed':
    case 'progress_reported':
      return { cards: [], notices: [] };
    case 'submitted':
      return { cards: [reviewerId], notices: [{ personId: reviewerId, text: '有一项办结材料待您审核。' }] };
    case 'approved': {
      const text = after.spec.kind === 'rectification' ? '整改已确认到位，予以销号。' : '审核已通过，事项已办结。';
      return { cards: [], notices: [{ personId: assigneeId, text }] };
    }
    case 'returned':
      return {
        cards: [],
        notices: [{ personId: assigneeId, text: `办结材料被退回，理由：${event.reason}。请修改后重新提交。` }],
      };
    case 'extension_requested':
      return {
        cards: [reviewerId],
        notices: [{ personId: reviewerId, text: `收到延期申请：延至 ${localDate(event.newDueAt)}，请审核。` }],
      };
    case 'extension_approved':
      return {
        cards: [],
        notices: [{ personId: assigneeId, text: `延期申请已同意，新的办结期限为 ${localDate(event.newDueAt)}。` }],
      };
    case 'extension_rejected':
      return {
        cards: [],
        notices: [{ personId: assigneeId, text: `延期申请未同意，理由：${event.reason}。请按原期限办理。` }],
      };
    case 'transferred':
      return {
        cards: [event.toPersonId],
        notices: [{ personId: event.fromPersonId, text: '事项已转办，您不再是责任人。' }],
      };
    case 'cancelled':
      return { cards: [], notices: [{ personId: assigneeId, text: `事项已撤销，理由：${event.reason}。` }] };
    case 'urged':
      return { cards: [], notices: [{ personId: assigneeId, text: `【催办】${event.reason}`, from: event.actorId }] };
    case 'instructed':
      return { cards: [], notices: [{ personId: assigneeId, text: `【批示】${event.text}`, from: event.actorId }] };
    // Escalation steps deliver their own cards and notices (activities/escalation/escalation-activities.ts);
    // reads and requests only refresh the cards.
    case 'read_checked':
    case 'reminded':
    case 'escalated':
    case 'escalation_skipped':
    case 'escalation_requested':
    case 'calendar_changed':
      return { cards: [], notices: [] };
  }
}

/**
 * Whether an event changes what anyone's card shows. Read checks, reminders and skipped levels
 * only go into the audit trail; re-patching every card for them would cost Lark calls for nothing.
 */
export function changesCards(event: ItemEvent): boolean {
  return !['read_checked', 'reminded', 'escalation_skipped', 'calendar_changed'].includes(event.type);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
