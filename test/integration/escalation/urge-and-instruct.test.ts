import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../../db/items/items.js';
import { liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, clickButton, eventually, type Stack, startStack, textsOf } from '../../support/stack.js';

const ASSIGNEE = 'p-xiaojie-v1-cadre';
const VICE_AGRI = 'p-vice-agri';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('督查 staff escalate now; leaders 催办 and 批示 from their card', () => {
  it('立即升级 reaches the 分管县领导, whose 催办 and 批示 reach the assignee; 催办 is throttled', async () => {
    const spec = liveSpec({ assigneeId: ASSIGNEE });
    await stack.startItem(spec, true);
    const issuerCard = await eventually('the 督查 card', () =>
      cardsOf(stack.sim, 'p-ducha-head').find((m) => cardText(m).includes(spec.id)),
    );
    // The reviewer has no card yet; the issuer (督查室主任) escalates straight to L3.
    const up = await clickButton(stack.sim, issuerCard, 'p-ducha-head', '立即升级', {
      escalate_level: '3',
      escalate_reason: '群众反映强烈，请县领导督办',
    });
    expect(up.toast?.content).toBe('立即升级成功');
    const leaderCard = await eventually('the 分管县领导 card', () =>
      cardsOf(stack.sim, VICE_AGRI).find((m) => cardText(m).includes(spec.id)),
    );
    expect(cardText(leaderCard)).toContain('已升级至第 3 级');

    const urge = await clickButton(stack.sim, leaderCard, VICE_AGRI, '催办', {
      urge_reason: '请按期办结，及时反馈进度',
    });
    expect(urge.toast?.content).toBe('催办成功');
    await eventually('the 催办 notice', () =>
      textsOf(stack.sim, ASSIGNEE).find((t) => t.startsWith('【催办】请按期办结')),
    );
    const again = await clickButton(stack.sim, leaderCard, VICE_AGRI, '催办', {
      urge_reason: '请按期办结，及时反馈进度',
    });
    expect(again.toast).toMatchObject({ type: 'error', content: '您在 60 分钟内已催办过此事项，请稍后再催' });

    const note = await clickButton(stack.sim, leaderCard, VICE_AGRI, '批示', {
      instruction: '请镇党委牵头，本周内完成整改',
    });
    expect(note.toast?.content).toBe('批示成功');
    await eventually('the 批示 notice', () =>
      textsOf(stack.sim, ASSIGNEE).find((t) => t.includes('请镇党委牵头，本周内完成整改')),
    );

    const events = await listEvents(stack.db.db, spec.id);
    const manual = events.filter((e) => ['escalation_requested', 'escalated', 'urged', 'instructed'].includes(e.type));
    expect(manual.map((e) => [e.type, e.actor_id])).toEqual([
      ['escalation_requested', 'p-ducha-head'],
      ['escalated', 'p-ducha-head'],
      ['urged', VICE_AGRI],
      ['instructed', VICE_AGRI],
    ]);
    expect(manual[1]?.payload).toMatchObject({ level: 3, personId: VICE_AGRI, role: '分管县领导' });
    // Someone outside the chain cannot 催办.
    const outsider = await stack.sim.click({
      messageId: leaderCard.messageId,
      operatorOpenId: (await stack.db.db
        .selectFrom('people')
        .select('open_id')
        .where('id', '=', VICE_AGRI)
        .executeTakeFirst())!.open_id!,
      value: { item: spec.id, cmd: 'escalate_now' },
      formValue: { escalate_level: '4', escalate_reason: 'x' },
    });
    expect(outsider.toast).toMatchObject({ type: 'error', content: '只有督查人员可以立即升级' });
    expect((await listEvents(stack.db.db, spec.id)).length).toBe(events.length);
  });
});
