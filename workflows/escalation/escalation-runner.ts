import type { EscalationActivities } from '../../activities/escalation/escalation-activities.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { type EscalationPolicy, planEscalation, type ScheduledStep } from '../../domain/escalation/index.js';
import type { ItemEventBody, ItemState } from '../../domain/items/index.js';

/**
 * Carries out escalation steps for the item workflow: asks the activities to reach people,
 * then hands back the event to record. Kept apart from the workflow's message handling so
 * each file does one thing; it only calls activities, so it is deterministic.
 */
export interface EscalationRunnerDeps {
  acts: EscalationActivities;
  now: () => string;
}

export function dueSteps(policy: EscalationPolicy, state: ItemState, cal: CalendarData, now: string) {
  return planEscalation(policy, state, cal, now);
}

export async function runStep(
  deps: EscalationRunnerDeps,
  policy: EscalationPolicy,
  state: ItemState,
  { step, deliverAt }: ScheduledStep,
): Promise<ItemEventBody> {
  const body = await carryOut(deps, policy, state, step, deps.now());
  return { ...body, scheduledAt: deliverAt } as ItemEventBody;
}

async function carryOut(
  deps: EscalationRunnerDeps,
  policy: EscalationPolicy,
  state: ItemState,
  step: ScheduledStep['step'],
  at: string,
): Promise<ItemEventBody> {
  const input = { state, stepId: step.id, label: step.label, at };
  switch (step.action) {
    case 'read_check': {
      const { readAtMs } = await deps.acts.checkRead({ itemId: state.spec.id, personId: state.assigneeId });
      // Lark's read time, never later than our own clock (they can disagree across systems).
      const readAt = readAtMs === undefined ? undefined : readAtMs <= Date.parse(at) ? isoAt(readAtMs) : at;
      return { type: 'read_checked', stepId: step.id, personId: state.assigneeId, ...(readAt ? { readAt } : {}) };
    }
    case 'remind': {
      const reach = await deps.acts.remindAssignee(input);
      return { type: 'reminded', stepId: step.id, personId: state.assigneeId, ...reachFields(reach) };
    }
    case 'urgent': {
      const reach = await deps.acts.urgeAssignee({ ...input, policy });
      return { type: 'reminded', stepId: step.id, personId: state.assigneeId, ...reachFields(reach) };
    }
    case 'escalate':
      return escalate(deps, policy, state, step.id, step.level, step.label);
  }
}

export async function escalate(
  deps: EscalationRunnerDeps,
  policy: EscalationPolicy,
  state: ItemState,
  stepId: string,
  level: number,
  label: string,
): Promise<ItemEventBody> {
  const outcome = await deps.acts.escalateTo({ state, stepId, label, at: deps.now(), level, policy });
  if (outcome.status !== 'person') return { type: 'escalation_skipped', stepId, level, reason: outcome.reason };
  return {
    type: 'escalated',
    stepId,
    level,
    personId: outcome.personId,
    role: outcome.role,
    ...(outcome.standsInFor ? { standsInFor: outcome.standsInFor } : {}),
    ...reachFields(outcome),
  };
}

function reachFields(reach: { channels: string[]; failures: string[] }) {
  return { channels: reach.channels, ...(reach.failures.length ? { failures: reach.failures } : {}) };
}

function isoAt(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
