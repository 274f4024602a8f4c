import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findPublication, listRankingEvents } from '../../../db/ranking/ranking.js';
import { findChat } from '../../../db/ranking/runs.js';
import type { RankingRun } from '../../../domain/ranking/index.js';
import { toShanghaiIso } from '../../../domain/shanghai-time.js';
import type { SimClickResult } from '../../../larksim/index.js';
import { rankingRunQuery, rankingWorkflowId } from '../../../workflows/ranking/messages.js';
import type { monthlyRanking } from '../../../workflows/ranking/monthly-ranking.js';
import { writeFixtureMonth } from '../../support/ranking-fixture-db.js';
import {
  cardsOf,
  cardText,
  clickButton,
  eventually,
  findButton,
  openIdOf,
  type Stack,
  startStack,
  textsOf,
} from '../../support/stack.js';

const MONTH = '2024-06';
const FG_LEADER = 'p-yangqiao-v3-secretary'; // 杨桥街道凤岗村
const STAFF = 'p-ducha-staff';
const SECRETARY = 'p-county-secretary';
const VICE_AGRI = 'p-vice-agri';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await writeFixtureMonth(stack.db.db);
});
afterAll(async () => {
  await stack?.stop();
});

/** The toast, or why there was none (Lark's client error and the time taken), for a useful failure message. */
const toastOf = (r: SimClickResult) =>
  r.toast?.content ?? `no toast: ${r.errorCode ?? r.httpStatus} after ${r.elapsedMs} ms`;
/**
 * An accepted click: its own toast, or — when the machine is slow and the Update outlasts Lark's 3 s — the route's
 * "received" answer (the effect is then checked through the run's state, as below).
 */
const accepted = (r: SimClickResult, text: string) =>
  expect([text, '已收到，正在处理，请稍后查看卡片']).toContain(toastOf(r));

const chatCards = (chatId: string) => stack.sim.messages({ chatId }).filter((m) => m.msgType === 'interactive');

// Test files share one Temporal namespace: a run id of its own keeps this file's runs and items apart.
const RUN = `${rankingWorkflowId(MONTH)}-${randomUUID().slice(0, 8)}`;

function start(appealWindowMs: number, workflowId = RUN) {
  return stack.system.client.workflow.start<typeof monthlyRanking>('monthlyRanking', {
    workflowId,
    taskQueue: stack.taskQueue,
    args: [{ month: MONTH, requestedBy: 'p-ducha-head', appealsCloseAt: toShanghaiIso(Date.now() + appealWindowMs) }],
  });
}

async function runState(handle: WorkflowHandle, ok: (r: RankingRun) => boolean, what: string): Promise<RankingRun> {
  return eventually(
    what,
    async () => {
      const r = await handle.query(rankingRunQuery);
      return r && ok(r) ? r : undefined;
    },
    40_000,
  );
}

