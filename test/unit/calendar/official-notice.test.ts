import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  noticeArrangement,
  OfficialNoticeError,
  officialNoticeOrThrow,
  parseOfficialNotice,
} from '../../../domain/calendar/index.js';

const sample2026 = readFileSync(new URL('../../../domain/calendar/notices/2026.json', import.meta.url), 'utf8');

const valid = {
  year: 2027,
  holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-07' }],
  workdays: [{ date: '2027-10-09', name: '国庆节调休' }],
};

function errorsOf(input: unknown): string[] {
  const result = parseOfficialNotice(input);
  if (result.ok) throw new Error('expected the notice to be refused');
  return result.errors;
}

describe('parseOfficialNotice', () => {
  it('accepts the 2026 sample file (JSON text) and expands it', () => {
    const notice = officialNoticeOrThrow(sample2026);
    expect(notice.year).toBe(2026);
    expect(notice.source).toContain('2026');
    const { holidays, workdays } = noticeArrangement(notice);
    expect(holidays).toHaveLength(33);
    expect(holidays).toContainEqual({ date: '2026-02-23', name: '春节' });
    expect(workdays.map((w) => w.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('accepts a parsed object and trims names', () => {
    const result = parseOfficialNotice({
      ...valid,
      holidays: [{ name: ' 国庆节 ', from: '2027-10-01', to: '2027-10-07' }],
    });
    expect(result).toEqual({ ok: true, notice: valid });
  });

  it('refuses malformed and impossible dates', () => {
    const errors = errorsOf({
      ...valid,
      holidays: [{ name: '国庆节', from: '2027-10-1', to: '2027-02-30' }],
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('"2027-10-1" 不是有效日期，应写作 YYYY-MM-DD');
    expect(errors[1]).toContain('"2027-02-30"');
  });

  it('refuses dates outside the year and reversed ranges', () => {
    expect(errorsOf({ ...valid, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] })).toEqual([
      '放假安排第 1 项（元旦）：日期 2026-12-31 不在 2027 年内',
    ]);
    expect(errorsOf({ ...valid, holidays: [{ name: '国庆节', from: '2027-10-07', to: '2027-10-01' }] })).toEqual([
      '放假安排第 1 项（国庆节）：开始日期 2027-10-07 晚于结束日期 2027-10-01',
    ]);
  });

  it('refuses overlaps between holidays, and between a holiday and a make-up day', () => {
    const overlapping = errorsOf({
      ...valid,
      holidays: [...valid.holidays, { name: '中秋节', from: '2027-10-07', to: '2027-10-08' }],
    });
    expect(overlapping).toEqual(['放假安排重叠：2027-10-07 同时属于「国庆节」和「中秋节」']);
    const both = errorsOf({ ...valid, workdays: [{ date: '2027-10-02', name: '国庆节调休' }] });
    expect(both).toEqual(['2027-10-02 既是放假日（国庆节）又是调休上班日（国庆节调休）']);
  });

  it('refuses make-up days on weekdays and duplicates', () => {
    expect(errorsOf({ ...valid, workdays: [{ date: '2027-10-08', name: '国庆节调休' }] })).toEqual([
      '调休上班第 1 项：2027-10-08 不是周末，调休上班日应为周六或周日',
    ]);
    expect(errorsOf({ ...valid, workdays: [valid.workdays[0], valid.workdays[0]] })).toEqual([
      '调休上班日 2027-10-09 重复出现',
    ]);
  });

  it('refuses wrong shapes with every problem listed', () => {
    expect(errorsOf('{"year": 2027,')[0]).toMatch(/^通知不是有效的 JSON/);
    expect(errorsOf([])).toEqual(['通知应为一个 JSON 对象，包含 year、holidays、workdays 三个字段']);
    const errors = errorsOf({ year: '2027', holidays: [{ from: '2027-10-01', to: '2027-10-03' }], workday: [] });
    expect(errors).toEqual([
      '未知字段 "workday"（可用字段：year、holidays、workdays、source）',
      'year 应为 2000–2100 之间的整数年份，实际为 "2027"',
      '放假安排第 1 项：name（节日名称）不能为空',
      'workdays 应为数组（没有调休上班日时写 []）',
    ]);
  });

  it('officialNoticeOrThrow throws an error carrying the list', () => {
    try {
      officialNoticeOrThrow({ ...valid, year: 1999 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OfficialNoticeError);
      expect((e as OfficialNoticeError).errors).toHaveLength(1);
      expect((e as Error).message).toContain('放假通知有误');
    }
  });
});
