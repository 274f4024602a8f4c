import { lastDayOfMonth } from '../month.js';
import { type Fen, percentOf } from './money.js';
import type { LoanStatus } from './types.js';

/** One loan as the monthly figures need it: the ledger row plus its repayments. */
export interface LoanFigureInput {
  id: string;
  townshipId: string;
  household: string;
  villageId: string;
  amountFen: Fen;
  issuedOn: string;
  /** The current due date (after any 展期). */
  dueOn: string;
  status: LoanStatus;
  repayments: { amountFen: Fen; on: string }[];
}

export interface CollectionFigures {
  /** Loans falling due in the month. */
  dueCount: number;
  dueFen: Fen;
  /** Repaid on those loans by the month's end (or by `asOf`, if earlier). */
  collectedFen: Fen;
  /** Of those loans, the ones past due by `asOf` and not fully repaid: what is still owed on them. */
  overdueCount: number;
  overdueFen: Fen;
  /** 回收率: collected / due, in percent with two decimals; undefined when nothing fell due. */
  rate: number | undefined;
}

export interface TownshipCollection extends CollectionFigures {
  townshipId: string;
  townshipName: string;
}

export interface MonthlyCollection {
  month: string;
  asOf: string;
  townships: TownshipCollection[];
  total: CollectionFigures;
}

/**
 * 小额信贷 collection for a month ('YYYY-MM') per township, counted as of `asOf` (normally the month's last day):
 * loans whose (current) due date falls in the month, what was repaid on them, and what is overdue. Every township
 * given is listed, in the order given, with zeros where nothing fell due.
 */
export function monthlyCollection(
  loans: LoanFigureInput[],
  townships: { id: string; name: string }[],
  month: string,
  asOf: string = lastDayOfMonth(month),
): MonthlyCollection {
  const monthEnd = lastDayOfMonth(month);
  const cutoff = asOf < monthEnd ? asOf : monthEnd;
  const dueInMonth = loans.filter((l) => l.dueOn.slice(0, 7) === month);
  const figuresOf = (list: LoanFigureInput[]): CollectionFigures => {
    let dueFen = 0;
    let collectedFen = 0;
    let overdueCount = 0;
    let overdueFen = 0;
    for (const l of list) {
      dueFen += l.amountFen;
      const paid = Math.min(
        l.amountFen,
        l.repayments.filter((r) => r.on <= cutoff).reduce((s, r) => s + r.amountFen, 0),
      );
      collectedFen += paid;
      if (l.dueOn < asOf && paid < l.amountFen) {
        overdueCount += 1;
        overdueFen += l.amountFen - paid;
      }
    }
    return {
      dueCount: list.length,
      dueFen,
      collectedFen,
      overdueCount,
      overdueFen,
      rate: percentOf(collectedFen, dueFen),
    };
  };
  return {
    month,
    asOf,
    townships: townships.map((t) => ({
      townshipId: t.id,
      townshipName: t.name,
      ...figuresOf(dueInMonth.filter((l) => l.townshipId === t.id)),
    })),
    total: figuresOf(dueInMonth),
  };
}

/** New loans issued in `year` up to `asOf`: the figure the year's 新增贷款 target is measured by. */
export function newLoans(loans: LoanFigureInput[], year: number, asOf: string) {
  const issued = loans.filter((l) => l.issuedOn.slice(0, 4) === String(year) && l.issuedOn <= asOf);
  return {
    count: issued.length,
    households: new Set(issued.map((l) => `${l.villageId}|${l.household}`)).size,
    amountFen: issued.reduce((s, l) => s + l.amountFen, 0),
  };
}
