import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, listEvents } from '../../../db/items/items.js';
import { findLoanState, listLoanEvents, listTownships, loanFigureInputs, replayLoan } from '../../../db/loans/loans.js';
import { monthlyCollection, overdueItemId } from '../../../domain/loans/index.js';
import type { SimMessage } from '../../../larksim/index.js';
import { importLoans } from '../../../services/loans/import-loans.js';
import { startLoanWorkflows } from '../../../services/loans/loan-service.js';
import { loanWorkbook } from '../../support/ledger-workbooks.js';
import { cardsOf, cardText, clickButton, eventually, type Stack } from '../../support/stack.js';
import { startTimeSkippingStack, type TimeSkippingStack } from '../../support/time-skipping.js';
import { JUNE_FIGURES } from '../../unit/loans/fixture-loans.js';

/**
 * June 2024 on a virtual clock (端午 on Monday 6/10), against the real worker, PostgreSQL, the Lark simulator and
 * the official SDK: the fixture ledger is imported on Monday 6/3; XD2024-001 (匡郎村, due Friday 6/21) gets its
 * card on 6/6, a partial repayment, goes overdue on Monday 6/24 and escalates, and is repaid in full from the card
 * on 6/26, which closes the overdue item; XD2024-003 (兰茂村) is granted a 展期 and never goes overdue.
 */
const START = '2024-06-03T09:00:00+08:00';
const CADRE = 'p-xiaojie-v1-cadre';

let ts: TimeSkippingStack;
let stack: Stack;
let partialClick: Awaited<ReturnType<typeof clickButton>>;
let tooMuchClick: Awaited<ReturnType<typeof clickButton>>;
let extendClick: Awaited<ReturnType<typeof clickButton>>;
let fullClick: Awaited<ReturnType<typeof clickButton>>;

const sleepUntil = (local: string) => ts.sleepUntil(local);

/** The loan card (not the overdue item's card, which names the loan too). */
const isLoanCard = (m: SimMessage, loanId: string) => cardText(m).includes(`**贷款编号**：${loanId}`);
const loanCard = (personId: string, loanId: string) =>
  eventually(`${loanId}'s card for ${personId}`, () => cardsOf(stack.sim, personId).find((m) => isLoanCard(m, loanId)));

/** Carried out at `local`, give or take the real time its activities took (the virtual clock runs meanwhile). */
function expectNear(at: string, local: string, slackMs = 60_000): void {
  const d = Date.parse(at) - Date.parse(local);
  expect(d, `${at} should be just after ${local}`).toBeGreaterThanOrEqual(0);
  expect(d, `${at} should be just after ${local}`).toBeLessThan(slackMs);
}

beforeAll(async () => {
  ts = await startTimeSkippingStack(START);
  stack = ts.stack;
  const db = stack.db.db;
  const imported = await importLoans(db, await loanWorkbook(), { by: 'p-caizheng-staff', at: START });
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  await startLoanWorkflows(stack.system.client, stack.taskQueue, imported.loans);

  // 6/5 and 6/6: the first reminders (10 working days before 6/20 and 6/21) bring the loan cards.
  await sleepUntil('2024-06-06T10:00:00+08:00');
  const card: SimMessage = await loanCard(CADRE, 'XD2024-001');
  tooMuchClick = await clickButton(stack.sim, card, CADRE, '部分还款', {
    repay_amount: '60000',
    repay_partial_on: '2024-06-06',
  });
  partialClick = await clickButton(stack.sim, card, CADRE, '部分还款', {
    repay_amount: '20,000',
    repay_partial_on: '2024-06-06',
  });
  const lanmao = await loanCard('p-yanglin-v1-cadre', 'XD2024-003');
  extendClick = await clickButton(stack.sim, lanmao, 'p-yanglin-v1-cadre', '展期', {
    extend_to: '2024-12-20',
    extend_reason: '因旱灾减产，经信用社同意展期',
  });

  // Past the due date (Friday 6/21) and into the overdue item's escalation, then the rest is repaid.
  await sleepUntil('2024-06-26T11:00:00+08:00');
  fullClick = await clickButton(stack.sim, card, CADRE, '全额还款', { repay_full_on: '2024-06-26' });
  await eventually(
    'the overdue item withdrawn and the loan closed',
    async () =>
      (await findItem(db, overdueItemId('XD2024-001')))?.status === 'cancelled' &&
      (await findLoanState(db, 'XD2024-001'))?.itemClosed === true,
    30_000,
  );
}, 900_000);

afterAll(async () => {
  await ts?.stop();
});

