/**
 * Calendar months as 'YYYY-MM' (Asia/Shanghai, like every date in domain/). The one place month arithmetic lives:
 * ranking months, loan collection months, project report periods, cadence periods and the dashboard trend use it.
 */
export type Month = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class MonthError extends Error {}

export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** Throws a MonthError with a Chinese message that callers may show as is. */
export function parseMonth(value: string): { year: number; month: number } {
  const m = MONTH_RE.exec(value.trim());
  if (!m) throw new MonthError(`月份格式不正确：“${value}”，应为 YYYY-MM，例如 2024-06`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function formatMonth(year: number, month: number): Month {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/**
 * `n` months after (before, when negative) `month`. Unchecked on purpose: callers pass months they computed, and
 * workflow code (project schedules) relies on it never throwing.
 */
export function addMonths(month: Month, n: number): Month {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function previousMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 1 ? formatMonth(year - 1, 12) : formatMonth(year, m - 1);
}

export function nextMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 12 ? formatMonth(year + 1, 1) : formatMonth(year, m + 1);
}

/** The month an ISO date 'YYYY-MM-DD' falls in. */
export function monthOfDate(date: string): Month {
  return date.slice(0, 7);
}

/** 28–31. Unchecked like addMonths: Date.UTC(year, month, 0) is the last day of `month` (1-based). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' of the month's last day. */
export function lastDayOfMonth(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** The `n` months ending with `month`, oldest first. */
export function monthsEndingWith(month: Month, n: number): Month[] {
  const out: Month[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(addMonths(month, -i));
  return out;
}

/** [start, end) of the month as instants with the +08:00 offset. */
export function monthBounds(month: Month): { start: string; end: string } {
  parseMonth(month);
  return { start: `${month}-01T00:00:00+08:00`, end: `${nextMonth(month)}-01T00:00:00+08:00` };
}

export function inMonth(instant: string, month: Month): boolean {
  const { start, end } = monthBounds(month);
  const t = Date.parse(instant);
  return t >= Date.parse(start) && t < Date.parse(end);
}

/** '2024年6月' */
export function monthLabel(month: Month): string {
  const { year, month: m } = parseMonth(month);
  return `${year}年${m}月`;
}
