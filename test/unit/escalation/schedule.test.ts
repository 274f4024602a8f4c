import { describe, expect, it } from 'vitest';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import {
  DEFAULT_POLICY,
  type EscalationPolicy,
  planEscalation,
  policyProblems,
} from '../../../domain/escalation/index.js';
import { evolve, type ItemSpec, type ItemState, initialState } from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';

const cal = buildCalendarData({ fromYear: 2025, toYear: 2026 });

/** 国庆 2025: Oct 1–8 off; Sun 9/28 and Sat 10/11 are 调休 working days. Due on the last working day before. */
const beforeNationalDay = (overrides: Partial<ItemSpec> = {}) =>
  kuanglangSpec({
    createdAt: '2025-09-22T09:00:00+08:00',
    signBy: '2025-09-24T18:00:00+08:00',
    dueAt: '2025-09-30T18:00:00+08:00',
    urgency: 'normal',
    policy: DEFAULT_POLICY,
    ...overrides,
  });

/** Lets the policy run on an item nobody touches, as the workflow would; returns [step, time]. */
function untouched(state: ItemState, until: string, policy: EscalationPolicy = DEFAULT_POLICY) {
  const log: [string, string][] = [];
  let s = state;
  let now = s.spec.createdAt;
  for (let guard = 0; guard < 200; guard++) {
    const { due, nextAt } = planEscalation(policy, s, cal, now);
    for (const { step, deliverAt } of due) {
      log.push([step.id, deliverAt]);
      const event =
        step.action === 'escalate'
          ? {
              type: 'escalated' as const,
              stepId: step.id,
              level: step.level,
              personId: `L${step.level}`,
              role: '',
              channels: ['card'],
            }
          : { type: 'reminded' as const, stepId: step.id, personId: 'L0', channels: ['card'] };
      s = evolve(s, { ...event, seq: s.seq + 1, actorId: 'system', at: now });
    }
    if (!nextAt || Date.parse(nextAt) > Date.parse(until)) return log;
    now = nextAt;
  }
  throw new Error('schedule did not settle');
}

const at = (log: [string, string][], id: string) => log.find(([s]) => s === id)?.[1];

