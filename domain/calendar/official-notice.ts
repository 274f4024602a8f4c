import type { NamedDate, YearArrangement } from './calendar-data.js';
import { addDays, type IsoDate, isIsoDate, isWeekend } from './time.js';

/**
 * The State Council's yearly notice on holiday arrangements (国务院办公厅关于YYYY年部分节假日安排的通知), as a
 * county operator types it in once it is published, e.g.
 *   { "year": 2027, "holidays": [{ "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" }],
 *     "workdays": [{ "date": "2027-10-09", "name": "国庆节调休" }] }
 * Once loaded, the notice replaces both the data package and the provisional fallback for its year.
 *
 * Error messages are in Chinese because the people who fix the file are county operators.
 */
export interface OfficialNotice {
  year: number;
  holidays: NoticeHoliday[];
  /** 调休 make-up working days; always weekend days. */
  workdays: NamedDate[];
  /** Optional citation, e.g. the notice's title or document number. */
  source?: string;
}

export interface NoticeHoliday {
  name: string;
  from: IsoDate;
  to: IsoDate;
}

export type NoticeParseResult = { ok: true; notice: OfficialNotice } | { ok: false; errors: string[] };

export class OfficialNoticeError extends Error {
  override name = 'OfficialNoticeError';
  constructor(readonly errors: string[]) {
    super(`放假通知有误：\n${errors.join('\n')}`);
  }
}

const KEYS = ['year', 'holidays', 'workdays', 'source'];

/**
 * Validates a notice given as a JSON string or an already-parsed value. Returns every problem found, so the
 * operator can fix the file in one pass. Refuses malformed dates, dates outside the notice's year, a holiday range
 * ending before it starts, overlapping holidays, duplicate make-up days, make-up days on weekdays, and a date
 * that is both a holiday and a make-up working day.
 *
 * Note: notices have occasionally put 元旦 partly in the previous December (the 2023 notice began on 2022-12-31);
 * such a notice is refused here and the spill-over day must be entered as a county rest day instead.
 */
export function parseOfficialNotice(input: unknown): NoticeParseResult {
  const errors: string[] = [];
  const raw = typeof input === 'string' ? parseJson(input, errors) : input;
  if (errors.length > 0) return { ok: false, errors };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['通知应为一个 JSON 对象，包含 year、holidays、workdays 三个字段'] };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key)) errors.push(`未知字段 "${key}"（可用字段：${KEYS.join('、')}）`);
  }
  const year = readYear(record.year, errors);
  const holidays = readList(record.holidays, 'holidays', errors).map((h, i) => readHoliday(h, i, year, errors));
  const workdays = readList(record.workdays, 'workdays', errors).map((w, i) => readWorkday(w, i, year, errors));
  if (record.source !== undefined && typeof record.source !== 'string')
    errors.push('source 应为文字（通知标题或文号）');
  if (errors.length === 0) checkOverlaps(holidays as NoticeHoliday[], workdays as NamedDate[], errors);
  if (errors.length > 0) return { ok: false, errors };
  const notice: OfficialNotice = {
    year: year!,
    holidays: holidays as NoticeHoliday[],
    workdays: workdays as NamedDate[],
  };
  if (typeof record.source === 'string') notice.source = record.source;
  return { ok: true, notice };
}

/** Like parseOfficialNotice, but throws an OfficialNoticeError listing every problem. */
export function officialNoticeOrThrow(input: unknown): OfficialNotice {
  const result = parseOfficialNotice(input);
  if (!result.ok) throw new OfficialNoticeError(result.errors);
  return result.notice;
}

/** The notice as one NamedDate per holiday day (ranges expanded) and per make-up working day. */
export function noticeArrangement(notice: OfficialNotice): YearArrangement {
  const holidays: NamedDate[] = [];
  for (const { name, from, to } of notice.holidays) {
    for (let date = from; date <= to; date = addDays(date, 1)) holidays.push({ date, name });
  }
  return { holidays, workdays: notice.workdays.map(({ date, name }) => ({ date, name })) };
}

function parseJson(text: string, errors: string[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push(`通知不是有效的 JSON：${(e as Error).message}`);
    return undefined;
  }
}

function readYear(value: unknown, errors: string[]): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= 2100) return value;
  errors.push(`year 应为 2000–2100 之间的整数年份，实际为 ${JSON.stringify(value)}`);
  return undefined;
}

function readList(value: unknown, key: string, errors: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  errors.push(`${key} 应为数组${key === 'workdays' ? '（没有调休上班日时写 []）' : ''}`);
  return [];
}

function readName(item: Record<string, unknown>, label: string, errors: string[]): string {
  if (typeof item.name === 'string' && item.name.trim() !== '') return item.name.trim();
  errors.push(`${label}：name（节日名称）不能为空`);
  return '';
}

function readDate(value: unknown, field: string, label: string, year: number | undefined, errors: string[]): IsoDate {
  if (!isIsoDate(value)) {
    errors.push(`${label}：${field} ${JSON.stringify(value)} 不是有效日期，应写作 YYYY-MM-DD，如 2027-10-01`);
    return '';
  }
  if (year !== undefined && value.slice(0, 4) !== String(year))
    errors.push(`${label}：日期 ${value} 不在 ${year} 年内`);
  return value;
}

function asRecord(item: unknown, label: string, errors: string[]): Record<string, unknown> | undefined {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) return item as Record<string, unknown>;
  errors.push(`${label} 应为对象`);
  return undefined;
}

function readHoliday(item: unknown, i: number, year: number | undefined, errors: string[]): NoticeHoliday | undefined {
  const record = asRecord(item, `放假安排第 ${i + 1} 项`, errors);
  if (!record) return undefined;
  const name = readName(record, `放假安排第 ${i + 1} 项`, errors);
  const label = `放假安排第 ${i + 1} 项（${name || '未命名'}）`;
  const from = readDate(record.from, 'from', label, year, errors);
  const to = readDate(record.to, 'to', label, year, errors);
  if (from && to && from > to) errors.push(`${label}：开始日期 ${from} 晚于结束日期 ${to}`);
  return { name, from, to };
}

function readWorkday(item: unknown, i: number, year: number | undefined, errors: string[]): NamedDate | undefined {
  const record = asRecord(item, `调休上班第 ${i + 1} 项`, errors);
  if (!record) return undefined;
  const name = readName(record, `调休上班第 ${i + 1} 项`, errors);
  const date = readDate(record.date, 'date', `调休上班第 ${i + 1} 项（${name || '未命名'}）`, year, errors);
  if (date && !isWeekend(date)) errors.push(`调休上班第 ${i + 1} 项：${date} 不是周末，调休上班日应为周六或周日`);
  return { date, name };
}

function checkOverlaps(holidays: NoticeHoliday[], workdays: NamedDate[], errors: string[]): void {
  const holidayOf = new Map<IsoDate, string>();
  for (const { date, name } of noticeArrangement({ year: 0, holidays, workdays: [] }).holidays) {
    const other = holidayOf.get(date);
    if (other !== undefined) errors.push(`放假安排重叠：${date} 同时属于「${other}」和「${name}」`);
    holidayOf.set(date, name);
  }
  const seen = new Set<IsoDate>();
  for (const { date, name } of workdays) {
    const holiday = holidayOf.get(date);
    if (holiday !== undefined) errors.push(`${date} 既是放假日（${holiday}）又是调休上班日（${name}）`);
    if (seen.has(date)) errors.push(`调休上班日 ${date} 重复出现`);
    seen.add(date);
  }
}
