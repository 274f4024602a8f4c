import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectSheetRows, SEED_PROJECTS } from '../../../app/demo/seed-projects.js';
import { findItem, listEvents } from '../../../db/items/items.js';
import { findProjectState, listProjectEvents } from '../../../db/projects/projects.js';
import { adjustmentItemId, projectWorkflowId } from '../../../domain/projects/index.js';
import type { SimMessage } from '../../../larksim/index.js';
import { importProjects } from '../../../services/projects/import-projects.js';
import { startProjectWorkflows } from '../../../services/projects/project-service.js';
import { projectUpdates } from '../../../workflows/projects/messages.js';
import { projectWorkbook } from '../../support/ledger-workbooks.js';
import { cardsOf, cardText, clickButton, eventually, type Stack } from '../../support/stack.js';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/time-skipping.js';

/**
 * A 衔接资金 project on a virtual clock from Friday 2024-06-28: 小街镇's cold-store project, planned 4/1–11/29
 * (168 working days), is imported at 10% done. The unit reports on the first working day of July (June: 22% done
 * against 序时进度 37% → 黄) and of August (July: 18% against 51% → 红, more than 30 points behind), which opens the
 * 调整程序 item for 小街镇; left unsigned, it escalates to the township's party secretary.
 */
const START = '2024-06-28T10:00:00+08:00';
const REPORTER = 'p-xiaojie-staff';
const PROJECT = {
  ...SEED_PROJECTS[0]!,
  id: 'XM2024-T1',
  plannedStart: '2024-04-01',
  plannedFinish: '2024-11-29',
  startedOn: '2024-04-08',
  percent: 10,
  paid: '20.00',
};

let ts: TimeSkippingStack;
let stack: Stack;
const clicks: Awaited<ReturnType<typeof clickButton>>[] = [];
let refusedElsewhere: string;

const sleepUntil = (local: string) => ts.sleepUntil(local);

const reportCard = (period: string) =>
  eventually(`the ${period} report card`, () =>
    cardsOf(stack.sim, REPORTER).find((m) => cardText(m).includes(`衔接资金项目月报 · ${period}`)),
  );

async function report(card: SimMessage, percent: string, paid: string) {
  const click = await clickButton(stack.sim, card, REPORTER, '提交月报', {
    project_started: 'yes',
    project_started_on: '2024-04-08',
    project_percent: percent,
    project_paid: paid,
    project_note: '按计划推进',
  });
  clicks.push(click);
  return click;
}

beforeAll(async () => {
  ts = await startTimeSkippingStack(START);
  stack = ts.stack;
  const imported = await importProjects(stack.db.db, await projectWorkbook(projectSheetRows([PROJECT])), {
    by: 'p-nongye-staff',
    at: START,
  });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  await startProjectWorkflows(stack.system.client, stack.taskQueue, imported.projects);

  await sleepUntil('2024-07-01T10:00:00+08:00');
  const june = await reportCard('2024年6月');
  // Someone from another township cannot report for 小街镇 (the card is not theirs: straight to the workflow).
  refusedElsewhere = await stack.system.client.workflow
    .getHandle(projectWorkflowId(PROJECT.id))
    .executeUpdate(projectUpdates.report, {
      args: [
        {
          actorId: 'p-yanglin-staff',
          actorUnitIds: ['yanglin'],
          report: { period: '2024-06', started: true, startedOn: '2024-04-08', percent: 50, paidFen: 0, note: '' },
        },
      ],
    })
    .then(
      () => 'accepted',
      (err: unknown) => (err instanceof WorkflowUpdateFailedError ? (err.cause?.message ?? '') : String(err)),
    );
  await report(june, '22', '60');
  await eventually('the June card patched', () => cardText(stack.sim.message(june.messageId)!).includes('黄灯'));

  await sleepUntil('2024-08-01T10:00:00+08:00');
  await report(await reportCard('2024年7月'), '18', '75');
  await eventually('the adjustment item', () => findItem(stack.db.db, adjustmentItemId(PROJECT.id)), 30_000);

  // Nobody signs the adjustment item.
  await sleepUntil('2024-08-06T12:00:00+08:00');
}, 900_000);

