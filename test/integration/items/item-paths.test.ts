import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, listEvents } from '../../../db/items/items.js';
import { endOfDay } from '../../../domain/shanghai-time.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, clickButton, eventually, type Stack, startStack, textsOf } from '../../support/stack.js';

const ASSIGNEE = 'p-xiaojie-v1-secretary';
const COLLEAGUE = 'p-xiaojie-v1-first';
const REVIEWER = 'p-ducha-staff';
const ISSUER = 'p-ducha-head';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function signedItem() {
  const spec = liveSpec();
  await stack.startItem(spec);
  const card = await eventually('the assignee card', () =>
    cardsOf(stack.sim, ASSIGNEE).find((m) => cardText(m).includes(spec.id)),
  );
  const r = await clickButton(stack.sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(5) });
  expect(r.toast?.content).toBe('签收成功');
  return { spec, card };
}

const eventTypes = async (id: string) => (await listEvents(stack.db.db, id)).map((e) => e.type);

describe('延期 (extension)', () => {
  it('an approved extension moves the working deadline; the original stays for assessment', async () => {
    const { spec, card } = await signedItem();
    const newDate = dateFromToday(30);
    const ask = await clickButton(stack.sim, card, ASSIGNEE, '申请延期', {
      new_due_date: newDate,
      extension_reason: '需等待镇党委审批',
    });
    expect(ask.toast?.content).toBe('申请延期成功');

    const review = await eventually('the reviewer card', () =>
      cardsOf(stack.sim, REVIEWER).find((m) => cardText(m).includes(spec.id)),
    );
    await eventually('the reviewer notice', () =>
      textsOf(stack.sim, REVIEWER).find((t) => t.includes(`延至 ${newDate}`)),
    );
    const ok = await clickButton(stack.sim, review, REVIEWER, '同意延期');
    expect(ok.toast?.content).toBe('同意延期成功');

    const row = await findItem(stack.db.db, spec.id);
    expect(Date.parse(row!.due_at)).toBe(Date.parse(endOfDay(newDate)));
    expect(Date.parse(row!.original_due_at)).toBe(Date.parse(spec.dueAt));
    expect(row!.extensions_granted).toBe(1);
    expect(await eventTypes(spec.id)).toEqual(['created', 'signed', 'extension_requested', 'extension_approved']);
    await eventually('the assignee hears the new deadline', () =>
      textsOf(stack.sim, ASSIGNEE).find((t) => t.includes(`新的办结期限为 ${newDate}`)),
    );
  });

  it('a rejected extension keeps the deadline and tells the assignee why', async () => {
    const { spec, card } = await signedItem();
    await clickButton(stack.sim, card, ASSIGNEE, '申请延期', {
      new_due_date: dateFromToday(20),
      extension_reason: '人手不足',
    });
    const review = await eventually('the reviewer card', () =>
      cardsOf(stack.sim, REVIEWER).find((m) => cardText(m).includes(spec.id)),
    );
    const no = await clickButton(stack.sim, review, REVIEWER, '不同意延期', {
      extension_reject_reason: '请按原期限完成',
    });
    expect(no.toast?.content).toBe('不同意延期成功');
    const row = await findItem(stack.db.db, spec.id);
    expect(Date.parse(row!.due_at)).toBe(Date.parse(spec.dueAt));
    expect(await eventTypes(spec.id)).toEqual(['created', 'signed', 'extension_requested', 'extension_rejected']);
    await eventually('the reason reaches the assignee', () =>
      textsOf(stack.sim, ASSIGNEE).find((t) => t.includes('请按原期限完成')),
    );
  });
});

describe('转办 (transfer within the unit)', () => {
  it('hands the item to a colleague, who gets a card and must 签收 again', async () => {
    const { spec, card } = await signedItem();
    const r = await clickButton(stack.sim, card, ASSIGNEE, '转办', {
      transfer_to: COLLEAGUE,
      transfer_reason: '由驻村第一书记牵头',
    });
    expect(r.toast?.content).toBe('转办成功');
    expect(stack.sim.message(card.messageId)?.content).toContain('您已不是此事项的责任人');

    const theirs = await eventually('the colleague card', () =>
      cardsOf(stack.sim, COLLEAGUE).find((m) => cardText(m).includes(spec.id)),
    );
    const sign = await clickButton(stack.sim, theirs, COLLEAGUE, '签收', { committed_date: dateFromToday(6) });
    expect(sign.toast?.content).toBe('签收成功');

    const row = await findItem(stack.db.db, spec.id);
    expect(row).toMatchObject({ assignee_id: COLLEAGUE, status: 'in_progress' });
    const events = await listEvents(stack.db.db, spec.id);
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['created', ISSUER],
      ['signed', ASSIGNEE],
      ['transferred', ASSIGNEE],
      ['signed', COLLEAGUE],
    ]);
    expect(events[2]?.payload).toMatchObject({ fromPersonId: ASSIGNEE, toPersonId: COLLEAGUE });
  });
});

describe('撤销 (cancel by the issuer)', () => {
  it('closes the item, updates every card and tells the assignee', async () => {
    const { spec, card } = await signedItem();
    const issuerCard = await eventually('the issuer card', () =>
      cardsOf(stack.sim, ISSUER).find((m) => cardText(m).includes(spec.id)),
    );
    const r = await clickButton(stack.sim, issuerCard, ISSUER, '撤销事项', { cancel_reason: '任务已并入全县整改清单' });
    expect(r.toast?.content).toBe('撤销成功');

    const row = await findItem(stack.db.db, spec.id);
    expect(row).toMatchObject({ status: 'cancelled' });
    expect(row!.state.closeReason).toBe('任务已并入全县整改清单');
    await eventually('the assignee card shows 已撤销', () =>
      stack.sim.message(card.messageId)?.content.includes('已撤销'),
    );
    await eventually('the assignee is told', () =>
      textsOf(stack.sim, ASSIGNEE).find((t) => t.includes('任务已并入全县整改清单')),
    );
    const final = await stack.system.client.workflow.getHandle(spec.id).result();
    expect(final.status).toBe('cancelled');
  });
});
