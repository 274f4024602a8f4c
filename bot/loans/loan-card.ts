import {
  formatYuan,
  LOAN_STATUS_LABELS,
  type LoanCommandType,
  type LoanState,
  outstandingOf,
} from '../../domain/loans/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import {
  button,
  type Card,
  type CardColor,
  type CardElement,
  card,
  datePicker,
  form,
  header,
  hr,
  input,
  markdown,
} from '../cards/elements.js';

/** What every loan button carries: the card router sends `kind: 'loan'` clicks to bot/loans/card-route.ts. */
export interface LoanActionValue {
  kind: 'loan';
  act: LoanCommandType;
  loan: string;
}

export const loanValue = (act: LoanCommandType, loanId: string): LoanActionValue => ({
  kind: 'loan',
  act,
  loan: loanId,
});

/** Form field names; unique per card because the three forms share it. */
export const LOAN_FIELDS = {
  fullOn: 'repay_full_on',
  amount: 'repay_amount',
  partialOn: 'repay_partial_on',
  extendTo: 'extend_to',
  extendReason: 'extend_reason',
} as const;

export interface LoanCardInput {
  state: LoanState;
  villageName: string;
  /** person id → name */
  names: Record<string, string>;
  now: string;
}

/**
 * The loan card the village's collection cadre holds: the loan, what has been repaid, and forms to record a full
 * or partial repayment or a 展期. It is patched after every change; a repaid loan keeps the card as a record.
 */
export function loanCard(i: LoanCardInput): Card {
  const { state } = i;
  const open = state.status !== 'repaid';
  const elements: CardElement[] = [markdown(details(i))];
  if (open) elements.push(hr(), ...actions(i));
  return card(
    header(
      `小额信贷 · ${state.loan.household}户`,
      `${i.villageName} · ${LOAN_STATUS_LABELS[state.status]}`,
      color(state, i.now),
      tags(state),
    ),
    elements,
    `${LOAN_STATUS_LABELS[state.status]}｜${state.loan.household}户 ${formatYuan(state.loan.amountFen)} 元，${state.dueOn} 到期`,
  );
}

function details({ state, names }: LoanCardInput): string {
  const { loan } = state;
  const lines = [
    `**贷款编号**：${loan.id}`,
    `**户主**：${loan.household}　**责任人**：${names[loan.cadreId] ?? loan.cadreId}`,
    `**贷款金额**：${formatYuan(loan.amountFen)} 元　**发放日期**：${loan.issuedOn}`,
    `**到期日期**：${state.dueOn}${state.extension ? `（已展期，原到期 ${state.extension.fromDueOn}）` : ''}`,
    `**已还**：${formatYuan(state.repaidFen)} 元　**未还**：${formatYuan(outstandingOf(state))} 元`,
    ...state.repayments.map((r) => `- ${r.on} 还款 ${formatYuan(r.amountFen)} 元（${names[r.by] ?? r.by} 登记）`),
    state.extension ? `**展期理由**：${state.extension.reason}` : '',
    state.status === 'overdue' && state.overdueItemId
      ? `<font color='red'>已逾期，已交办督办事项 ${state.overdueItemId}，还款后在本卡片登记即可销号。</font>`
      : '',
    state.status === 'repaid'
      ? `<font color='green'>已于 ${state.closedOn} 结清${state.overdueItemId ? `，督办事项 ${state.overdueItemId} 已销号` : ''}。</font>`
      : '',
  ];
  return lines.filter(Boolean).join('\n');
}

function actions({ state, now }: LoanCardInput): CardElement[] {
  const id = state.loan.id;
  const today = localDate(now);
  const out: CardElement[] = [
    form('repay_full_form', [
      markdown(`**全额还款**：结清剩余 ${formatYuan(outstandingOf(state))} 元`),
      datePicker(LOAN_FIELDS.fullOn, '还款日期', today, true),
      button('全额还款', loanValue('repay_full', id), {
        type: 'primary_filled',
        submit: { name: 'repay_full_submit' },
        confirm: { title: '确认全额还款', text: `登记 ${state.loan.household}户已结清全部贷款？` },
      }),
    ]),
    form('repay_partial_form', [
      markdown('**部分还款**'),
      input(LOAN_FIELDS.amount, '还款金额（元）', '例如 10000', { required: true, maxLength: 12 }),
      datePicker(LOAN_FIELDS.partialOn, '还款日期', today, true),
      button('部分还款', loanValue('repay_partial', id), { type: 'primary', submit: { name: 'repay_partial_submit' } }),
    ]),
  ];
  if (state.status === 'active' && !state.extension) {
    out.push(
      form('extend_form', [
        markdown('**展期**（到期前办理，每笔贷款限一次）'),
        datePicker(LOAN_FIELDS.extendTo, '展期后的到期日期', undefined, true),
        input(LOAN_FIELDS.extendReason, '展期理由', '如：因灾减产，经银行同意展期', { required: true, maxLength: 200 }),
        button('展期', loanValue('extend', id), { submit: { name: 'extend_submit' } }),
      ]),
    );
  }
  return out;
}

function color(state: LoanState, now: string): CardColor {
  if (state.status === 'repaid') return 'green';
  if (state.status === 'overdue' || localDate(now) > state.dueOn) return 'red';
  return 'orange';
}

function tags(state: LoanState): { text: string; color: string }[] {
  const out: { text: string; color: string }[] = [];
  if (state.status === 'overdue') out.push({ text: '已逾期', color: 'red' });
  if (state.extension) out.push({ text: '已展期', color: 'orange' });
  return out;
}

/** The reminder written under the card before the due date. */
export function loanReminderText(state: LoanState, workdaysLeft: number): string {
  const left = workdaysLeft > 0 ? `还有 ${workdaysLeft} 个工作日` : '今天到期';
  return `【还款提醒】${state.loan.household}户小额信贷将于 ${state.dueOn} 到期（${left}），尚欠 ${formatYuan(outstandingOf(state))} 元，请提醒农户按时还款；已还款的请在卡片上登记。`;
}