afterAll(async () => {
  await ts?.stop();
});

describe('衔接资金 project follow-up against 序时进度', () => {
  it('asks the unit for a report on the first working day of each month', async () => {
    const requested = (await listProjectEvents(stack.db.db, PROJECT.id)).filter((e) => e.type === 'report_requested');
    expect(requested.map((e) => e.type === 'report_requested' && [e.period, e.personId])).toEqual([
      ['2024-06', REPORTER],
      ['2024-07', REPORTER],
    ]);
    expect(requested.map((e) => e.at.slice(0, 16))).toEqual(['2024-07-01T09:00', '2024-08-01T09:00']);
  });

  it('turns 黄 and then 红 across two monthly reports', async () => {
    expect(refusedElsewhere).toBe('只有项目责任单位的人员可以填报月报');
    expect(clicks[0]!.toast).toMatchObject({ type: 'success', content: '2024年6月月报已提交，黄灯' });
    expect(clicks[1]!.toast).toMatchObject({ type: 'success', content: '2024年7月月报已提交，红灯' });
    const rows = await stack.db.db
      .selectFrom('project_reports')
      .select(['period', 'percent', 'planned_percent', 'behind_points', 'light', 'reported_by'])
      .where('project_id', '=', PROJECT.id)
      .orderBy('period')
      .execute();
    expect(rows).toEqual([
      {
        period: '2024-06',
        percent: 22,
        planned_percent: 37,
        behind_points: 15,
        light: 'yellow',
        reported_by: REPORTER,
      },
      { period: '2024-07', percent: 18, planned_percent: 51, behind_points: 33, light: 'red', reported_by: REPORTER },
    ]);
    const state = (await findProjectState(stack.db.db, PROJECT.id))!;
    expect(state).toMatchObject({ light: 'red', progress: { percent: 18, paidFen: 75_000_000 } });
  });

  it('opens an adjustment item for the responsible unit when it falls more than 30 points behind', async () => {
    const opened = (await listProjectEvents(stack.db.db, PROJECT.id)).find((e) => e.type === 'adjustment_opened');
    expect(opened).toMatchObject({
      period: '2024-07',
      reason: '完成进度 18%，落后序时进度（51%）33 个百分点，超过 30 个百分点',
      itemId: adjustmentItemId(PROJECT.id),
      actorId: 'system',
    });
    const item = (await findItem(stack.db.db, adjustmentItemId(PROJECT.id)))!;
    expect(item).toMatchObject({
      kind: 'project',
      owner_unit_id: 'xiaojie',
      assignee_id: REPORTER,
      issuer_id: 'p-ducha-head',
      domain: '农业农村',
    });
    expect(item.state.spec.parentRef).toEqual({ kind: 'project', id: PROJECT.id });
    const card = await reportCard('2024年7月');
    await eventually('the July card shows the 调整程序', () =>
      cardText(stack.sim.message(card.messageId)!).includes('已启动调整程序'),
    );
  });

  it('the adjustment item escalates like any other', async () => {
    const events = await listEvents(stack.db.db, adjustmentItemId(PROJECT.id));
    const escalated = events.filter((e) => e.type === 'escalated');
    expect(escalated.map((e) => [e.payload.stepId, e.payload.level, e.payload.personId])).toContainEqual([
      'sign-late',
      1,
      'p-xiaojie-secretary',
    ]);
    expect(
      cardsOf(stack.sim, 'p-xiaojie-secretary').some((m) => cardText(m).includes(adjustmentItemId(PROJECT.id))),
    ).toBe(true);
    // Every step of the project is in its audit trail, with actor and time.
    const types = (await listProjectEvents(stack.db.db, PROJECT.id)).map((e) => e.type);
    expect(types).toEqual([
      'imported',
      'report_requested',
      'reported',
      'report_requested',
      'reported',
      'adjustment_opened',
    ]);
  });
});
