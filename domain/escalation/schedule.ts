import {
  addWorkingHours,
  type CalendarData,
  endOfWorkday,
  isWorkday,
  localDate,
  nextWorkdayAt,
  shiftWorkdays,
  startOfWorkday,
} from '../calendar/index.js';
import { escalationOf, type ItemState, type Urgency } from '../items/types.js';
import type { Anchor, Condition, EscalationPolicy, PolicyStep, StepOffset } from './policy.js';

/** A policy step placed in time for one item. */
export interface ScheduledStep {
  step: PolicyStep;
  /** When the policy says it happens. */
  fireAt: string;
  /** When it may actually reach people (quiet hours hold non-紧急 pings). */
  deliverAt: string;
}

export interface EscalationPlan {
  /** Steps whose time has come and whose condition holds, in order. */
  due: ScheduledStep[];
  /** When to look again if nothing happens to the item meanwhile. */
  nextAt?: string;
}

/**
 * What the policy asks for now, and when to wake up next. Pure: the workflow calls it after
 * every change and every timer, with its own deterministic clock. A step that was carried out
 * (or skipped for a vacant level) is in `escalation.fired`; a step whose condition no longer
 * holds is dropped, but comes back if the condition does (an item returned after its due date).
 */
export function planEscalation(
  policy: EscalationPolicy,
  state: ItemState,
  cal: CalendarData,
  now: string,
): EscalationPlan {
  const fired = new Set(escalationOf(state).fired);
  const due: ScheduledStep[] = [];
  let nextAt: string | undefined;
  for (const step of allSteps(policy)) {
    if (fired.has(step.id) || !conditionHolds(state, step.when)) continue;
    const anchor = anchorInstant(state, step.anchor, cal);
    if (!anchor) continue;
    const fireAt = stepTime(cal, anchor, step.offset);
    const deliverAt = step.action === 'read_check' ? fireAt : deliveryTime(policy, cal, state.spec.urgency, fireAt);
    if (Date.parse(deliverAt) <= Date.parse(now)) due.push({ step, fireAt, deliverAt });
    else if (!nextAt || Date.parse(deliverAt) < Date.parse(nextAt)) nextAt = deliverAt;
  }
  due.sort((a, b) => Date.parse(a.deliverAt) - Date.parse(b.deliverAt));
  return { due, ...(nextAt ? { nextAt } : {}) };
}

/** The policy's steps plus its repeats: the top levels again every N working days, never L0. */
export function allSteps(policy: EscalationPolicy): PolicyStep[] {
  const { repeat } = policy;
  if (!repeat) return policy.steps;
  const dueSteps = policy.steps.filter((s) => s.anchor === 'due' && s.action === 'escalate');
  const last = Math.max(0, ...dueSteps.map((s) => s.offset.workdays ?? 0));
  const repeats: PolicyStep[] = [];
  for (let k = 1; k <= repeat.times; k++) {
    const workdays = last + k * repeat.everyWorkdays;
    for (let level = repeat.fromLevel; level <= 4; level++) {
      repeats.push({
        id: `repeat-${k}-L${level}`,
        anchor: 'due',
        offset: { workdays },
        when: 'not_done',
        action: 'escalate',
        level: level as PolicyStep['level'],
        label: `逾期${workdays}个工作日，再次督办`,
      });
    }
  }
  return [...policy.steps, ...repeats];
}

export function conditionHolds(state: ItemState, when: Condition): boolean {
  const read = escalationOf(state).readAt !== undefined;
  switch (when) {
    case 'not_signed':
      return state.status === 'assigned';
    case 'unread_not_signed':
      return state.status === 'assigned' && !read;
    case 'read_not_signed':
      return state.status === 'assigned' && read;
    case 'not_submitted':
      return state.status === 'in_progress';
    case 'not_done':
      // Submitted items wait on the reviewer, not on the assignee's chain.
      return state.status === 'assigned' || state.status === 'in_progress';
  }
}

function anchorInstant(state: ItemState, anchor: Anchor, cal: CalendarData): string | undefined {
  switch (anchor) {
    case 'sent':
      return state.spec.createdAt;
    case 'read':
      return escalationOf(state).readAt;
    case 'sign_by':
      return state.spec.signBy;
    case 'committed':
      return state.committedDate ? endOfWorkday(cal, state.committedDate) : undefined;
    case 'due':
      return state.dueAt;
  }
}

/**
 * Working-day offsets land at the start of that working day (a reminder "2 working days before"
 * arrives in the morning); working-hour offsets count only office time; no offset is the anchor.
 */
export function stepTime(cal: CalendarData, anchor: string, offset: StepOffset): string {
  if (offset.workdays) return startOfWorkday(cal, shiftWorkdays(cal, localDate(anchor), offset.workdays));
  if (offset.workingHours) return addWorkingHours(cal, anchor, offset.workingHours);
  return anchor;
}

/** Quiet hours: only 紧急 items ping anyone at night or on rest days; the rest waits for the next working morning. */
export function deliveryTime(policy: EscalationPolicy, cal: CalendarData, urgency: Urgency, at: string): string {
  if (urgency === 'urgent' || !isQuiet(policy, cal, at)) return at;
  return nextWorkdayAt(cal, at, policy.quietHours.resumeAt);
}

export function isQuiet(policy: EscalationPolicy, cal: CalendarData, at: string): boolean {
  if (!isWorkday(cal, localDate(at))) return true;
  const hhmm = localClock(at);
  const { from, to } = policy.quietHours;
  return from > to ? hhmm >= from || hhmm < to : hhmm >= from && hhmm < to;
}

/** 'HH:MM' in Asia/Shanghai. */
function localClock(at: string): string {
  return new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(11, 16);
}
