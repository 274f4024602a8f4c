/**
 * The county's loan-collection rules, as data. Reminders go out at the opening of the working day that is
 * `remindWorkdaysBefore` working days before the due date; an unpaid loan becomes overdue (and a supervision item
 * opens) at the opening of the first working day after it; the item gives `collectWorkdays` working days to collect.
 */
export interface LoanRules {
  remindWorkdaysBefore: number[];
  /** 签收 of the overdue item within this many working days. */
  signWorkdays: number;
  collectWorkdays: number;
  /** 展期: once per loan, to at most this many days after the current due date (小额信贷 policy: up to a year). */
  maxExtensionDays: number;
}

export const DEFAULT_LOAN_RULES: LoanRules = Object.freeze({
  remindWorkdaysBefore: [10, 3],
  signWorkdays: 1,
  collectWorkdays: 5,
  maxExtensionDays: 366,
}) as LoanRules;
