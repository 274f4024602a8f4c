import { mkdirSync, writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findItem, listEvents } from '../../../db/items/items.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, clickButton, eventually, type Stack, startStack, textsOf } from '../../support/stack.js';

const ASSIGNEE = 'p-xiaojie-v1-secretary';
const REVIEWER = 'p-ducha-staff';
const ISSUER = 'p-ducha-head';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('one item, end to end, through the simulator and the real SDK', () => {
  it('签收 → 反馈 → 提交 → 退回 → 提交 → 通过, with the ledger, audit trail and cards to match', async () => {
    const spec = liveSpec();
    await stack.startItem(spec);
    const { sim } = stack;

    const todo = await eventually('the assignee card', () => cardsOf(sim, ASSIGNEE)[0]);
    expect(cardText(todo)).toContain(spec.title);
    await eventually('the issuer card', () => cardsOf(sim, ISSUER)[0]);

    const committed = dateFromToday(7);
    const sign = await clickButton(sim, todo, ASSIGNEE, '签收', { committed_date: committed });
    expect(sign.httpStatus).toBe(200);
    expect(sign.toast).toMatchObject({ type: 'success', content: '签收成功' });
    expect(sign.cardReplaced).toBe(true);
    expect(sim.message(todo.messageId)?.content).toContain('办理中');

    const progress = await clickButton(sim, todo, ASSIGNEE, '反馈进度', {
      percent: '60',
      progress_note: '已召开专题组织生活会',
    });
    expect(progress.toast?.content).toBe('反馈进度成功');

    const submit1 = await clickButton(sim, todo, ASSIGNEE, '提交办结', { result: '已完成“四个一”整顿' });
    expect(submit1.toast?.content).toBe('提交办结成功');

    const review = await eventually('the reviewer card', () => cardsOf(sim, REVIEWER)[0]);
    await eventually('the review card shows the result', () =>
      sim.message(review.messageId)?.content.includes('已完成“四个一”整顿'),
    );
    const reject = await clickButton(sim, review, REVIEWER, '退回', { reject_reason: '缺少整改台账' });
    expect(reject.toast?.content).toBe('退回成功');
    await eventually('the return notice', () => textsOf(sim, ASSIGNEE).find((t) => t.includes('缺少整改台账')));

    const submit2 = await clickButton(sim, todo, ASSIGNEE, '提交办结', { result: '已补充整改台账' });
    expect(submit2.toast?.content).toBe('提交办结成功');
    const approve = await clickButton(sim, review, REVIEWER, '审核通过');
    expect(approve.toast?.content).toBe('审核通过成功');

    // The ledger row: 办结, one return, the final result, version = number of events.
    const row = await eventually('the done ledger row', async () => {
      const r = await findItem(stack.db.db, spec.id);
      return r?.status === 'done' ? r : undefined;
    });
    expect(row).toMatchObject({
      status: 'done',
      return_count: 1,
      committed_date: committed,
      progress_percent: 60,
      version: 7,
    });
    expect(row.state.result).toBe('已补充整改台账');

    // The audit trail: every step, in order, with its actor and time.
    const events = await listEvents(stack.db.db, spec.id);
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['created', ISSUER],
      ['signed', ASSIGNEE],
      ['progress_reported', ASSIGNEE],
      ['submitted', ASSIGNEE],
      ['returned', REVIEWER],
      ['submitted', ASSIGNEE],
      ['approved', REVIEWER],
    ]);
    for (const e of events) expect(Date.parse(e.at)).toBeGreaterThan(Date.parse(spec.createdAt) - 1000);
    expect(events[4]?.payload).toEqual({ reason: '缺少整改台账' });

    // The cards: one per person, each patched to 已办结 (green); the assignee told of the result.
    await eventually('every card shows 已办结', () =>
      [ASSIGNEE, REVIEWER, ISSUER].every((p) => {
        const cards = cardsOf(sim, p);
        return cards.length === 1 && (cards[0]!.card as { header: { template: string } }).header.template === 'green';
      }),
    );
    expect(sim.deliveries().filter((d) => d.kind === 'send' && d.code === 0)).toHaveLength(3);
    await eventually('the approval notice', () => textsOf(sim, ASSIGNEE).find((t) => t.includes('审核已通过')));
    expect(cardText(cardsOf(sim, ASSIGNEE)[0]!)).not.toContain('提交办结"');
  });

  it('its recorded history (with an escalation policy) replays against the current workflow code', async () => {
    const spec = liveSpec();
    await stack.startItem(spec, true);
    const { sim } = stack;
    const todo = await eventually('the assignee card', () =>
      cardsOf(sim, ASSIGNEE).find((m) => cardText(m).includes(spec.id)),
    );
    await clickButton(sim, todo, ASSIGNEE, '签收', { committed_date: dateFromToday(3) });
    await clickButton(sim, todo, ASSIGNEE, '提交办结', { result: '已完成' });
    const review = await eventually('the reviewer card', () =>
      cardsOf(sim, REVIEWER).find((m) => cardText(m).includes(spec.id)),
    );
    await clickButton(sim, review, REVIEWER, '审核通过');
    const handle = stack.system.client.workflow.getHandle(spec.id);
    await handle.result();
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, spec.id);
    // Kept as a build artefact; test/fixtures/histories holds the copies that guard old versions.
    mkdirSync('test-results/histories', { recursive: true });
    writeFileSync('test-results/histories/item-lifecycle.json', historyToJSON(history));
  });
});