describe('the monthly 红黑榜 on the dev server, through the simulator', () => {
  it('drafts, takes an appeal that changes the list, is sent back and approved, publishes once, assigns rectification', async () => {
    const { sim, db } = stack;
    const handle = await start(30_000);

    // The draft: to the leading group's new chat; each village's breakdown to its leader.
    const leading = await eventually('the leading group chat', () => findChat(db.db, 'leading_group'));
    const draft = await eventually('the draft card', () => chatCards(leading)[0]);
    expect(cardText(draft)).toContain('2024年6月农村人居环境“红黑榜”（草稿）');
    expect(cardText(draft)).toContain('杨桥街道凤岗村 73.6 分');
    const village = await eventually('凤岗村 breakdown card', () => cardsOf(sim, FG_LEADER)[0]);
    expect(cardText(village)).toContain('《凤岗村生活污水管网接户》期限6月21日，月末仍未办结');

    // The leader contests one line with a reason; the same line cannot be contested twice.
    const form = {
      appeal_line: 'item:RH-T-FG-2:overdue',
      appeal_reason: '该事项因县住建局统一调整接户方案暂缓实施，已报备',
    };
    const filed = await clickButton(sim, village, FG_LEADER, '提交申诉', form);
    accepted(filed, '申诉已提交，请等待县委督查室审核');
    const twice = await clickButton(sim, village, FG_LEADER, '提交申诉', form);
    expect(toastOf(twice)).toBe('该得分项已提出过申诉，请勿重复提交');

    // 督查室 decides, once: a click on the 主任's copy of the same appeal, made too late, changes nothing.
    const [appealCard, headCard] = await eventually('both 督查室 appeal cards', () => {
      const staff = cardsOf(sim, STAFF).find((m) => cardText(m).includes('红黑榜申诉'));
      const head = cardsOf(sim, 'p-ducha-head').find((m) => cardText(m).includes('红黑榜申诉'));
      return staff && head ? [staff, head] : undefined;
    });
    const rejectValue = findButton(headCard.card, '驳回申诉')!.behaviors![0]!.value!;
    const decided = await clickButton(sim, appealCard, STAFF, '采纳申诉', { decision_note: '经核实，已报备暂缓' });
    accepted(decided, '已采纳申诉，草稿将重新计算');
    const late = await sim.click({
      messageId: headCard.messageId,
      operatorOpenId: openIdOf('p-ducha-head'),
      value: rejectValue,
      formValue: { decision_note: '不同意' },
    });
    expect(toastOf(late)).toBe('该申诉已审核，无需重复操作');

    // The accepted appeal takes the item out: 凤岗村 leaves the black list and 大树营村 enters it.
    const recomputed = await runState(handle, (r) => r.draft.round === 2, 'the recomputed draft');
    expect(recomputed.draft.black).toEqual(['xiaojie-v2', 'niulanjiang-v1', 'songyang-v3']);
    await eventually('the appellant is told', () => textsOf(sim, FG_LEADER).find((t) => t.includes('申诉已采纳')));
    await eventually('the draft card shows the new list', () =>
      sim.message(draft.messageId)?.content.includes('嵩阳街道大树营村 74.4 分'),
    );

    // After the window: the approval request. Only 县委书记 or the 分管 leader may decide; 分管 sends it back first.
    const approval1 = await eventually(
      'the approval card',
      () => chatCards(leading).find((m) => cardText(m).includes('请审定')),
      40_000,
    );
    expect(toastOf(await clickButton(sim, approval1, 'p-vice-finance', '批准发布'))).toBe(
      '只有县委书记或分管县领导可以审定红黑榜',
    );
    const staleApprove = findButton(approval1.card, '批准发布')!.behaviors![0]!.value!;
    const sentBack = await clickButton(sim, approval1, VICE_AGRI, '退回修改', {
      send_back_reason: '请核实大树营村垃圾项检查结果',
    });
    accepted(sentBack, '已退回督查室修改');
    const revision = await eventually('the revision card', () =>
      cardsOf(sim, STAFF).find((m) => cardText(m).includes('退回修改')),
    );
    expect(cardText(revision)).toContain('请核实大树营村垃圾项检查结果');
    accepted(await clickButton(sim, revision, STAFF, '重新计算并提交审定'), '已提交，正在重新计算');

    const approval2 = await eventually('the second approval card', () =>
      chatCards(leading).find((m) => m.messageId !== approval1.messageId && cardText(m).includes('请审定')),
    );
    const stale = await sim.click({
      messageId: approval1.messageId,
      operatorOpenId: openIdOf(SECRETARY),
      value: staleApprove,
    });
    expect(toastOf(stale)).toBe('这张审定卡片已过期，请在最新的审定卡片上操作');
    accepted(await clickButton(sim, approval2, SECRETARY, '批准发布'), '已批准发布');

    const result = await handle.result();
    expect(result).toEqual({
      month: MONTH,
      outcome: 'published',
      rectificationItems: ['xiaojie-v2', 'niulanjiang-v1', 'songyang-v3'].map((v) => `RH-${RUN.slice(8)}-${v}`),
    });

    // Published: the card with the chart image in the county work chat.
    const county = (await findChat(db.db, 'county_work'))!;
    const [published, ...more] = chatCards(county);
    expect(more).toHaveLength(0);
    // The chart, and 大箐村's problem photo under its entry (问题曝光); both uploaded through the image API.
    const [img, photo, ...noMore] = [...JSON.stringify(published!.card).matchAll(/"img_key":"([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(noMore).toEqual([]);
    for (const key of [img, photo]) {
      expect(sim.deliveries().find((d) => d.kind === 'image_upload' && d.imageKey === key)?.code).toBe(0);
    }
    expect(JSON.stringify(published!.card)).toContain('牛栏江镇大箐村问题照片');
    const text = cardText(published!);
    expect(text).toContain('嵩明县2024年6月农村人居环境“红黑榜”');
    expect(text).toContain('杨林镇兰茂村 100.0 分，列全县第 1 名');
    expect(text).toContain('嵩阳街道大树营村 74.4 分');
    expect(text).not.toContain('凤岗村');
    const pub = await findPublication(db.db, MONTH);
    expect(pub).toMatchObject({ message_id: published!.messageId, image_key: img, approved_by: SECRETARY });

    // Each black-list village has a rectification item, supervised like any other.
    const items = await eventually('rectification ledger rows', async () => {
      const rows = await db.db
        .selectFrom('items')
        .selectAll()
        .where('kind', '=', 'rectification')
        .orderBy('id')
        .execute();
      return rows.length === 3 ? rows : undefined;
    });
    expect(items.map((i) => [i.id, i.owner_unit_id, i.assignee_id])).toEqual([
      [`RH-${RUN.slice(8)}-niulanjiang-v1`, 'niulanjiang-v1', 'p-niulanjiang-v1-secretary'],
      [`RH-${RUN.slice(8)}-songyang-v3`, 'songyang-v3', 'p-songyang-v3-secretary'],
      [`RH-${RUN.slice(8)}-xiaojie-v2`, 'xiaojie-v2', 'p-xiaojie-v2-secretary'],
    ]);
    expect(items[0]!.title).toBe('红黑榜整改：牛栏江镇大箐村（2024年6月黑榜）');
    expect(items[0]!.state.spec.description).toContain('河道垃圾堆积');
    await eventually('the rectification card', () =>
      cardsOf(sim, 'p-xiaojie-v2-secretary').find((m) => cardText(m).includes('红黑榜整改')),
    );

    // The audit trail: who did what, in order.
    const events = (await listRankingEvents(db.db, MONTH)).map((e) => [e.type, e.actor_id]);
    expect(
      events.filter(
        ([t]) => !['inspection_recorded', 'red_listed', 'black_listed', 'rectification_assigned'].includes(t!),
      ),
    ).toEqual([
      ['run_started', 'p-ducha-head'],
      ['draft_computed', 'p-ducha-head'],
      ['appeal_filed', FG_LEADER],
      ['appeal_accepted', STAFF],
      ['draft_computed', 'p-ducha-head'],
      ['sent_back', VICE_AGRI],
      ['resubmitted', STAFF],
      ['draft_computed', 'p-ducha-head'],
      ['approved', SECRETARY],
      ['published', SECRETARY],
    ]);
    expect(events.filter(([t]) => t === 'red_listed')).toHaveLength(6);
    expect(events.filter(([t]) => t === 'rectification_assigned')).toHaveLength(3);

    // Its recorded history replays against the current workflow code (determinism).
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: inject('workflowBundlePath') } },
      await handle.fetchHistory(),
      handle.workflowId,
    );

    // The same month again (a manual start, the schedule's catch-up, …) publishes nothing.
    const sentBefore = sim.deliveries().filter((d) => d.kind === 'send').length;
    const again = await start(30_000, `${RUN}-again`);
    expect(await again.result()).toEqual({ month: MONTH, outcome: 'already_published', rectificationItems: [] });
    expect(chatCards(county)).toHaveLength(1);
    expect(sim.deliveries().filter((d) => d.kind === 'send').length).toBe(sentBefore);
  });
});
