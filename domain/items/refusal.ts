/** Why a command was refused. `message` is shown to the user as a toast, so it is Chinese. */
export type RefusalCode =
  | 'not_assignee'
  | 'not_reviewer'
  | 'not_issuer'
  | 'not_allowed_in_state'
  | 'invalid_value'
  | 'extension_pending'
  | 'no_extension_pending'
  | 'past_deadline'
  | 'outside_unit';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
}

export function refuse(code: RefusalCode, message: string): Refusal {
  return { ok: false, code, message };
}
