import { describe, expect, it } from 'vitest';
import {
  decideLoan,
  evolveLoan,
  type LoanCommand,
  type LoanEvent,
  type LoanState,
  outstandingOf,
} from '../../../domain/loans/index.js';
import { loanState } from './helpers.js';

// XD2024-001: 李建华, 匡郎村, 50 000 元, due 2024-06-21; cadre p-xiaojie-v1-cadre.
const cadre = { actorId: 'p-xiaojie-v1-cadre', now: '2024-06-06T10:00:00+08:00' };

function apply(state: LoanState, command: LoanCommand, ctx = cadre): LoanState {
  const d = decideLoan(state, command, ctx);
  if (!d.ok) throw new Error(d.message);
  return evolveLoan(state, { ...d.event, seq: state.seq + 1, actorId: ctx.actorId, at: ctx.now } as LoanEvent);
}
const refusal = (state: LoanState, command: LoanCommand, ctx = cadre) => {
  const d = decideLoan(state, command, ctx);
  return d.ok ? 'accepted' : d.message;
};

describe('repayments from the loan card', () => {
  it('a partial repayment lowers what is owed; the rest closes the loan', () => {
    const partial = apply(loanState(), { type: 'repay_partial', amountFen: 2_000_000, on: '2024-06-06' });
    expect([partial.status, partial.repaidFen, outstandingOf(partial)]).toEqual(['active', 2_000_000, 3_000_000]);
    const full = apply(partial, { type: 'repay_full', on: '2024-06-06' });
    expect(full).toMatchObject({ status: 'repaid', repaidFen: 5_000_000, closedOn: '2024-06-06', seq: 3 });
    expect(full.repayments.map((r) => [r.amountFen, r.on, r.by])).toEqual([
      [2_000_000, '2024-06-06', 'p-xiaojie-v1-cadre'],
      [3_000_000, '2024-06-06', 'p-xiaojie-v1-cadre'],
    ]);
    expect(refusal(full, { type: 'repay_full', on: '2024-06-06' })).toBe('该笔贷款已结清，无需再登记');
  });

  it('a partial repayment of everything owed is a full one', () => {
    const d = decideLoan(loanState(), { type: 'repay_partial', amountFen: 5_000_000, on: '2024-06-05' }, cadre);
    expect(d.ok && d.event).toEqual({
      type: 'repaid',
      amountFen: 5_000_000,
      on: '2024-06-05',
      full: true,
      outstandingFen: 0,
    });
  });

  it('refuses bad amounts and dates, naming them', () => {
    const s = loanState();
    expect(refusal(s, { type: 'repay_partial', amountFen: 6_000_000, on: '2024-06-06' })).toBe(
      '还款金额 60,000.00 元超过未还金额 50,000.00 元',
    );
    expect(refusal(s, { type: 'repay_partial', amountFen: Number.NaN, on: '2024-06-06' })).toBe(
      '请填写还款金额（元），须大于 0，最多两位小数',
    );
    expect(refusal(s, { type: 'repay_full', on: '2024-06-07' })).toBe('还款日期 2024-06-07 不能晚于今天');
    expect(refusal(s, { type: 'repay_full', on: '2023-06-01' })).toBe(
      '还款日期 2023-06-01 不能早于放款日期 2023-06-21',
    );
    expect(refusal(s, { type: 'repay_full', on: '' })).toBe('请选择还款日期');
  });

  it('only the village’s own cadres may record', () => {
    expect(
      refusal(loanState(), { type: 'repay_full', on: '2024-06-06' }, { ...cadre, actorId: 'p-yanglin-v1-cadre' }),
    ).toBe('只有本村负责小额信贷的干部可以登记还款或展期');
    const secretary = { ...cadre, actorId: 'p-xiaojie-v1-secretary', actorUnitIds: ['xiaojie-v1'] };
    expect(refusal(loanState(), { type: 'repay_full', on: '2024-06-06' }, secretary)).toBe('accepted');
  });
});

describe('展期', () => {
  const extend = (newDueOn: string, reason = '因旱灾减产，经银行同意展期'): LoanCommand => ({
    type: 'extend',
    newDueOn,
    reason,
  });

  it('moves the due date once, before it passes', () => {
    const s = apply(loanState(), extend('2024-12-20'));
    expect(s.dueOn).toBe('2024-12-20');
    expect(s.extension).toMatchObject({ fromDueOn: '2024-06-21', toDueOn: '2024-12-20', by: 'p-xiaojie-v1-cadre' });
    expect(refusal(s, extend('2025-01-20'))).toBe('该笔贷款已展期一次，不能再次展期');
  });

  it('refuses an overdue loan, an earlier date, more than a year, or no reason', () => {
    const late = { ...cadre, now: '2024-06-22T10:00:00+08:00' };
    expect(refusal(loanState(), extend('2024-12-20'), late)).toBe(
      '贷款已于 2024-06-21 到期，逾期贷款不能办理展期，请督促还款',
    );
    expect(refusal(loanState(), extend('2024-06-21'))).toBe('展期后的到期日期须晚于原到期日期 2024-06-21');
    expect(refusal(loanState(), extend('2025-06-23'))).toBe('展期最长 366 天，最晚到 2025-06-22');
    expect(refusal(loanState(), extend('2024-12-20', ' '))).toBe('请填写展期理由');
  });
});

describe('the overdue item and its closing', () => {
  it('evolves into 逾期 with its item, and records the item closed', () => {
    const overdue = evolveLoan(loanState(), {
      type: 'overdue',
      itemId: 'LOAN-OD-XD2024-001',
      seq: 2,
      actorId: 'system',
      at: '2024-06-24T09:00:00+08:00',
    });
    expect(overdue).toMatchObject({ status: 'overdue', overdueItemId: 'LOAN-OD-XD2024-001' });
    const paid = apply(
      overdue,
      { type: 'repay_full', on: '2024-06-26' },
      { ...cadre, now: '2024-06-26T10:00:00+08:00' },
    );
    expect(paid.status).toBe('repaid');
    const closed = evolveLoan(paid, {
      type: 'item_closed',
      itemId: 'LOAN-OD-XD2024-001',
      reason: '已还款',
      seq: 4,
      actorId: 'system',
      at: '2024-06-26T10:00:01+08:00',
    });
    expect(closed.itemClosed).toBe(true);
  });
});
