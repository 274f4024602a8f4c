import { localDate } from '../calendar/index.js';
import { type Refusal, refuse } from '../items/index.js';
import { requireText } from '../items/validate.js';

/**
 * A supervisor's pause of one cadence for one unit (an emergency, a merger, a vacancy), with its reason. While a
 * pause is in force the unit gets no item for the cadence's periods; the skip is recorded with the pause's reason.
 */
export interface CadencePause {
  cadenceId: string;
  unitId: string;
  /** First date (Asia/Shanghai) the pause applies to. */
  from: string;
  reason: string;
  by: string;
  at: string;
  /** When the pause was lifted; absent while it is in force. */
  resumedAt?: string;
}

/** The pause in force for a unit at `instant`, if any: started on or before that date and not yet lifted. */
export function pauseInForce(
  pauses: readonly CadencePause[],
  cadenceId: string,
  unitId: string,
  instant: string,
): CadencePause | undefined {
  const date = localDate(instant);
  const t = Date.parse(instant);
  return pauses.find(
    (p) =>
      p.cadenceId === cadenceId &&
      p.unitId === unitId &&
      p.from <= date &&
      (p.resumedAt === undefined || Date.parse(p.resumedAt) > t),
  );
}

/** Checks a pause request; `open` is the unit's pause still in force for this cadence, if any. */
export function checkPause(reason: string, open: CadencePause | undefined): Refusal | undefined {
  if (open) return refuse('not_allowed_in_state', `该单位已暂停（自 ${open.from} 起，理由：${open.reason}）`);
  return requireText(reason, '暂停理由', 200);
}

/** Checks a resume request. */
export function checkResume(open: CadencePause | undefined): Refusal | undefined {
  return open ? undefined : refuse('not_allowed_in_state', '该单位的这项常态化任务没有暂停，无需恢复');
}
