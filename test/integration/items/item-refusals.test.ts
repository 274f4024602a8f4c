import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, listEvents } from '../../../db/items/items.js';
import { encrypt, sign } from '../../../larksim/index.js';
import { cardClickEnvelope } from '../../support/card-envelope.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import {
  cardsOf,
  cardText,
  clickButton,
  eventually,
  findButton,
  openIdOf,
  type Stack,
  startStack,
  TEST_APP,
} from '../../support/stack.js';

const ASSIGNEE = 'p-xiaojie-v1-secretary';
const REVIEWER = 'p-ducha-staff';
const OUTSIDER = 'p-niulanjiang-v1-secretary';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function newItem() {
  const spec = liveSpec();
  await stack.startItem(spec);
  const card = await eventually('the assignee card', () =>
    cardsOf(stack.sim, ASSIGNEE).find((m) => cardText(m).includes(spec.id)),
  );
  return { spec, card };
}

/** Ledger row and audit trail, to prove a refusal changed nothing. */
async function ledger(id: string) {
  const row = await findItem(stack.db.db, id);
  const events = await listEvents(stack.db.db, id);
  return { version: row?.version, status: row?.status, due: row?.due_at, events: events.length };
}

const envelope = cardClickEnvelope;

const cardUrl = () => `${stack.system.botUrl}/lark/card`;

/**
 * Delivers a click exactly as Lark would, for people the simulator's web chat would not show
 * the card to: in Lark a card can be forwarded (or sit in a group), and anyone may press it.
 */
async function deliver(env: object): Promise<{ status: number; toast?: { type: string; content: string } }> {
  const { body, headers } = stack.sim.buildCallback(env);
  const r = await stack.sim.postRaw(cardUrl(), body, headers);
  return { status: r.status, ...(JSON.parse(r.body) as { toast?: { type: string; content: string } }) };
}

describe('forged, tampered and replayed callbacks are refused with an HTTP error', () => {
  it('a tampered body (signature no longer matches) gets 401 and changes nothing', async () => {
    const { spec, card } = await newItem();
    const before = await ledger(spec.id);
    const value = findButton(card.card, '签收')!.behaviors![0]!.value!;
    const { body, headers } = stack.sim.buildCallback(
      envelope(card, ASSIGNEE, value, { committed_date: `${dateFromToday(3)} +0800` }),
    );
    const other = JSON.stringify({
      encrypt: encrypt(TEST_APP.encryptKey, JSON.stringify(envelope(card, ASSIGNEE, value))),
    });
    const tampered = await stack.sim.postRaw(cardUrl(), other, headers);
    expect(tampered.status).toBe(401);
    expect(JSON.parse(tampered.body)).toMatchObject({ msg: 'bad signature' });
    const resigned = await stack.sim.postRaw(cardUrl(), body, { ...headers, 'X-Lark-Signature': 'f'.repeat(64) });
    expect(resigned.status).toBe(401);
    expect(await ledger(spec.id)).toEqual(before);
  });

  it('a callback signed with another key (forged) gets 401', async () => {
    const { spec, card } = await newItem();
    const before = await ledger(spec.id);
    const value = findButton(card.card, '签收')!.behaviors![0]!.value!;
    const body = JSON.stringify({ encrypt: encrypt('not-the-key', JSON.stringify(envelope(card, ASSIGNEE, value))) });
    const ts = String(Math.floor(Date.now() / 1000));
    const r = await stack.sim.postRaw(cardUrl(), body, {
      'Content-Type': 'application/json',
      'X-Lark-Request-Timestamp': ts,
      'X-Lark-Request-Nonce': '42',
      'X-Lark-Signature': sign(ts, '42', 'not-the-key', body),
    });
    expect(r.status).toBe(401);
    expect(await ledger(spec.id)).toEqual(before);
  });

  it('a correctly signed callback captured ten minutes ago is refused as stale', async () => {
    const { spec, card } = await newItem();
    const before = await ledger(spec.id);
    const value = findButton(card.card, '签收')!.behaviors![0]!.value!;
    const body = JSON.stringify({
      encrypt: encrypt(
        TEST_APP.encryptKey,
        JSON.stringify(envelope(card, ASSIGNEE, value, { committed_date: dateFromToday(3) })),
      ),
    });
    const ts = String(Math.floor(Date.now() / 1000) - 600);
    const r = await stack.sim.postRaw(cardUrl(), body, {
      'Content-Type': 'application/json',
      'X-Lark-Request-Timestamp': ts,
      'X-Lark-Request-Nonce': '7',
      'X-Lark-Signature': sign(ts, '7', TEST_APP.encryptKey, body),
    });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ msg: 'stale timestamp' });
    expect(await ledger(spec.id)).toEqual(before);
  });

  it('the URL challenge is answered only with the right verification token', async () => {
    expect((await stack.sim.verifyUrl(cardUrl())).ok).toBe(true);
    const wrong = JSON.stringify({
      encrypt: encrypt(
        TEST_APP.encryptKey,
        JSON.stringify({ type: 'url_verification', challenge: 'x', token: 'nope' }),
      ),
    });
    expect((await stack.sim.postRaw(cardUrl(), wrong, { 'Content-Type': 'application/json' })).status).toBe(401);
  });
});

