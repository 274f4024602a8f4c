import type { Kysely } from 'kysely';
import { listTownships, loanFigureInputs, loanTarget } from '../../db/loans/loans.js';
import type { Database } from '../../db/schema.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import {
  lastDayOfMonth,
  type MonthlyCollection,
  monthlyCollection,
  newLoans,
  type TargetProgress,
  targetProgress,
} from '../../domain/loans/index.js';

export interface LoanFigures {
  collection: MonthlyCollection;
  year: number;
  issued: ReturnType<typeof newLoans>;
  /** The year's 新增贷款 target against 序时进度; absent when no target was imported. */
  target?: TargetProgress;
}

/**
 * A month's 小额信贷 figures from the ledger, as of the month's last day (or `asOf`, if earlier): collection per
 * township and the year's new loans against the target. Shared by the CLI report and the dashboard.
 */
export async function loadLoanFigures(
  db: Kysely<Database>,
  month: string,
  cal: CalendarData,
  asOf?: string,
): Promise<LoanFigures> {
  const end = asOf && asOf < lastDayOfMonth(month) ? asOf : lastDayOfMonth(month);
  const loans = await loanFigureInputs(db);
  const collection = monthlyCollection(loans, await listTownships(db), month, end);
  const year = Number(month.slice(0, 4));
  const issued = newLoans(loans, year, end);
  const targetFen = await loanTarget(db, year);
  return {
    collection,
    year,
    issued,
    ...(targetFen ? { target: targetProgress(cal, { year, targetFen, actualFen: issued.amountFen, asOf: end }) } : {}),
  };
}
