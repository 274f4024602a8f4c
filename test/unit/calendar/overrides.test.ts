import { describe, expect, it } from 'vitest';
import { buildCalendarData, type CountyOverride } from '../../../domain/calendar/build.js';
import { chineseDaysSource } from '../../../domain/calendar/chinese-days-source.js';
import { addWorkdays, dayInfo, isWorkday, noticeArrangement } from '../../../domain/calendar/index.js';
import { calendar as cal, notice2027, sh } from './fixtures.js';

describe('county overrides', () => {
  const overrides: CountyOverride[] = [
    { date: '2025-11-12', kind: 'rest', reason: '县庆放假' },
    { date: '2025-11-15', kind: 'work', reason: '集中攻坚' },
    { from: '2025-07-01', to: '2025-07-31', kind: 'emergency', reason: '防汛应急响应' },
    { date: '2025-07-15', kind: 'rest', reason: '防汛轮休' },
    { from: '2025-10-01', to: '2025-10-03', kind: 'emergency', reason: '森林防火' },
    { date: '2030-01-01', kind: 'rest', reason: '超出范围' },
  ];
  const data = buildCalendarData({ fromYear: 2025, toYear: 2025, countyOverrides: overrides });

  it('a county rest day and a county working Saturday', () => {
    expect(dayInfo(data, '2025-11-12')).toMatchObject({ workday: false, name: '县庆放假', origin: 'county' });
    expect(dayInfo(data, '2025-11-15')).toMatchObject({ workday: true, name: '集中攻坚', origin: 'county' });
    expect(addWorkdays(data, sh('2025-11-11 10:00'), 1)).toBe(sh('2025-11-13 18:00'));
    expect(addWorkdays(data, sh('2025-11-14 10:00'), 1)).toBe(sh('2025-11-15 18:00'));
  });

  it('an emergency period makes weekends and holidays working days; a later override still wins', () => {
    expect(dayInfo(data, '2025-07-05')).toMatchObject({ workday: true, emergency: true, name: '防汛应急响应' });
    expect(dayInfo(data, '2025-07-15')).toMatchObject({ workday: false, emergency: false, name: '防汛轮休' });
    expect(isWorkday(data, '2025-10-02')).toBe(true);
    expect(isWorkday(data, '2025-10-04')).toBe(false);
    expect(addWorkdays(data, sh('2025-07-04 10:00'), 2)).toBe(sh('2025-07-06 18:00'));
  });

  it('ignores dates outside the built years and refuses malformed overrides', () => {
    expect(Object.keys(data.days).some((d) => d.startsWith('2030'))).toBe(false);
    const build = (o: CountyOverride) => buildCalendarData({ fromYear: 2025, toYear: 2025, countyOverrides: [o] });
    expect(() => build({ date: '2025-11-31', kind: 'rest', reason: 'x' })).toThrow(/YYYY-MM-DD/);
    expect(() => build({ from: '2025-11-20', to: '2025-11-10', kind: 'rest', reason: 'x' })).toThrow(/开始/);
    expect(() => build({ date: '2025-11-10', kind: 'rest', reason: ' ' })).toThrow(/reason/);
    expect(() => build({ date: '2025-11-10', kind: 'holiday' as 'rest', reason: 'x' })).toThrow(/kind/);
  });
});

describe('determinism', () => {
  it('is plain JSON with a content version', () => {
    const again = buildCalendarData({ fromYear: 2024, toYear: 2027 });
    expect(again).toEqual(cal);
    expect(JSON.parse(JSON.stringify(cal))).toEqual(cal);
    expect(cal.version).toMatch(/^cal1-[0-9a-f]{16}$/);
    const withOverride = buildCalendarData({
      fromYear: 2024,
      toYear: 2027,
      countyOverrides: [{ date: '2025-11-12', kind: 'rest', reason: '县庆放假' }],
    });
    expect(withOverride.version).not.toBe(cal.version);
  });

  it('a package upgrade changes new data but not data already handed to a workflow', () => {
    const upgraded = {
      ...chineseDaysSource,
      officialArrangement: (y: number) =>
        y === 2027 ? noticeArrangement(notice2027) : chineseDaysSource.officialArrangement(y),
    };
    const newer = buildCalendarData({ fromYear: 2024, toYear: 2027 }, upgraded);
    expect(newer.years['2027']).toEqual({ source: 'official', basis: 'package' });
    expect(newer.version).not.toBe(cal.version);
    expect(isWorkday(cal, '2027-02-09')).toBe(true);
    expect(isWorkday(newer, '2027-02-09')).toBe(false);
  });

  it('refuses a bad year range', () => {
    expect(() => buildCalendarData({ fromYear: 2027, toYear: 2024 })).toThrow(RangeError);
  });
});
