import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarActivities } from '../../../activities/calendar/calendar-activities.js';
import { listEvents } from '../../../db/items/items.js';
import { addWorkdays, localDate } from '../../../domain/calendar/index.js';
import { addOverride, loadOfficialNotice } from '../../../services/calendar/calendar-admin.js';
import { setUpRankingSchedule } from '../../../services/ranking/schedule.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, eventually, type Stack, startStack } from '../../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('the county changes its calendar', () => {
  it('an override re-plans every open item, on the record', async () => {
    const spec = liveSpec();
    await stack.startItem(spec, true);
    // The item has loaded its calendar once it has sent its first card.
    await eventually('the first card', () =>
      cardsOf(stack.sim, spec.assigneeId).find((m) => cardText(m).includes(spec.id)),
    );
    const day = dateFromToday(3);
    const r = await addOverride(stack.db.db, stack.system.client, {
      kind: 'rest',
      from: day,
      to: day,
      reason: '地方节日',
      actor: 'p-ducha-head',
    });
    expect(r).toMatchObject({ ok: true });
    const changed = await eventually('the calendar change on the record', async () =>
      (await listEvents(stack.db.db, spec.id)).find((e) => e.type === 'calendar_changed'),
    );
    expect(changed.actor_id).toBe('system');
    const row = await stack.db.db.selectFrom('calendar_overrides').selectAll().execute();
    expect(row).toMatchObject([
      { kind: 'rest', date_from: day, date_to: day, reason: '地方节日', created_by: 'p-ducha-head' },
    ]);
  });

  it('a rest day on the 红黑榜 run day moves the schedule to the next working day', async () => {
    const scheduleId = `ranking-calendar-${Date.now()}`;
    const handle = stack.system.client.schedule.getHandle(scheduleId);
    try {
      const before = await setUpRankingSchedule(stack.system.client, stack.db.db, stack.taskQueue, { scheduleId });
      const first = before.runs[0]!;
      const r = await addOverride(
        stack.db.db,
        stack.system.client,
        { kind: 'rest', from: first.date, to: first.date, reason: '县级临时休息日', actor: 'p-ducha-head' },
        { rankingSchedule: { taskQueue: stack.taskQueue, scheduleId } },
      );
      expect(r.ok).toBe(true);
      const next = (await handle.describe()).info.nextActionTimes[0]!;
      const nextDate = localDate(next.toISOString());
      // Still the month's 3rd working day, one working day later: the first working day after the rest day.
      const cal = await createCalendarActivities({ db: stack.db.db, clock: () => new Date() }).loadCalendar({});
      expect(nextDate).toBe(addWorkdays(cal, `${first.date}T09:00:00+08:00`, 1).slice(0, 10));
      expect(r.ok && r.message).toContain(`红黑榜发布日程已更新，下次 ${nextDate}`);
    } finally {
      await handle.delete().catch(() => undefined);
    }
  });

  it('refuses a malformed override or notice with clear reasons and changes nothing', async () => {
    const bad = await addOverride(stack.db.db, stack.system.client, {
      kind: 'rest',
      from: '2026-13-01',
      to: '2026-12-01',
      reason: '',
      actor: 'x',
    });
    expect(bad).toEqual({ ok: false, errors: ['日期须为有效的 YYYY-MM-DD', '请填写原因'] });
    const missing = await loadOfficialNotice(stack.db.db, stack.system.client, '/nonexistent/notice.json', 'x');
    expect(missing.ok).toBe(false);
    expect(await stack.db.db.selectFrom('official_notices').selectAll().execute()).toEqual([]);
  });
});
