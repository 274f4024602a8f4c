import type { Kysely } from 'kysely';
import { findPersonByOpenId } from '../../db/org/org.js';
import type { Database, Person } from '../../db/schema.js';
import type { Logger } from '../../platform/logger.js';
import { type CardCallbackResponse, toast } from './toast.js';

/** The flattened `card.action.trigger` payload the SDK's EventDispatcher hands us. */
export interface CardActionData {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { value?: unknown; form_value?: Record<string, unknown>; name?: string; tag?: string };
  context?: { open_message_id?: string };
}

/** A click by a registered person, ready for a feature to act on. */
export interface CardClick {
  /** Lark's event id: use it as the idempotency key of whatever the click does. */
  eventId: string | undefined;
  actor: Person;
  value: Record<string, unknown>;
  formValue: Record<string, unknown>;
  messageId: string | undefined;
}

export type CardRoute = (click: CardClick) => Promise<CardCallbackResponse>;

/**
 * Dispatches card clicks by the `kind` in the button's value (items' buttons carry none and go
 * to 'item'). Resolves the operator to a person once for every feature, and never throws: the
 * SDK would drop the response and Lark would show a generic error.
 */
export function createCardRouter(deps: { db: Kysely<Database>; logger: Logger }, routes: Record<string, CardRoute>) {
  return async function onCardAction(data: CardActionData): Promise<CardCallbackResponse> {
    try {
      const value = data.action?.value;
      if (!value || typeof value !== 'object') return toast('error', '无法识别的操作', 'Unknown action');
      const v = value as Record<string, unknown>;
      const kind = typeof v.kind === 'string' ? v.kind : 'item';
      // Own keys only: a button value of "__proto__" or "toString" must not reach Object.prototype.
      const route = Object.hasOwn(routes, kind) ? routes[kind] : undefined;
      if (!route) return toast('error', '无法识别的操作', 'Unknown action');
      const openId = data.operator?.open_id;
      const actor = openId ? await findPersonByOpenId(deps.db, openId) : undefined;
      if (!actor) return toast('error', '您尚未登记为督办系统用户，请联系督查室', 'You are not registered in Duban');
      return await route({
        eventId: data.event_id,
        actor,
        value: v,
        formValue: data.action?.form_value ?? {},
        messageId: data.context?.open_message_id,
      });
    } catch (err) {
      deps.logger.error('card action failed', { eventId: data.event_id, error: String(err) });
      return toast('error', '系统繁忙，请稍后重试', 'Something went wrong, please retry');
    }
  };
}
