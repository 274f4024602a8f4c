/**
 * Date and time primitives for Asia/Shanghai, the only zone the calendar knows.
 *
 * - A calendar date is a 'YYYY-MM-DD' string (`IsoDate`).
 * - An instant is an ISO-8601 string with an explicit offset (`Instant`), as elsewhere in domain/. Inputs may use
 *   any offset ('Z', '+08:00', ...); outputs are always written in +08:00, e.g. '2025-10-09T18:00:00+08:00'.
 *
 * China has kept UTC+8 without daylight saving since 1991, so local time is fixed-offset arithmetic: no time-zone
 * database, no host time zone, no clock reads. Everything here is deterministic and safe inside workflows.
 */
export type IsoDate = string;
export type Instant = string;

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
const OFFSET_MS = 8 * 60 * MINUTE_MS;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// The offset is mandatory: a bare local time would be read in the host's zone, which differs between machines.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Code-unit order for ASCII keys such as dates and 'HH:MM': unlike localeCompare it never depends on ICU. */
export function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days since 1970-01-01 for a valid date, or undefined (rejects impossible days such as 2025-02-30). */
function epochDayOrUndefined(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  return fromEpochDay(day) === date ? day : undefined;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && epochDayOrUndefined(value) !== undefined;
}

export function toEpochDay(date: IsoDate): number {
  const day = epochDayOrUndefined(date);
  if (day === undefined) throw new RangeError(`Invalid date "${date}": expected a real date written YYYY-MM-DD`);
  return day;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const wd = weekdayOfEpochDay(toEpochDay(date));
  return wd === 0 || wd === 6;
}

/** Parses an instant to epoch milliseconds; throws on a missing offset or a malformed string. */
export function toMillis(instant: Instant): number {
  const ms = INSTANT_RE.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(
      `Invalid instant "${instant}": expected ISO-8601 with an offset, e.g. 2025-10-09T09:00:00+08:00`,
    );
  }
  return ms;
}

/** Formats epoch milliseconds as Shanghai local time with '+08:00' (milliseconds only when non-zero). */
export function fromMillis(ms: number): Instant {
  const local = new Date(ms + OFFSET_MS).toISOString();
  const seconds = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
  return `${seconds}+08:00`;
}

/** The Shanghai calendar date an instant falls on. */
export function localDate(instant: Instant): IsoDate {
  return localDateOfMillis(toMillis(instant));
}

export function localDateOfMillis(ms: number): IsoDate {
  return fromEpochDay(Math.floor((ms + OFFSET_MS) / DAY_MS));
}

/** Minutes since 00:00 for 'HH:MM' (00:00–23:59). */
export function parseHhmm(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  if (!m) throw new RangeError(`Invalid time of day "${hhmm}": expected HH:MM between 00:00 and 23:59`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Epoch milliseconds of a Shanghai date at a number of minutes after local midnight. */
export function millisAt(date: IsoDate, minuteOfDay: number): number {
  return toEpochDay(date) * DAY_MS + minuteOfDay * MINUTE_MS - OFFSET_MS;
}

/** The instant of a Shanghai date at 'HH:MM'. */
export function atLocalTime(date: IsoDate, hhmm: string): Instant {
  return fromMillis(millisAt(date, parseHhmm(hhmm)));
}
