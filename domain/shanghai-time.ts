/**
 * Asia/Shanghai has a fixed +08:00 offset and no DST, so local dates are plain arithmetic.
 * Instants are ISO-8601 strings; dates are 'YYYY-MM-DD'.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localDate(instant: string | number): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Strict 'YYYY-MM-DD' check that also rejects impossible days such as 2025-02-30. */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** The instant a date's working day closes (18:00 local): deadlines given as dates mean this. */
export function endOfDay(date: string): string {
  return `${date}T18:00:00+08:00`;
}

export function toShanghaiIso(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
