import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCadenceEvents } from '../../../db/cadence/cadences.js';
import { findItem } from '../../../db/items/items.js';
import { pauseCadence, resumeCadence } from '../../../services/cadence/cadence-service.js';
import {
  type CadenceHarness,
  startCadenceHarness,
  CADENCE_VILLAGES as VILLAGES,
} from '../../support/cadence-harness.js';
import { cardsOf, eventually } from '../../support/stack.js';

/**
 * 村每周动态排查分析 on a virtual clock from the Friday before 春节 2026, with one village paused for an emergency.
 * The time-skipping server has no Schedules, so each period is opened by running the workflow a firing would start.
 */
const SLOW = 240_000;
const byText = (a: string, b: string) => a.localeCompare(b);
const utc = (local: string) => new Date(local).toISOString();

let h: CadenceHarness;
beforeAll(async () => {
  h = await startCadenceHarness('2026-02-13T14:00:00+08:00');
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

describe('村每周动态排查分析 across 春节 2026 (15–23 February off; 14 and 28 February are 调休 Saturdays)', () => {
  it(
    'a paused village gets no item for the holiday week, whose items are due on the first working day after it',
    async () => {
      await h.sleepUntil('2026-02-13T15:00:00+08:00');
      const paused = await pauseCadence(h.stack.db.db, {
        cadenceId: 'village-weekly',
        unitId: 'niulanjiang-v1',
        reason: '森林防火应急处置，暂停每周排查',
        actorId: 'p-ducha-head',
        now: await h.virtualNow(),
      });
      expect(paused).toEqual({
        ok: true,
        message:
          '已暂停牛栏江镇大箐村的「村每周动态排查分析」（自 2026-02-13 起），理由：森林防火应急处置，暂停每周排查',
      });

      await h.sleepUntil('2026-02-16T08:30:00+08:00');
      const r = await h.openPeriod('village-weekly');
      expect(r.periodKey).toBe('2026-W08');
      expect(r.dueDate).toBe('2026-02-24');
      expect([...r.created].sort(byText)).toEqual(
        VILLAGES.filter((v) => v !== 'niulanjiang-v1')
          .map((v) => `CD-village-weekly-2026-W08-${v}`)
          .sort(byText),
      );
      expect(r.skipped).toEqual([
        { unitId: 'niulanjiang-v1', unitName: '牛栏江镇大箐村', reason: '已暂停：森林防火应急处置，暂停每周排查' },
      ]);
      // Each child writes its ledger row on its first activity, just after the period run returns.
      const rows = await eventually('every W08 item in the ledger', async () => {
        const found = await h.stack.db.db
          .selectFrom('items')
          .select(['id', 'due_at', 'reviewer_id', 'owner_unit_id'])
          .where('id', 'like', 'CD-village-weekly-2026-W08-%')
          .execute();
        return found.length === VILLAGES.length - 1 ? found : undefined;
      });
      expect(new Set(rows.map((x) => x.due_at))).toEqual(new Set([utc('2026-02-24T18:00:00+08:00')]));
      expect(rows.find((x) => x.owner_unit_id === 'xiaojie-v1')?.reviewer_id).toBe('p-xiaojie-staff');

      // The pause and the skip are on record, with who, when and why.
      const events = await listCadenceEvents(h.stack.db.db, 'village-weekly');
      expect(events.find((e) => e.type === 'paused')).toMatchObject({
        unit_id: 'niulanjiang-v1',
        actor_id: 'p-ducha-head',
        at: utc('2026-02-13T15:00:00+08:00'),
        payload: { from: '2026-02-13', reason: '森林防火应急处置，暂停每周排查' },
      });
      expect(events.find((e) => e.type === 'unit_skipped')).toMatchObject({
        period_key: '2026-W08',
        unit_id: 'niulanjiang-v1',
        actor_id: 'system',
        payload: { reason: '已暂停：森林防火应急处置，暂停每周排查', pausedBy: 'p-ducha-head' },
      });
    },
    SLOW,
  );

  it(
    'resumed, the village reports again the next week, due on the 调休 Saturday 28 February',
    async () => {
      await h.sleepUntil('2026-02-20T10:00:00+08:00');
      const resumed = await resumeCadence(h.stack.db.db, {
        cadenceId: 'village-weekly',
        unitId: 'niulanjiang-v1',
        reason: '应急处置结束',
        actorId: 'p-ducha-staff',
        now: await h.virtualNow(),
      });
      expect(resumed.ok).toBe(true);
      await h.sleepUntil('2026-02-23T08:30:00+08:00');
      const r = await h.openPeriod('village-weekly');
      expect(r).toMatchObject({ periodKey: '2026-W09', dueDate: '2026-02-28', skipped: [] });
      expect([...r.created].sort(byText)).toEqual(VILLAGES.map((v) => `CD-village-weekly-2026-W09-${v}`).sort(byText));
      const row = await eventually('the resumed village’s item', () =>
        findItem(h.stack.db.db, 'CD-village-weekly-2026-W09-niulanjiang-v1'),
      );
      expect(row?.due_at).toBe(utc('2026-02-28T18:00:00+08:00'));
      const resumedEvent = (await listCadenceEvents(h.stack.db.db, 'village-weekly')).find((e) => e.type === 'resumed');
      expect(resumedEvent).toMatchObject({ actor_id: 'p-ducha-staff', at: utc('2026-02-20T10:00:00+08:00') });
      expect(cardsOf(h.stack.sim, 'p-ducha-head')).toEqual([]);
    },
    SLOW,
  );
});
