import { monthOfDate, monthsEndingWith } from '../month.js';
import { localDate } from '../shanghai-time.js';
import { rate } from './summary.js';

/** One month of the trend, by Asia/Shanghai calendar month ('YYYY-MM'). */
export interface MonthCounts {
  month: string;
  /** Items 交办 in the month. */
  created: number;
  /** Items 办结 in the month. */
  done: number;
  /** Of those, on time against the original deadline. */
  onTime: number;
  /** Items whose working deadline fell in the month and were missed (closed late, or still open past it). */
  late: number;
}

export interface TrendPoint extends MonthCounts {
  onTimeRate: number | null;
}

/** The `n` months ending with the month of `now`, oldest first. */
export function monthsEnding(now: string, n: number): string[] {
  return monthsEndingWith(monthOfDate(localDate(now)), n);
}

/** Merges per-month partial counts into one point per month, zero-filled, in the given order. */
export function buildTrend(months: readonly string[], parts: readonly Partial<MonthCounts>[]): TrendPoint[] {
  const byMonth = new Map(months.map((month) => [month, { month, created: 0, done: 0, onTime: 0, late: 0 }]));
  for (const p of parts) {
    const row = p.month ? byMonth.get(p.month) : undefined;
    if (!row) continue;
    row.created += p.created ?? 0;
    row.done += p.done ?? 0;
    row.onTime += p.onTime ?? 0;
    row.late += p.late ?? 0;
  }
  return [...byMonth.values()].map((r) => ({ ...r, onTimeRate: rate(r.onTime, r.done) }));
}
