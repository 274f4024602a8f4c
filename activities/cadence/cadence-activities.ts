import type { Kysely } from 'kysely';
import { listPauses, recordCadenceEvent } from '../../db/cadence/cadences.js';
import { activePolicy, type StoredPolicy } from '../../db/escalation/policies.js';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import { type CadenceUnit, cadenceById, cadenceRoster, pauseInForce } from '../../domain/cadence/index.js';
import { indexOrg } from '../../domain/org/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';

export interface CadenceActivityDeps {
  db: Kysely<Database>;
  logger: Logger;
}

export interface SkippedUnit {
  unitId: string;
  unitName: string;
  /** Chinese: the pause's reason, or what the unit lacks. */
  reason: string;
}

export interface PreparedPeriod {
  /** The 督查室 member the items are issued by; absent when the org has none. */
  issuerId?: string;
  units: CadenceUnit[];
  skipped: SkippedUnit[];
  policy: StoredPolicy;
}

/**
 * Side effects of a cadence period: who reports this period (the org of the day, minus units paused at the
 * period's opening), and the audit rows of the period and its skipped units. Idempotent: every audit row has a
 * key derived from the cadence, the period and the unit (or the run).
 */
export function createCadenceActivities(deps: CadenceActivityDeps) {
  const { db, logger } = deps;
  return {
    async prepareCadencePeriod(input: { cadenceId: string; periodKey: string; at: string }): Promise<PreparedPeriod> {
      const def = cadenceById(input.cadenceId);
      if (!def) throw new Error(`unknown cadence ${input.cadenceId}`);
      const roster = cadenceRoster(def, indexOrg(await loadOrgSnapshot(db, localDate(input.at))));
      const pauses = await listPauses(db, def.id);
      const units: CadenceUnit[] = [];
      const skipped: (SkippedUnit & { payload: Record<string, unknown> })[] = [];
      for (const unit of roster.units) {
        const pause = pauseInForce(pauses, def.id, unit.unitId, input.at);
        if (!pause) units.push(unit);
        else
          skipped.push({
            unitId: unit.unitId,
            unitName: unit.unitName,
            reason: `已暂停：${pause.reason}`,
            payload: { pausedBy: pause.by, pausedAt: pause.at, pausedFrom: pause.from, pauseReason: pause.reason },
          });
      }
      for (const u of roster.unstaffed) {
        const reason = u.missing === 'assignee' ? '没有可担任责任人的人员' : '没有审核人';
        skipped.push({ unitId: u.unitId, unitName: u.unitName, reason, payload: {} });
        logger.warn('cadence unit skipped', { cadence: def.id, unit: u.unitId, reason });
      }
      for (const s of skipped) {
        await recordCadenceEvent(db, {
          dedupKey: `skip:${def.id}:${input.periodKey}:${s.unitId}`,
          cadenceId: def.id,
          periodKey: input.periodKey,
          unitId: s.unitId,
          type: 'unit_skipped',
          actorId: 'system',
          at: input.at,
          payload: { reason: s.reason, ...s.payload },
        });
      }
      return {
        ...(roster.issuerId ? { issuerId: roster.issuerId } : {}),
        units,
        skipped: skipped.map(({ payload: _, ...s }) => s),
        policy: await activePolicy(db),
      };
    },

    /** The record of one run of a period: what it created, what already existed, whom it skipped. */
    async recordCadencePeriod(input: {
      cadenceId: string;
      periodKey: string;
      runId: string;
      at: string;
      dueDate: string;
      created: string[];
      existing: string[];
      skipped: SkippedUnit[];
    }): Promise<void> {
      const { cadenceId, periodKey, runId, at, ...payload } = input;
      await recordCadenceEvent(db, {
        dedupKey: `period:${cadenceId}:${periodKey}:${runId}`,
        cadenceId,
        periodKey,
        type: 'period_opened',
        actorId: 'system',
        at,
        payload: { runId, ...payload },
      });
    },
  };
}

export type CadenceActivities = ReturnType<typeof createCadenceActivities>;
