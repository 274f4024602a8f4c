import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOpenId } from '../../../app/demo/county.js';
import { activePolicy, savePolicyVersion } from '../../../db/escalation/policies.js';
import { listEvents } from '../../../db/items/items.js';
import { DEFAULT_POLICY } from '../../../domain/escalation/index.js';
import type { ItemSpec } from '../../../domain/items/index.js';
import { formatTimeline } from '../../../services/items/timeline.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';
import { cardsOf, cardText, clickButton, eventually, type Stack } from '../../support/stack.js';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/time-skipping.js';

/**
 * One virtual timeline from Monday 2025-09-22 09:00, a week before 国庆 (Oct 1–8 off; Sunday 9/28
 * and Saturday 10/11 are 调休 working days), through early November. Every item starts at the
 * same moment; the time-skipping server then runs the policy for weeks in seconds, against the
 * real worker, PostgreSQL, the Lark simulator and the official SDK.
 */
const START = '2025-09-22T09:00:00+08:00';

let ts: TimeSkippingStack;
let stack: Stack;
let digestOnHoliday: DigestRun;
let digestOnMakeUpDay: DigestRun;

interface DigestRun {
  sent: boolean;
  people: number;
  lines: number;
}

const sleepUntil = (local: string) => ts.sleepUntil(local);

function runDigest(): Promise<DigestRun> {
  return stack.system.client.workflow.execute('dailyDigest', {
    taskQueue: stack.taskQueue,
    workflowId: `digest-${Date.now()}`,
  }) as Promise<DigestRun>;
}

function spec(id: string, overrides: Partial<ItemSpec> = {}): ItemSpec {
  return kuanglangSpec({
    id,
    createdAt: START,
    signBy: '2025-09-24T18:00:00+08:00',
    dueAt: '2025-09-30T18:00:00+08:00',
    urgency: 'normal',
    assigneeId: 'p-xiaojie-v1-cadre',
    ...overrides,
  });
}

const ITEMS = {
  untouched: spec('ESC-UNTOUCHED'),
  // 牛栏江镇大箐村, a 金融 item: its township's leader post is vacant, and the 分管金融 leader is on leave 10/13–10/15.
  vacant: spec('ESC-VACANT', {
    ownerUnitId: 'niulanjiang-v1',
    assigneeId: 'p-niulanjiang-v1-cadre',
    domain: '金融',
    title: '大箐村小额信贷到期催收',
  }),
  // The same, due a week later: its L3 step (10/21) comes after the leave, so the 分管金融 leader himself gets it.
  vacantLater: spec('ESC-VACANT-LATER', {
    ownerUnitId: 'niulanjiang-v2',
    assigneeId: 'p-niulanjiang-v2-cadre',
    domain: '金融',
    title: '小坝村小额信贷到期催收',
    dueAt: '2025-10-14T18:00:00+08:00',
  }),
  read: spec('ESC-READ', { ownerUnitId: 'xiaojie-v2', assigneeId: 'p-xiaojie-v2-cadre' }),
  unread: spec('ESC-UNREAD', { ownerUnitId: 'xiaojie-v3', assigneeId: 'p-xiaojie-v3-cadre' }),
  quiet: spec('ESC-QUIET', {
    ownerUnitId: 'yanglin-v1',
    assigneeId: 'p-yanglin-v1-cadre',
    signBy: '2025-09-26T22:00:00+08:00',
  }),
  quietUrgent: spec('ESC-QUIET-URGENT', {
    ownerUnitId: 'yanglin-v2',
    assigneeId: 'p-yanglin-v2-cadre',
    signBy: '2025-09-26T22:00:00+08:00',
    urgency: 'urgent',
  }),
  closed: spec('ESC-CLOSED', { ownerUnitId: 'dianyuan-v1', assigneeId: 'p-dianyuan-v1-cadre' }),
  policyV1: spec('ESC-POLICY-V1', { ownerUnitId: 'aziying-v1', assigneeId: 'p-aziying-v1-cadre' }),
  policyV2: spec('ESC-POLICY-V2', { ownerUnitId: 'aziying-v2', assigneeId: 'p-aziying-v2-cadre' }),
};