describe('小额信贷 loan collection on China’s working-day calendar', () => {
  it('reminds the village cadre with the loan card 10 and 3 working days before the due date', async () => {
    const events = await listLoanEvents(stack.db.db, 'XD2024-001');
    const reminders = events.filter((e) => e.type === 'reminded');
    expect(reminders.map((e) => e.type === 'reminded' && e.workdaysLeft)).toEqual([10, 3]);
    expectNear(reminders[0]!.at, '2024-06-06T09:00:00+08:00');
    expectNear(reminders[1]!.at, '2024-06-18T09:00:00+08:00');
    const cards = cardsOf(stack.sim, CADRE).filter((m) => isLoanCard(m, 'XD2024-001'));
    expect(cards).toHaveLength(1); // one card per loan, kept current; reminders are replies under it
    const replies = stack.sim.messages().filter((m) => m.parentId === cards[0]!.messageId);
    expect(replies.map((m) => (JSON.parse(m.content) as { text: string }).text)).toEqual([
      expect.stringContaining('还有 10 个工作日'),
      expect.stringContaining('还有 3 个工作日'),
    ]);
  });

  it('a partial repayment is recorded from the card; too much is refused and nothing is recorded', async () => {
    expect(tooMuchClick.toast).toMatchObject({
      type: 'error',
      content: '还款金额 60,000.00 元超过未还金额 50,000.00 元',
    });
    expect(partialClick.toast).toMatchObject({ type: 'success', content: '部分还款已登记' });
    const repaid = (await listLoanEvents(stack.db.db, 'XD2024-001')).filter((e) => e.type === 'repaid');
    expect(repaid.map((e) => e.type === 'repaid' && [e.amountFen, e.on, e.full, e.actorId])).toEqual([
      [2_000_000, '2024-06-06', false, CADRE],
      [3_000_000, '2024-06-26', true, CADRE],
    ]);
  });

  it('a loan whose due date passes opens an overdue item that escalates up the chain', async () => {
    const itemId = overdueItemId('XD2024-001');
    const overdue = (await listLoanEvents(stack.db.db, 'XD2024-001')).find((e) => e.type === 'overdue')!;
    expectNear(overdue.at, '2024-06-24T09:00:00+08:00');
    const item = (await findItem(stack.db.db, itemId))!;
    expect(item).toMatchObject({ kind: 'loan', domain: '金融', owner_unit_id: 'xiaojie-v1', assignee_id: CADRE });
    expect(item.state.spec.parentRef).toEqual({ kind: 'loan', id: 'XD2024-001' });
    expect(item.state.spec.issuerId).toBe('p-caizheng-staff');
    const events = await listEvents(stack.db.db, itemId);
    const escalated = events.filter((e) => e.type === 'escalated');
    // Not signed by 6/25 18:00: the village's party secretary (L1) is told.
    expect(escalated.map((e) => [e.payload.stepId, e.payload.level, e.payload.personId])).toContainEqual([
      'sign-late',
      1,
      'p-xiaojie-v1-secretary',
    ]);
    expect(events.some((e) => e.type === 'reminded' && e.payload.stepId === 'unread-4h')).toBe(true);
    const itemCard = cardsOf(stack.sim, 'p-xiaojie-v1-secretary').find((m) => cardText(m).includes(itemId));
    expect(itemCard).toBeDefined();
  });

  it('full repayment from the card closes the loan and the overdue item, with the reason in its audit trail', async () => {
    expect(fullClick.toast).toMatchObject({ type: 'success', content: '全额还款已登记' });
    const loan = (await findLoanState(stack.db.db, 'XD2024-001'))!;
    expect(loan).toMatchObject({ status: 'repaid', repaidFen: 5_000_000, closedOn: '2024-06-26', itemClosed: true });
    const events = await listLoanEvents(stack.db.db, 'XD2024-001');
    expect(events.map((e) => e.type)).toEqual([
      'imported',
      'reminded',
      'repaid',
      'reminded',
      'overdue',
      'repaid',
      'item_closed',
    ]);
    expect(events.every((e) => e.actorId && e.at)).toBe(true);
    expect(await replayLoan(stack.db.db, 'XD2024-001')).toEqual(loan); // the ledger row is its audit trail replayed
    const cancelled = (await listEvents(stack.db.db, overdueItemId('XD2024-001'))).at(-1)!;
    expect(cancelled.type).toBe('cancelled');
    expect(String(cancelled.payload.reason)).toMatch(/^已还款：2024-06-26 登记全额还款/);
    // Everyone the item reached sees it closed; the loan card shows it repaid.
    const leader = cardsOf(stack.sim, 'p-xiaojie-v1-secretary').find((m) =>
      cardText(m).includes(overdueItemId('XD2024-001')),
    )!;
    await eventually('the leader’s card patched', () =>
      cardText(stack.sim.message(leader.messageId)!).includes('已撤销'),
    );
    const card = await loanCard(CADRE, 'XD2024-001');
    await eventually('the loan card patched', () => cardText(stack.sim.message(card.messageId)!).includes('已结清'));
  });

  it('a 展期 before the due date moves it: no overdue item at the old date', async () => {
    expect(extendClick.toast).toMatchObject({ type: 'success', content: '展期已登记' });
    const lanmao = (await findLoanState(stack.db.db, 'XD2024-003'))!;
    expect(lanmao).toMatchObject({ status: 'active', dueOn: '2024-12-20', extension: { fromDueOn: '2024-06-20' } });
    expect(await findItem(stack.db.db, overdueItemId('XD2024-003'))).toBeUndefined();
    const types = (await listLoanEvents(stack.db.db, 'XD2024-003')).map((e) => e.type);
    expect(types).toEqual(['imported', 'reminded', 'extended']);
  });

  it('a loan imported as 逾期 gets its overdue item at once', async () => {
    const item = await findItem(stack.db.db, overdueItemId('XD2024-005'));
    expect(item).toMatchObject({ kind: 'loan', assignee_id: 'p-niulanjiang-v1-cadre' });
    expectNear(item!.created_at, START, 180_000); // as soon as its workflow started
  });

  it('the month’s figures from the ledger match the fixture', async () => {
    const june = monthlyCollection(await loanFigureInputs(stack.db.db), await listTownships(stack.db.db), '2024-06');
    const by = Object.fromEntries(june.townships.map(({ townshipId, townshipName, ...f }) => [townshipId, f]));
    expect([by.xiaojie, by.yanglin, by.niulanjiang, june.total]).toEqual([
      JUNE_FIGURES.xiaojie,
      JUNE_FIGURES.yanglin,
      JUNE_FIGURES.niulanjiang,
      JUNE_FIGURES.total,
    ]);
  });
});
