import {
  addDays,
  addWorkdays,
  type CalendarData,
  endOfWorkday,
  type IsoDate,
  isWorkday,
  localDate,
  onOrNextWorkday,
  toEpochDay,
  weekdayOfEpochDay,
} from '../calendar/index.js';
import { lastDayOfMonth, monthLabel, monthOfDate } from '../month.js';
import type { CadenceDefinition } from './definitions.js';

/** One period of a cadence: the week, half month or month a report covers, and the working day it is due. */
export interface CadencePeriod {
  /** '2026-W08', '2025-10-A' (1st–15th) / '2025-10-B' (16th–end), '2025-10'. */
  key: string;
  /** Chinese, for titles: '2026年第8周（2月16日—2月22日）', '2025年10月上半月', '2025年10月'. */
  label: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** The working day the report is due by. */
  dueDate: IsoDate;
}

/** The period of `def` that contains `date` (Asia/Shanghai). */
export function periodOf(def: CadenceDefinition, date: IsoDate, cal: CalendarData): CadencePeriod {
  switch (def.frequency) {
    case 'weekly':
      return weekPeriod(date, cal);
    case 'half_monthly': {
      const firstHalf = Number(date.slice(8, 10)) <= 15;
      const month = monthOfDate(date);
      const [first = 5, second = 20] = def.dueDays ?? [];
      return {
        key: `${month}-${firstHalf ? 'A' : 'B'}`,
        label: `${monthLabel(month)}${firstHalf ? '上半月' : '下半月'}`,
        startDate: firstHalf ? `${month}-01` : `${month}-16`,
        endDate: firstHalf ? `${month}-15` : lastDayOfMonth(month),
        dueDate: dueByDay(cal, month, firstHalf ? first : second),
      };
    }
    case 'monthly': {
      const month = monthOfDate(date);
      return {
        key: month,
        label: monthLabel(month),
        startDate: `${month}-01`,
        endDate: lastDayOfMonth(month),
        dueDate: dueByDay(cal, month, def.dueDays?.[0] ?? 5),
      };
    }
  }
}

/**
 * "By the 5th": the 5th when it is a working day, else the next working day (5 October 2025 falls in 国庆, so the
 * report is due Thursday 9 October; make-up Saturdays count as working days).
 */
function dueByDay(cal: CalendarData, month: string, day: number): IsoDate {
  return onOrNextWorkday(cal, `${month}-${String(day).padStart(2, '0')}`);
}

/**
 * ISO week (Monday–Sunday). The weekly report is due on the week's last working day — Friday as a rule, a 调休
 * Saturday when there is one (14 February 2026), earlier when the week ends in a holiday. A week with no working
 * day at all (春节 2026, 16–22 February) still owes its report: it is due on the first working day after it.
 */
function weekPeriod(date: IsoDate, cal: CalendarData): CadencePeriod {
  const day = toEpochDay(date);
  const monday = addDays(date, -((weekdayOfEpochDay(day) + 6) % 7));
  const sunday = addDays(monday, 6);
  let due: IsoDate | undefined;
  for (let d = sunday; d >= monday && !due; d = addDays(d, -1)) if (isWorkday(cal, d)) due = d;
  const { year, week } = isoWeek(monday);
  return {
    key: `${year}-W${String(week).padStart(2, '0')}`,
    label: `${year}年第${week}周（${shortDate(monday)}—${shortDate(sunday)}）`,
    startDate: monday,
    endDate: sunday,
    dueDate: due ?? onOrNextWorkday(cal, addDays(sunday, 1)),
  };
}

/** ISO-8601 week number: the week belongs to the year of its Thursday. */
export function isoWeek(monday: IsoDate): { year: number; week: number } {
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((toEpochDay(thursday) - toEpochDay(`${year}-01-01`)) / 7) + 1;
  return { year, week };
}

export interface CadenceDeadlines {
  signBy: string;
  dueAt: string;
}

/**
 * Both clocks of a period's item. Due at the close of the due day. 签收 within one working day of creation, but
 * never after the deadline. A period opened late (a schedule caught up after an outage) whose due day has already
 * passed gets one working day, so no item is born overdue.
 */
export function cadenceDeadlines(cal: CalendarData, period: CadencePeriod, createdAt: string): CadenceDeadlines {
  let dueAt = endOfWorkday(cal, period.dueDate);
  if (Date.parse(dueAt) <= Date.parse(createdAt)) dueAt = addWorkdays(cal, createdAt, 1);
  const signBy = addWorkdays(cal, createdAt, 1);
  return { signBy: Date.parse(signBy) > Date.parse(dueAt) ? dueAt : signBy, dueAt };
}

/** Deterministic per cadence, period and unit: a re-run of the same period creates nothing twice. */
export function cadenceItemId(cadenceId: string, periodKey: string, unitId: string): string {
  return `CD-${cadenceId}-${periodKey}-${unitId}`;
}

/** The batch id the items of one period share (ItemSpec.campaignId): the issuer is not sent a card per unit. */
export function cadenceBatchId(cadenceId: string, periodKey: string): string {
  return `CD-${cadenceId}-${periodKey}`;
}

/** The period a run at `instant` opens. */
export function periodAt(def: CadenceDefinition, instant: string, cal: CalendarData): CadencePeriod {
  return periodOf(def, localDate(instant), cal);
}

function shortDate(date: IsoDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