describe('escalation schedule on China’s calendar', () => {
  it('the default policy is valid', () => {
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
  });

  it('an untouched item due before 国庆 2025 escalates at working-day offsets, skipping the holiday, counting 调休', () => {
    const log = untouched(initialState(beforeNationalDay()), '2025-10-22T00:00:00+08:00');
    expect(log).toEqual([
      ['read-1h', '2025-09-22T10:00:00+08:00'],
      ['read-2h', '2025-09-22T11:00:00+08:00'],
      ['unread-4h', '2025-09-22T14:00:00+08:00'],
      ['sign-late', '2025-09-24T18:00:00+08:00'],
      ['due-2', '2025-09-28T09:00:00+08:00'], // a 调休 Sunday is a working day
      ['due-urgent', '2025-09-30T18:00:00+08:00'],
      ['due-l1', '2025-09-30T18:00:00+08:00'],
      ['overdue-1', '2025-10-09T09:00:00+08:00'], // the whole 国庆 holiday is skipped
      ['overdue-3', '2025-10-11T09:00:00+08:00'], // the 调休 Saturday counts
      ['overdue-5', '2025-10-14T09:00:00+08:00'],
      ['overdue-10', '2025-10-21T09:00:00+08:00'],
    ]);
  });

  it('then repeats the top levels every 5 working days, never the assignee', () => {
    const log = untouched(initialState(beforeNationalDay()), '2025-11-05T00:00:00+08:00');
    const repeats = log.filter(([id]) => id.startsWith('repeat-'));
    expect(repeats).toEqual([
      ['repeat-1-L3', '2025-10-28T09:00:00+08:00'],
      ['repeat-1-L4', '2025-10-28T09:00:00+08:00'],
      ['repeat-2-L3', '2025-11-04T09:00:00+08:00'],
      ['repeat-2-L4', '2025-11-04T09:00:00+08:00'],
    ]);
  });

  it('a read card that is not signed escalates hours earlier than an unread one', () => {
    const read = evolve(initialState(beforeNationalDay()), {
      type: 'read_checked',
      stepId: 'read-1h',
      personId: 'x',
      readAt: '2025-09-22T09:20:00+08:00',
      seq: 2,
      actorId: 'system',
      at: '2025-09-22T10:00:00+08:00',
    });
    const readLog = untouched(read, '2025-09-25T00:00:00+08:00');
    expect(at(readLog, 'read-not-signed')).toBe('2025-09-22T11:20:00+08:00');
    expect(at(readLog, 'unread-4h')).toBeUndefined();
    const unreadLog = untouched(initialState(beforeNationalDay()), '2025-09-25T00:00:00+08:00');
    const firstL1 = (log: [string, string][]) =>
      log.find(([id]) => id === 'read-not-signed' || id === 'sign-late')?.[1];
    expect(Date.parse(firstL1(readLog)!)).toBeLessThan(Date.parse(firstL1(unreadLog)!));
  });

  it('quiet hours hold a non-紧急 step until 08:00 of the next working day; a 紧急 one goes through', () => {
    // 签收 due at 22:00 on Friday 2025-09-26; the next working day is the 调休 Sunday 9/28.
    const late = { signBy: '2025-09-26T22:00:00+08:00' };
    const normal = untouched(initialState(beforeNationalDay(late)), '2025-09-29T00:00:00+08:00');
    expect(at(normal, 'sign-late')).toBe('2025-09-28T08:00:00+08:00');
    const urgent = untouched(
      initialState(beforeNationalDay({ ...late, urgency: 'urgent' })),
      '2025-09-29T00:00:00+08:00',
    );
    expect(at(urgent, 'sign-late')).toBe('2025-09-26T22:00:00+08:00');
  });

  it('signing stops the 签收 steps; silence past the committed date re-escalates', () => {
    let s = initialState(beforeNationalDay());
    s = evolve(s, {
      type: 'signed',
      committedDate: '2025-09-25',
      seq: 2,
      actorId: 'a',
      at: '2025-09-22T09:30:00+08:00',
    });
    const log = untouched(s, '2025-09-30T00:00:00+08:00');
    expect(log.map(([id]) => id)).toEqual(['committed-passed', 'due-2']);
    expect(at(log, 'committed-passed')).toBe('2025-09-26T09:00:00+08:00');
  });

  it('a submitted item waits on its reviewer, not on the chain', () => {
    let s = initialState(beforeNationalDay());
    s = evolve(s, {
      type: 'signed',
      committedDate: '2025-09-29',
      seq: 2,
      actorId: 'a',
      at: '2025-09-22T09:30:00+08:00',
    });
    s = evolve(s, { type: 'submitted', result: 'ok', seq: 3, actorId: 'a', at: '2025-09-23T09:30:00+08:00' });
    expect(untouched(s, '2025-10-30T00:00:00+08:00')).toEqual([]);
  });

  it('an approved extension moves every due-anchored step', () => {
    let s = initialState(beforeNationalDay());
    s = evolve(s, {
      type: 'signed',
      committedDate: '2025-09-29',
      seq: 2,
      actorId: 'a',
      at: '2025-09-22T09:30:00+08:00',
    });
    s = evolve(s, {
      type: 'extension_approved',
      newDueAt: '2025-10-17T18:00:00+08:00',
      previousDueAt: s.dueAt,
      seq: 3,
      actorId: 'r',
      at: '2025-09-23T10:00:00+08:00',
    });
    const log = untouched(s, '2025-10-21T00:00:00+08:00');
    expect(at(log, 'due-2')).toBe('2025-10-15T09:00:00+08:00');
    expect(at(log, 'overdue-1')).toBe('2025-10-20T09:00:00+08:00');
  });

  it('refuses a policy that would page the assignee from a repeat or escalate to level 0', () => {
    const bad: EscalationPolicy = {
      ...DEFAULT_POLICY,
      steps: [{ ...DEFAULT_POLICY.steps[0]!, id: 'x', action: 'escalate', level: 0 }],
      repeat: { everyWorkdays: 5, fromLevel: 0, times: 1 },
    };
    expect(policyProblems(bad)).toEqual([
      '第 1 步（x）：升级须指向 1–4 级',
      '重复督办须每隔至少1个工作日，且不重复打扰责任人',
    ]);
  });
});
