import type { ItemCommand, ItemCommandType } from '../../domain/items/index.js';
import { FIELDS } from '../items/item-actions.js';

type FormValue = Record<string, unknown>;

/**
 * Turns a card form submission into a domain command. Values are passed through as given
 * (trimmed, with Lark's date format normalised) so that the domain, not the edge, decides what
 * is malformed and says why.
 */
export function commandFromForm(cmd: ItemCommandType, form: FormValue): ItemCommand {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  switch (cmd) {
    case 'sign':
      return { type: 'sign', committedDate: larkDate(form[FIELDS.committedDate]) };
    case 'report_progress':
      return { type: 'report_progress', percent: parsePercent(form[FIELDS.percent]), note: text(FIELDS.progressNote) };
    case 'submit':
      return { type: 'submit', result: text(FIELDS.result) };
    case 'approve':
      return { type: 'approve' };
    case 'reject':
      return { type: 'reject', reason: text(FIELDS.rejectReason) };
    case 'request_extension':
      return {
        type: 'request_extension',
        newDueDate: larkDate(form[FIELDS.newDueDate]),
        reason: text(FIELDS.extensionReason),
      };
    case 'approve_extension':
      return { type: 'approve_extension' };
    case 'reject_extension':
      return { type: 'reject_extension', reason: text(FIELDS.extensionRejectReason) };
    case 'transfer':
      return { type: 'transfer', toPersonId: text(FIELDS.transferTo), reason: text(FIELDS.transferReason) };
    case 'cancel':
      return { type: 'cancel', reason: text(FIELDS.cancelReason) };
    case 'urge':
      return { type: 'urge', reason: text(FIELDS.urgeReason) };
    case 'instruct':
      return { type: 'instruct', text: text(FIELDS.instruction) };
    case 'escalate_now':
      return { type: 'escalate_now', level: Number(form[FIELDS.escalateLevel]), reason: text(FIELDS.escalateReason) };
  }
}

/** Lark's date picker sends "2025-06-10 +0800"; we keep the date part. */
export function larkDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s+[+-]\d{4})?$/.exec(value.trim());
  return m ? m[1]! : value.trim();
}

/** "60", "60%" → 60; anything else → NaN so the domain refuses it with its own message. */
export function parsePercent(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const m = /^\s*(\d{1,3})\s*%?\s*$/.exec(value);
  return m ? Number(m[1]) : Number.NaN;
}
