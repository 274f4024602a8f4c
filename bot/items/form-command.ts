import type { ItemCommand, ItemCommandType } from '../../domain/items/index.js';
import { type FormValue, larkDate, parsePercent } from '../webhook/form-values.js';
import { FIELDS } from './item-actions.js';

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
