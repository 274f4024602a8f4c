import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CadenceActivities, SkippedUnit } from '../../activities/cadence/cadence-activities.js';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import { cadenceById, cadenceDeadlines, cadenceItemSpec, periodAt } from '../../domain/cadence/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { startItems } from '../items/item-children.js';

export interface CadencePeriodInput {
  cadenceId: string;
  /** The moment whose period to open; default: when the Schedule meant to fire (or now, started by hand). */
  at?: string;
}

export interface CadencePeriodResult {
  cadenceId: string;
  periodKey: string;
  dueDate: string;
  /** Items created by this run. */
  created: string[];
  /** Items of this period that already existed (a re-run creates nothing twice). */
  existing: string[];
  skipped: SkippedUnit[];
}

const acts = proxyActivities<CadenceActivities & CalendarActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One firing of a cadence's Schedule (村每周排查 / 乡半月研判 / 县每月调度): opens the period that contains the firing
 * and gives every reporting unit not paused its item, due on the period's due working day. Item ids are derived from
 * cadence, period and unit, so a re-run (a retry, a catch-up, a run by hand) creates nothing twice. Each item carries
 * the escalation policy in force: a unit that misses its period is escalated by its own item, like any other.
 */
export async function cadencePeriod(input: CadencePeriodInput): Promise<CadencePeriodResult> {
  const def = cadenceById(input.cadenceId);
  if (!def) throw ApplicationFailure.nonRetryable(`未知的常态化任务：${input.cadenceId}`, 'invalid_value');
  const createdAt = now();
  const at = input.at ?? scheduledAt() ?? createdAt;
  const cal = await acts.loadCalendar({ around: at });
  const period = periodAt(def, at, cal);
  const deadlines = cadenceDeadlines(cal, period, createdAt);
  const prep = await acts.prepareCadencePeriod({ cadenceId: def.id, periodKey: period.key, at });
  if (!prep.issuerId) throw ApplicationFailure.nonRetryable('没有督查室人员，无法交办常态化任务', 'no_supervisor');
  const issuerId = prep.issuerId;
  const specs = prep.units.map((u) =>
    cadenceItemSpec(def, period, u, { issuerId, createdAt, policy: prep.policy, ...deadlines }),
  );
  const items = await startItems(specs, { batchSize: 20, pauseMs: 1_000 });
  const unitOf = new Map(specs.map((spec, i) => [spec.id, prep.units[i]!]));
  const skipped = [
    ...prep.skipped,
    ...items.invalid.map((i) => ({
      unitId: unitOf.get(i.id)?.unitId ?? i.id,
      unitName: unitOf.get(i.id)?.unitName ?? i.id,
      reason: `事项无法创建：${i.reason}`,
    })),
  ];
  await acts.recordCadencePeriod({
    cadenceId: def.id,
    periodKey: period.key,
    runId: workflowInfo().runId,
    at: createdAt,
    dueDate: period.dueDate,
    created: items.started,
    existing: items.existing,
    skipped,
  });
  return {
    cadenceId: def.id,
    periodKey: period.key,
    dueDate: period.dueDate,
    created: items.started,
    existing: items.existing,
    skipped,
  };
}

/**
 * When the Schedule meant this run to happen (TemporalScheduledStartTime). A run caught up after an outage opens
 * the period it was meant for, not the one of the day it finally ran.
 */
function scheduledAt(): string | undefined {
  const pair = workflowInfo()
    .typedSearchAttributes.getAll()
    .find((p) => p.key.name === 'TemporalScheduledStartTime');
  const value: unknown = pair?.value;
  return value instanceof Date ? toShanghaiIso(value.getTime()) : undefined;
}

function now(): string {
  return toShanghaiIso(Date.now());
}
