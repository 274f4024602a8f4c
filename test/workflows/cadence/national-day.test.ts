import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCadenceEvents } from '../../../db/cadence/cadences.js';
import { findItem, listEvents } from '../../../db/items/items.js';
import { itemUpdates } from '../../../workflows/items/messages.js';
import { type CadenceHarness, startCadenceHarness } from '../../support/cadence-harness.js';
import { cardsOf, cardText, eventually } from '../../support/stack.js';

/**
 * 县每月督导调度 on a virtual clock from the day before 国庆 2025. The time-skipping server has no Schedules, so the
 * period is opened by running the workflow a firing would start; the Schedules themselves run on the dev server
 * (test/integration/cadence/cadence-schedule.test.ts).
 */
const SLOW = 240_000;
const utc = (local: string) => new Date(local).toISOString();

let h: CadenceHarness;
beforeAll(async () => {
  h = await startCadenceHarness('2025-09-30T09:00:00+08:00');
}, 300_000);
afterAll(async () => {
  await h?.stop();
});

const MONTHLY_ITEM = 'CD-county-monthly-2025-10-nongye';

describe('县每月督导调度 in October 2025', () => {
  it(
    'is due by the 5th, which falls in 国庆 (1–8 October off): the item is due Thursday 9 October',
    async () => {
      await h.sleepUntil('2025-10-01T08:30:00+08:00');
      const r = await h.openPeriod('county-monthly');
      expect(r).toEqual({
        cadenceId: 'county-monthly',
        periodKey: '2025-10',
        dueDate: '2025-10-09',
        created: [MONTHLY_ITEM],
        existing: [],
        skipped: [],
      });
      // The child writes its ledger row on its first activity, just after the period run returns.
      const row = await eventually('the item row', () => findItem(h.stack.db.db, MONTHLY_ITEM));
      expect(row).toMatchObject({
        kind: 'monitoring',
        owner_unit_id: 'nongye',
        assignee_id: 'p-nongye-staff',
        reviewer_id: 'p-ducha-staff',
        issuer_id: 'p-ducha-head',
        due_at: utc('2025-10-09T18:00:00+08:00'),
        sign_by: utc('2025-10-09T18:00:00+08:00'),
      });
      expect(row?.title).toBe('县每月督导调度：2025年10月');
      expect(row?.state.spec.policy?.name).toBe('default');
      await eventually('the 责任人 card', () =>
        cardsOf(h.stack.sim, 'p-nongye-staff').find((m) => cardText(m).includes(MONTHLY_ITEM)),
      );
      expect(cardsOf(h.stack.sim, 'p-ducha-head')).toEqual([]); // the issuer follows the period, not each card
    },
    SLOW,
  );

  it(
    'a re-run of the same period creates nothing twice',
    async () => {
      const again = await h.openPeriod('county-monthly');
      expect(again).toMatchObject({ periodKey: '2025-10', created: [], existing: [MONTHLY_ITEM] });
      const rows = await h.stack.db.db
        .selectFrom('items')
        .select('id')
        .where('id', 'like', 'CD-county-monthly-%')
        .execute();
      expect(rows).toHaveLength(1);
      const opened = (await listCadenceEvents(h.stack.db.db, 'county-monthly', '2025-10')).filter(
        (e) => e.type === 'period_opened',
      );
      expect(opened.map((e) => (e.payload as { created: string[] }).created)).toEqual([[MONTHLY_ITEM], []]);
    },
    SLOW,
  );

  it(
    'a missed period escalates through the item’s own policy: L1 on the due day, again the next working day',
    async () => {
      await h.sleepUntil('2025-10-10T10:00:00+08:00');
      const escalated = (await listEvents(h.stack.db.db, MONTHLY_ITEM))
        .filter((e) => e.type === 'escalated')
        .map((e) => e.payload as { stepId: string; level: number; personId: string; scheduledAt: string });
      expect(escalated.map((e) => [e.stepId, e.level, e.personId, new Date(e.scheduledAt).toISOString()])).toEqual([
        ['sign-late', 1, 'p-nongye-head', utc('2025-10-09T18:00:00+08:00')],
        ['due-l1', 1, 'p-nongye-head', utc('2025-10-09T18:00:00+08:00')],
        ['overdue-1', 1, 'p-nongye-head', utc('2025-10-10T09:00:00+08:00')],
      ]);
      const leaderCard = cardsOf(h.stack.sim, 'p-nongye-head').find((m) => cardText(m).includes(MONTHLY_ITEM));
      expect(leaderCard).toBeDefined();
      await h.stack.system.client.workflow.getHandle(MONTHLY_ITEM).executeUpdate(itemUpdates.cancel, {
        args: [{ actorId: 'p-ducha-head', command: { type: 'cancel', reason: '测试结束' } }],
      });
    },
    SLOW,
  );
});
