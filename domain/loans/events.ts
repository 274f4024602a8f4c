import type { Fen } from './money.js';
import type { Loan, LoanStatus } from './types.js';

/** What happened to a loan. The loan's audit trail (loan_events) stores exactly these, with actor and time. */
export type LoanEventBody =
  | { type: 'imported'; loan: Loan; status: LoanStatus; repaidFen: Fen }
  | {
      type: 'reminded';
      key: string;
      /** Working days left to the due date when the reminder went out. */
      workdaysLeft: number;
      personId: string;
      channels: string[];
      failures?: string[];
    }
  | { type: 'overdue'; itemId?: string; problem?: string }
  | { type: 'repaid'; amountFen: Fen; on: string; full: boolean; outstandingFen: Fen }
  | { type: 'extended'; fromDueOn: string; toDueOn: string; reason: string }
  | { type: 'item_closed'; itemId: string; reason: string };

export type LoanEventType = LoanEventBody['type'];

export type LoanEvent = LoanEventBody & { seq: number; actorId: string; at: string };

export const LOAN_EVENT_LABELS: Record<LoanEventType, string> = {
  imported: '导入台账',
  reminded: '到期提醒',
  overdue: '逾期督办',
  repaid: '登记还款',
  extended: '展期',
  item_closed: '督办事项销号',
};