describe('a redelivered click acts once', () => {
  it('the same callback delivered twice gives the same answer and one audit event', async () => {
    const { spec, card } = await newItem();
    const first = await clickButton(stack.sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(4) });
    expect(first.toast?.content).toBe('签收成功');
    const again = await stack.sim.redeliverLastCallback();
    expect(again.eventId).toBe(first.eventId);
    expect(again.httpStatus).toBe(200);
    expect(again.toast?.content).toBe('签收成功');
    const events = await listEvents(stack.db.db, spec.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'signed']);
  });
});

describe('refusals answer with a clear toast and change nothing', () => {
  it('a click by someone who is neither assignee nor reviewer', async () => {
    const { spec, card } = await newItem();
    const before = await ledger(spec.id);
    const value = findButton(card.card, '签收')!.behaviors![0]!.value!;
    const r = await deliver(envelope(card, OUTSIDER, value, { committed_date: `${dateFromToday(3)} +0800` }));
    expect(r.status).toBe(200);
    expect(r.toast).toMatchObject({ type: 'error', content: '您不是此事项的责任人，不能执行此操作' });
    expect(await ledger(spec.id)).toEqual(before);
  });

  it('a click by a Lark user who is not registered in Duban', async () => {
    const { spec, card } = await newItem();
    const value = findButton(card.card, '签收')!.behaviors![0]!.value!;
    const env = envelope(card, ASSIGNEE, value);
    const r = await deliver({
      ...env,
      event: { ...env.event, operator: { open_id: 'ou_unknown000000000000000000000000' } },
    });
    expect(r.toast).toMatchObject({ type: 'error', content: '您尚未登记为督办系统用户，请联系督查室' });
    expect((await ledger(spec.id)).events).toBe(1);
  });

  it('an action the state does not allow: 通过 before 提交', async () => {
    const { spec, card } = await newItem();
    await clickButton(stack.sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(3) });
    const before = await ledger(spec.id);
    // A stale or hand-made card: the reviewer presses 审核通过 while the item is still being worked on.
    const r = await deliver(envelope(card, REVIEWER, { item: spec.id, cmd: 'approve' }));
    expect(r.toast).toMatchObject({
      type: 'error',
      content: '事项当前为「办理中」，不能审核通过，请刷新卡片查看最新状态',
    });
    expect(await ledger(spec.id)).toEqual(before);
  });

  it('a missing or malformed form value is rejected in the card', async () => {
    const { spec, card } = await newItem();
    const before = await ledger(spec.id);
    const missing = await clickButton(stack.sim, card, ASSIGNEE, '签收', {});
    expect(missing.toast).toMatchObject({ type: 'error', content: '请选择承诺办结日期' });
    const past = await clickButton(stack.sim, card, ASSIGNEE, '申请延期', {
      new_due_date: dateFromToday(-3),
      extension_reason: '太忙',
    });
    expect(past.toast?.type).toBe('error');
    expect(past.toast?.content).toMatch(/^新的办结期限须晚于当前期限 \d{4}-\d{2}-\d{2}$/);
    expect(await ledger(spec.id)).toEqual(before);

    await clickButton(stack.sim, card, ASSIGNEE, '签收', { committed_date: dateFromToday(3) });
    const signed = await ledger(spec.id);
    const percent = await clickButton(stack.sim, card, ASSIGNEE, '反馈进度', {
      percent: '六十',
      progress_note: '进展顺利',
    });
    expect(percent.toast).toMatchObject({ type: 'error', content: '完成进度须为 0–100 的整数' });
    // The refusal answer also re-renders the card from the ledger, so the form is still there to fix.
    expect(findButton(stack.sim.message(card.messageId)?.card, '反馈进度')).toBeDefined();
    expect(await ledger(spec.id)).toEqual(signed);
  });

  it('a click on a closed item says so', async () => {
    const { spec, card } = await newItem();
    const issuerCard = await eventually('issuer card', () =>
      cardsOf(stack.sim, 'p-ducha-head').find((m) => cardText(m).includes(spec.id)),
    );
    await clickButton(stack.sim, issuerCard, 'p-ducha-head', '撤销事项', { cancel_reason: '重复交办' });
    await stack.system.client.workflow.getHandle(spec.id).result();
    const before = await ledger(spec.id);
    const r = await stack.sim.click({
      messageId: card.messageId,
      operatorOpenId: openIdOf(ASSIGNEE),
      value: { item: spec.id, cmd: 'sign' },
      formValue: { committed_date: dateFromToday(2) },
    });
    expect(r.toast).toMatchObject({ type: 'error', content: '事项已撤销，无需操作' });
    expect(await ledger(spec.id)).toEqual(before);
  });
});