/** An escalation audit event, flattened: type and time plus its payload fields. */
interface Step {
  type: string;
  at: string;
  stepId?: string;
  /** When the policy scheduled it; `at` is when it was carried out, a moment later. */
  scheduledAt?: string;
  level?: number;
  personId?: string;
  standsInFor?: string;
  channels?: string[];
  failures?: string[];
  reason?: string;
}

async function timeline(id: string): Promise<Step[]> {
  const events = await listEvents(stack.db.db, id);
  return events
    .filter((e) => e.type === 'escalated' || e.type === 'reminded' || e.type === 'escalation_skipped')
    .map((e) => {
      const payload = e.payload as Record<string, unknown>;
      const scheduled =
        typeof payload.scheduledAt === 'string' ? new Date(payload.scheduledAt).toISOString() : undefined;
      // Carried out at the scheduled time, give or take an activity retry: while the test moves the clock, the
      // server may skip past a running activity's own timeout (real time cannot pass that fast), and the retry
      // lands a minute or two later in virtual time.
      if (scheduled) expect(Date.parse(e.at) - Date.parse(scheduled)).toBeLessThan(5 * 60_000);
      return {
        type: e.type,
        at: new Date(e.at).toISOString(),
        ...payload,
        ...(scheduled ? { scheduledAt: scheduled } : {}),
      };
    });
}

const utc = (local: string) => new Date(local).toISOString();

beforeAll(async () => {
  ts = await startTimeSkippingStack(START);
  stack = ts.stack;
  const db = stack.db.db;
  await db.deleteFrom('posts').where('unit_id', '=', 'niulanjiang').where('role', '=', 'leader').execute();
  await db
    .insertInto('acting_assignments')
    .values({
      person_id: 'p-vice-social',
      acting_for_person_id: 'p-vice-finance',
      starts_on: '2025-10-13',
      ends_on: '2025-10-15',
      reason: '外出学习',
      created_by: 'p-ducha-head',
    })
    .execute();
  stack.sim.setQuota('sms', 0);

  const { policyV1, policyV2, ...rest } = ITEMS;
  for (const s of Object.values(rest)) await stack.startItem(s, true);
  await stack.startItem(policyV1, true);
  // The 督查室 edits the policy: overdue +1 now goes straight to the township. V1 must not notice.
  const edited = DEFAULT_POLICY.steps.map((s) =>
    s.id === 'overdue-1' ? { ...s, level: 2 as const, label: '逾期1个工作日，报乡镇负责人' } : s,
  );
  await savePolicyVersion(db, { ...DEFAULT_POLICY, steps: edited }, 'p-ducha-head');
  await stack.startItem(policyV2, true);

  // The 'read' cadre opens the card straight away; nobody opens the others.
  const readCard = await eventually('the read card', () => cardsOf(stack.sim, ITEMS.read.assigneeId)[0], 60_000);
  stack.sim.markRead(readCard.messageId, demoOpenId(ITEMS.read.assigneeId));

  // A holiday morning: the daily digest sends nothing; the lines wait for the next working day.
  await sleepUntil('2025-10-04T10:00:00+08:00');
  digestOnHoliday = await runDigest();
  // The 调休 Saturday is a working day: the digest goes out.
  await sleepUntil('2025-10-11T10:00:00+08:00');
  digestOnMakeUpDay = await runDigest();
  // The next day, close one item that has reached L2.
  await sleepUntil('2025-10-12T12:00:00+08:00');
  const card = cardsOf(stack.sim, ITEMS.closed.assigneeId)[0]!;
  await clickButton(stack.sim, card, ITEMS.closed.assigneeId, '签收', { committed_date: '2025-10-13' });
  await clickButton(stack.sim, card, ITEMS.closed.assigneeId, '提交办结', { result: '已完成' });
  const review = await eventually('the review card', () =>
    cardsOf(stack.sim, 'p-ducha-staff').find((m) => cardText(m).includes(ITEMS.closed.id)),
  );
  await clickButton(stack.sim, review, 'p-ducha-staff', '审核通过');

  await sleepUntil('2025-10-21T12:00:00+08:00');
}, 900_000);

afterAll(async () => {
  await ts?.stop();
});

