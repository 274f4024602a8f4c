import type { Kysely } from 'kysely';
import { insertPause, openPause, resumePause } from '../../db/cadence/cadences.js';
import { findUnit } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import {
  CADENCE_IDS,
  type CadenceDefinition,
  cadenceById,
  checkPause,
  checkResume,
} from '../../domain/cadence/index.js';
import { localDate, toShanghaiIso } from '../../domain/shanghai-time.js';

export type CadenceAdminResult = { ok: true; message: string } | { ok: false; message: string };

export interface PauseRequest {
  cadenceId: string;
  unitId: string;
  reason: string;
  /** A 督查室 member or the 县委书记; 'cli' is the console operator, recorded as such. */
  actorId: string;
  now?: Date;
}

/**
 * 暂停: the unit gets no item of this cadence from today until resumed (e.g. while it handles an emergency). The
 * pause and its reason are on record (cadence_pauses + an audit row), and each period it skips says why.
 */
export async function pauseCadence(db: Kysely<Database>, req: PauseRequest): Promise<CadenceAdminResult> {
  const checked = await checkRequest(db, req);
  if (!checked.ok) return checked;
  const at = toShanghaiIso((req.now ?? new Date()).getTime());
  const refusal = checkPause(req.reason, await openPause(db, req.cadenceId, req.unitId));
  if (refusal) return { ok: false, message: refusal.message };
  const from = localDate(at);
  try {
    await insertPause(db, {
      cadenceId: req.cadenceId,
      unitId: req.unitId,
      from,
      reason: req.reason.trim(),
      by: req.actorId,
      at,
    });
  } catch (err) {
    // Two pauses at the same moment: the partial unique index lets one through.
    if ((err as { code?: string }).code === '23505') return { ok: false, message: '该单位已暂停，请勿重复操作' };
    throw err;
  }
  return {
    ok: true,
    message: `已暂停${checked.unitName}的「${checked.def.name}」（自 ${from} 起），理由：${req.reason.trim()}`,
  };
}

/** 恢复: the unit reports again from the next period on. */
export async function resumeCadence(db: Kysely<Database>, req: PauseRequest): Promise<CadenceAdminResult> {
  const checked = await checkRequest(db, req);
  if (!checked.ok) return checked;
  const refusal = checkResume(await openPause(db, req.cadenceId, req.unitId));
  if (refusal) return { ok: false, message: refusal.message };
  const at = toShanghaiIso((req.now ?? new Date()).getTime());
  const done = await resumePause(db, { ...req, by: req.actorId, at, reason: req.reason.trim() });
  if (!done) return { ok: false, message: '该单位的这项常态化任务没有暂停，无需恢复' };
  return { ok: true, message: `已恢复${checked.unitName}的「${checked.def.name}」，下一期起照常交办` };
}

async function checkRequest(
  db: Kysely<Database>,
  req: PauseRequest,
): Promise<{ ok: true; def: CadenceDefinition; unitName: string } | { ok: false; message: string }> {
  const def = cadenceById(req.cadenceId);
  if (!def) return { ok: false, message: `未知的常态化任务：${req.cadenceId}（可用：${CADENCE_IDS.join('、')}）` };
  const unit = await findUnit(db, req.unitId);
  if (!unit) return { ok: false, message: `未找到单位：${req.unitId}` };
  const covered =
    def.units.kind === 'department'
      ? unit.kind === 'department' && unit.domain === def.units.domain
      : unit.kind === def.units.kind;
  if (!covered) return { ok: false, message: `${unit.name}不在「${def.name}」的范围内` };
  if (req.actorId !== 'cli' && !(await maySupervise(db, req.actorId))) {
    return { ok: false, message: `只有督查室人员可以暂停或恢复常态化任务：${req.actorId}` };
  }
  return { ok: true, def, unitName: unit.name };
}

async function maySupervise(db: Kysely<Database>, personId: string): Promise<boolean> {
  const post = await db
    .selectFrom('posts')
    .select('id')
    .where('person_id', '=', personId)
    .where('role', 'in', ['supervisor', 'secretary'])
    .executeTakeFirst();
  return post !== undefined;
}
