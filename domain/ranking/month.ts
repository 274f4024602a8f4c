/**
 * A ranking month is 'YYYY-MM' in Asia/Shanghai. Its outcomes are everything that happened from the first instant
 * of the month to (not including) the first instant of the next one, Shanghai time.
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

export function previousMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 1 ? formatMonth(year - 1, 12) : formatMonth(year, m - 1);
}

export function nextMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 12 ? formatMonth(year + 1, 1) : formatMonth(year, m + 1);
}

/** The month (Shanghai) an ISO date 'YYYY-MM-DD' falls in. */
export function monthOfDate(date: string): Month {
  return date.slice(0, 7);
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