describe('escalation along the chain, on China’s working-day calendar', () => {
  it('an untouched item due before 国庆 escalates at the policy’s working-day offsets, reaching the 县委书记 last', async () => {
    const steps = await timeline(ITEMS.untouched.id);
    expect(steps.map((s) => [s.stepId, s.scheduledAt, s.type === 'escalated' ? s.personId : s.channels])).toEqual([
      ['unread-4h', utc('2025-09-22T14:00:00+08:00'), ['urgent_app']],
      ['sign-late', utc('2025-09-24T18:00:00+08:00'), 'p-xiaojie-v1-secretary'],
      ['due-2', utc('2025-09-28T09:00:00+08:00'), ['digest']], // the 调休 Sunday is a working day
      ['due-urgent', utc('2025-09-30T18:00:00+08:00'), ['urgent_app']],
      ['due-l1', utc('2025-09-30T18:00:00+08:00'), 'p-xiaojie-v1-secretary'],
      ['overdue-1', utc('2025-10-09T09:00:00+08:00'), 'p-xiaojie-v1-secretary'], // 国庆 skipped
      ['overdue-3', utc('2025-10-11T09:00:00+08:00'), 'p-xiaojie-secretary'], // the 调休 Saturday counts
      ['overdue-5', utc('2025-10-14T09:00:00+08:00'), 'p-vice-agri'],
      ['overdue-10', utc('2025-10-21T09:00:00+08:00'), 'p-county-secretary'],
    ]);
    const top = steps.filter((s) => s.type === 'escalated').map((s) => s.level as number);
    expect(Math.max(...top)).toBe(4);
    // Leaders got one card each, and the 县委书记's card is the escalation card with 催办 and 批示.
    const secretaryCards = cardsOf(stack.sim, 'p-county-secretary').filter((m) =>
      cardText(m).includes(ITEMS.untouched.id),
    );
    expect(secretaryCards).toHaveLength(1);
    expect(cardText(secretaryCards[0]!)).toContain('批示');
    const row = await stack.db.db
      .selectFrom('items')
      .select('escalation_level')
      .where('id', '=', ITEMS.untouched.id)
      .executeTakeFirst();
    expect(row?.escalation_level).toBe(4);
    const digest = await stack.db.db
      .selectFrom('digest_entries')
      .selectAll()
      .where('item_id', '=', ITEMS.untouched.id)
      .execute();
    expect(digest.map((d) => d.person_id)).toEqual(['p-xiaojie-v1-cadre']);
    // The audit trail as people read it; kept with the test output for the record.
    const lines = await formatTimeline(stack.db.db, ITEMS.untouched.id);
    expect(lines.at(-1)).toMatch(/升级督办：L4 县委书记 .+\[overdue-10\]$/);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/escalation-timeline.txt', `${lines.join('\n')}\n`);
  });

  it('a vacant L2 is skipped; L3 is the 分管县领导 of the item’s domain; an acting official stands in only during the leave', async () => {
    const steps = await timeline(ITEMS.vacant.id);
    const byStep = new Map(steps.map((s) => [s.stepId, s]));
    expect(byStep.get('overdue-3')).toMatchObject({ type: 'escalation_skipped', level: 2 });
    expect(String(byStep.get('overdue-3')?.reason)).toContain('空缺');
    // 10/14 is inside the 分管金融 leader's leave: the acting leader gets it, on his behalf.
    expect(byStep.get('overdue-5')).toMatchObject({
      type: 'escalated',
      level: 3,
      personId: 'p-vice-social',
      standsInFor: 'p-vice-finance',
    });
    expect(steps.some((s) => s.personId === 'p-vice-agri')).toBe(false);
    // 10/21 is after it: back to the 分管金融 leader himself.
    const later = new Map((await timeline(ITEMS.vacantLater.id)).map((s) => [s.stepId, s]));
    expect(later.get('overdue-5')).toMatchObject({
      type: 'escalated',
      level: 3,
      scheduledAt: utc('2025-10-21T09:00:00+08:00'),
      personId: 'p-vice-finance',
    });
    expect(later.get('overdue-5')?.standsInFor).toBeUndefined();
  });

  it('read but not 签收 escalates sooner than unread and not 签收', async () => {
    const read = await timeline(ITEMS.read.id);
    const unread = await timeline(ITEMS.unread.id);
    const firstL1 = (steps: Awaited<ReturnType<typeof timeline>>) =>
      steps.find((s) => s.type === 'escalated' && s.level === 1);
    expect(firstL1(read)?.stepId).toBe('read-not-signed');
    expect(firstL1(unread)?.stepId).toBe('sign-late');
    expect(Date.parse(String(firstL1(read)?.scheduledAt))).toBeLessThan(
      Date.parse(String(firstL1(unread)?.scheduledAt)),
    );
    expect(unread.find((s) => s.stepId === 'unread-4h')).toBeDefined();
    expect(read.find((s) => s.stepId === 'unread-4h')).toBeUndefined();
  });

  it('quiet hours hold a non-紧急 step until 08:00 of the next working day; a 紧急 one goes through', async () => {
    const normal = (await timeline(ITEMS.quiet.id)).find((s) => s.stepId === 'sign-late');
    const urgent = (await timeline(ITEMS.quietUrgent.id)).find((s) => s.stepId === 'sign-late');
    expect(normal?.scheduledAt).toBe(utc('2025-09-28T08:00:00+08:00')); // Friday 22:00 → the 调休 Sunday morning
    expect(urgent?.scheduledAt).toBe(utc('2025-09-26T22:00:00+08:00'));
  });

  it('SMS quota exhausted: falls back to in-app 加急 and records the failure', async () => {
    const l2 = (await timeline(ITEMS.quietUrgent.id)).find((s) => s.stepId === 'overdue-3');
    expect(l2).toMatchObject({ type: 'escalated', level: 2 });
    expect(l2?.channels).toContain('urgent_app');
    expect(l2?.failures).toEqual(['短信加急失败：加急配额已用完（230024）']);
    const failed = stack.sim.deliveries().filter((d) => d.kind === 'urgent_sms' && d.code === 230024);
    expect(failed.length).toBeGreaterThan(0);
  });

  it('editing the policy changes no running item; a new item uses the new version', async () => {
    const v1 = (await timeline(ITEMS.policyV1.id)).find((s) => s.stepId === 'overdue-1');
    const v2 = (await timeline(ITEMS.policyV2.id)).find((s) => s.stepId === 'overdue-1');
    expect(v1).toMatchObject({ level: 1, personId: 'p-aziying-v1-secretary' });
    expect(v2).toMatchObject({ level: 2, personId: 'p-aziying-secretary' });
    const rows = await stack.db.db
      .selectFrom('items')
      .select(['id', 'state'])
      .where('id', 'in', [ITEMS.policyV1.id, ITEMS.policyV2.id])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.state.spec.policy?.version)).toEqual([1, 2]);
    expect((await activePolicy(stack.db.db)).policy.version).toBe(2);
  });

  it('closing an item updates every card sent up the chain to 已办结', async () => {
    const steps = await timeline(ITEMS.closed.id);
    const leaders = [...new Set(steps.filter((s) => s.type === 'escalated').map((s) => String(s.personId)))];
    expect(leaders).toEqual(['p-dianyuan-v1-secretary', 'p-dianyuan-secretary']);
    for (const leader of leaders) {
      const card = cardsOf(stack.sim, leader).find((m) => cardText(m).includes(ITEMS.closed.id))!;
      expect((card.card as { header: { template: string } }).header.template).toBe('green');
      expect(cardText(card)).toContain('已办结');
    }
    // Nothing escalates after 办结.
    expect(steps.every((s) => Date.parse(String(s.at)) < Date.parse('2025-10-12T12:00:00+08:00'))).toBe(true);
  });

  it('the daily digest waits over the holiday and goes out on the 调休 Saturday, one card per person', async () => {
    expect(digestOnHoliday).toEqual({ sent: false, people: 0, lines: 0 });
    expect(digestOnMakeUpDay.sent).toBe(true);
    expect(digestOnMakeUpDay.lines).toBeGreaterThanOrEqual(digestOnMakeUpDay.people);
    const cadre = ITEMS.untouched.assigneeId;
    const digests = cardsOf(stack.sim, cadre).filter((m) => cardText(m).includes('今日督办提醒'));
    expect(digests).toHaveLength(1);
    expect(cardText(digests[0]!)).toContain(ITEMS.untouched.title);
    expect(cardText(digests[0]!)).toContain('2025-10-11');
  });
});
