import { localDate } from '../shanghai-time.js';
import type { LoanEvent } from './events.js';
import type { LoanState } from './types.js';

/** The state right after import. */
export function initialLoanState(event: Extract<LoanEvent, { type: 'imported' }>): LoanState {
  return {
    loan: event.loan,
    status: event.status,
    dueOn: event.loan.dueOn,
    repaidFen: event.repaidFen,
    repayments: [],
    reminded: [],
    importedOn: localDate(event.at),
    ...(event.status === 'repaid' ? { closedOn: localDate(event.at) } : {}),
    seq: event.seq,
  };
}

/** Applies one event. Pure: the same events always rebuild the same state. */
export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  const next: LoanState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'imported':
      return initialLoanState(event);
    case 'reminded':
      return { ...next, reminded: [...state.reminded, event.key] };
    case 'overdue':
      return {
        ...next,
        status: 'overdue',
        ...(event.itemId ? { overdueItemId: event.itemId } : {}),
        ...(event.problem ? { overdueProblem: event.problem } : {}),
      };
    case 'repaid':
      return {
        ...next,
        repaidFen: state.repaidFen + event.amountFen,
        repayments: [
          ...state.repayments,
          { amountFen: event.amountFen, on: event.on, by: event.actorId, at: event.at },
        ],
        ...(event.full ? { status: 'repaid' as const, closedOn: event.on } : {}),
      };
    case 'extended':
      return {
        ...next,
        dueOn: event.toDueOn,
        extension: {
          fromDueOn: event.fromDueOn,
          toDueOn: event.toDueOn,
          reason: event.reason,
          by: event.actorId,
          at: event.at,
        },
      };
    case 'item_closed':
      return { ...next, itemClosed: true };
  }
}
