import { localDate } from '../../domain/shanghai-time.js';
import { loadLoanFigures } from '../../services/loans/figures.js';
import type { LedgerPanel } from '../ledger-panel.js';
import { loanPanel } from './panel.js';

/** The month's 小额信贷 collection per township and the year's 新增贷款 against 序时进度. */
export const loanLedgerPanel: LedgerPanel = async ({ env, month, calendar, visible }) =>
  loanPanel(month, await loadLoanFigures(env.db, month, calendar, localDate(env.now)), visible);
