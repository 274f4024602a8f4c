import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem } from '../../../db/items/items.js';
import { CADENCE_IDS, CADENCES, cadenceDeadlines, cadenceItemId, periodAt } from '../../../domain/cadence/index.js';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { endOfWorkday, localDate } from '../../../domain/calendar/index.js';
import { cadenceScheduleId, ensureCadenceSchedules } from '../../../services/cadence/cadence-schedule.js';
import { pauseCadence } from '../../../services/cadence/cadence-service.js';
import { itemUpdates } from '../../../workflows/items/messages.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { eventually, type Stack, startStack } from '../../support/stack.js';

/** The cadence Schedules on the dev server, against the real worker: when they fire and what a firing does. */
let stack: Stack;
const prefix = `cadence-test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  for (const id of CADENCE_IDS) {
    await stack?.system.client.schedule
      .getHandle(cadenceScheduleId(id, prefix))
      .delete()
      .catch(() => undefined);
  }
  await stack?.stop();
});

/** Wall-clock fields of an instant in Asia/Shanghai (UTC+8 all year). */
function shanghai(at: Date): { weekday: number; day: number; hhmm: string } {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return { weekday: local.getUTCDay(), day: local.getUTCDate(), hhmm: local.toISOString().slice(11, 16) };
}

describe('the cadence Schedules', () => {
  it('fire weekly on Monday, on the 1st and 16th, and on the 1st, at 08:30 Shanghai; start-up is idempotent', async () => {
    const { client } = stack.system;
    const first = await ensureCadenceSchedules(client, stack.taskQueue, { prefix });
    const again = await ensureCadenceSchedules(client, stack.taskQueue, { prefix });
    expect(first.map((s) => s.created)).toEqual([true, true, true]);
    expect(again.map((s) => s.created)).toEqual([false, false, false]);

    const next = async (id: (typeof CADENCE_IDS)[number]) => {
      const { info, action } = await client.schedule.getHandle(cadenceScheduleId(id, prefix)).describe();
      expect(action).toMatchObject({ type: 'startWorkflow', workflowType: 'cadencePeriod', args: [{ cadenceId: id }] });
      expect(info.nextActionTimes.length).toBeGreaterThanOrEqual(3);
      return info.nextActionTimes.slice(0, 3).map(shanghai);
    };
    for (const t of await next('village-weekly')) expect(t).toMatchObject({ weekday: 1, hhmm: '08:30' });
    for (const t of await next('township-halfmonth')) {
      expect([1, 16]).toContain(t.day);
      expect(t.hhmm).toBe('08:30');
    }
    for (const t of await next('county-monthly')) expect(t).toMatchObject({ day: 1, hhmm: '08:30' });

    const ids: string[] = [];
    for await (const s of client.schedule.list()) if (s.scheduleId.startsWith(prefix)) ids.push(s.scheduleId);
    expect(ids.sort((a, b) => a.localeCompare(b))).toEqual(
      CADENCE_IDS.map((id) => cadenceScheduleId(id, prefix)).sort((a, b) => a.localeCompare(b)),
    );
  });

  it('a firing opens the period of the day it fires and hands the department its item', async () => {
    const handle = stack.system.client.schedule.getHandle(cadenceScheduleId('county-monthly', prefix));
    const firedAt = new Date();
    await handle.trigger();

    // Worked out independently of the workflow, from the calendar and the definition.
    const year = Number(localDate(firedAt.toISOString()).slice(0, 4));
    const cal = buildCalendarData({ fromYear: year - 1, toYear: year + 1 });
    const period = periodAt(CADENCES['county-monthly'], firedAt.toISOString(), cal);
    const itemId = cadenceItemId('county-monthly', period.key, 'nongye');
    const row = await eventually('the period item', () => findItem(stack.db.db, itemId), 30_000);
    expect(row).toMatchObject({ kind: 'monitoring', owner_unit_id: 'nongye', assignee_id: 'p-nongye-staff' });
    expect(row.title).toBe(`县每月督导调度：${period.label}`);
    // On time it is due at the close of the period's due day; a period opened after that day gets one working day.
    const { dueAt, signBy } = cadenceDeadlines(cal, period, row.state.spec.createdAt);
    expect(new Date(row.due_at).toISOString()).toBe(new Date(dueAt).toISOString());
    expect(new Date(row.sign_by).toISOString()).toBe(new Date(signBy).toISOString());
    expect(Date.parse(row.due_at)).toBeGreaterThan(firedAt.getTime());
    if (Date.parse(endOfWorkday(cal, period.dueDate)) > firedAt.getTime()) {
      expect(new Date(row.due_at).toISOString()).toBe(new Date(endOfWorkday(cal, period.dueDate)).toISOString());
    }

    const { recentActions } = (await handle.describe()).info;
    expect(recentActions.length).toBeGreaterThanOrEqual(1);
    // The dashboard's 专项台账 shows the period, and a pause with its reason to those who see the unit.
    await pauseCadence(stack.db.db, {
      cadenceId: 'village-weekly',
      unitId: 'niulanjiang-v1',
      reason: '森林防火应急处置',
      actorId: 'p-ducha-head',
      now: new Date(),
    });
    const rowOf = async (personId: string, cadence: string) => {
      const page = await (
        await getAs(stack.dashboardUrl, await loginCookie(stack.dashboardUrl, personId), '/ledgers')
      ).text();
      const at = page.indexOf(`data-cadence="${cadence}"`);
      return at < 0 ? undefined : page.slice(at, page.indexOf('</tr>', at));
    };
    const monthly = (await rowOf('p-county-secretary', 'county-monthly'))!;
    expect(monthly).toContain(`<td>${period.key}</td>`);
    expect(monthly).toMatch(/data-k="units">1</);
    expect(monthly).toMatch(/data-k="done">0</);
    expect(await rowOf('p-county-secretary', 'village-weekly')).toContain('牛栏江镇大箐村（森林防火应急处置');
    expect(await rowOf('p-xiaojie-secretary', 'village-weekly')).toBeUndefined();

    await stack.system.client.workflow.getHandle(itemId).executeUpdate(itemUpdates.cancel, {
      args: [{ actorId: 'p-ducha-head', command: { type: 'cancel', reason: '测试结束' } }],
    });
  });
});
