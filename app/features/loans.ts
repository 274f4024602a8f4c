import { createLoanActivities } from '../../activities/loans/loan-activities.js';
import { createLoanCardRoute } from '../../bot/loans/card-route.js';
import { loanLedgerPanel } from '../../dashboard/loans/ledger-panel.js';
import * as m007 from '../../db/ledgers/migrations/007_ledgers.js';
import { LOAN_COMMANDS } from '../../services/loans/cli-commands.js';
import type { Feature } from './feature.js';

/** 小额信贷: the loan ledger, reminders before due, overdue items, repayment and 展期 from the card. */
export const loans: Feature = {
  name: 'loans',
  cli: LOAN_COMMANDS,
  ledgerPanels: [loanLedgerPanel],
  workflows: ['loanCollection'],
  activities: (deps) => createLoanActivities(deps),
  cardRoutes: (deps) => ({ loan: createLoanCardRoute(deps) }),
  // 007 holds both ledgers (loans and projects) and their shared card refs; it landed as one migration.
  migrations: { '007_ledgers': m007 },
};
