import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  addWorkingHours,
  compareAscii,
  fromMillis,
  isWorkday,
  isWorkingTime,
  localDate,
  nextWorkdayAt,
  nthWorkdayOfMonth,
  shiftWorkdays,
  toMillis,
  workdaysBetween,
} from '../../../domain/calendar/index.js';
import { calendar as cal } from './fixtures.js';

/** mulberry32: a seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20261129);
const FROM = toMillis('2024-01-01T00:00:00+08:00');
const TO = toMillis('2027-09-30T00:00:00+08:00'); // leaves room for +60 working days inside 2027
/** Random instants over 2024 – Sep 2027, at minute precision. */
const instants = Array.from({ length: 400 }, () =>
  fromMillis(FROM + Math.floor((rand() * (TO - FROM)) / 60_000) * 60_000),
);
const ns = [1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60];

describe('addWorkdays / workdaysBetween properties over 2024–2027', () => {
  it('lands at closing time on a working day, and workdaysBetween gives n back', () => {
    const failures: string[] = [];
    for (const t of instants) {
      for (const n of ns) {
        const due = addWorkdays(cal, t, n);
        const ok =
          due.endsWith('T18:00:00+08:00') && isWorkday(cal, localDate(due)) && workdaysBetween(cal, t, due) === n;
        if (!ok) failures.push(`${t} + ${n} = ${due}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('is strictly increasing in n', () => {
    for (const t of instants.slice(0, 100)) {
      const dues = ns.map((n) => toMillis(addWorkdays(cal, t, n)));
      expect(dues.every((d, i) => i === 0 || d > dues[i - 1]!)).toBe(true);
    }
  });

  it('counting back from a working day mirrors counting forward', () => {
    for (const t of instants.filter((i) => isWorkday(cal, localDate(i)) && i >= '2024-04')) {
      for (const n of [1, 2, 5, 10]) {
        const earlier = addWorkdays(cal, t, -n);
        expect(isWorkday(cal, localDate(earlier))).toBe(true);
        expect(workdaysBetween(cal, t, earlier)).toBe(-n);
        expect(shiftWorkdays(cal, localDate(earlier), n)).toBe(localDate(t));
      }
    }
  });

  it('workdaysBetween is additive and matches a day-by-day count', () => {
    for (let i = 0; i + 2 < 90; i += 3) {
      const [a, b, c] = [instants[i]!, instants[i + 1]!, instants[i + 2]!];
      expect(workdaysBetween(cal, a, b) + workdaysBetween(cal, b, c)).toBe(workdaysBetween(cal, a, c));
      const [lo, hi] = [localDate(a), localDate(b)].sort(compareAscii);
      let count = 0;
      for (let d = addDays(lo!, 1); d <= hi!; d = addDays(d, 1)) if (isWorkday(cal, d)) count++;
      expect(Math.abs(workdaysBetween(cal, a, b))).toBe(count);
    }
  });
});

describe('working-hour properties', () => {
  it('addWorkingHours is additive and ends inside working time or at a window end', () => {
    for (const t of instants.slice(0, 150)) {
      const [a, b] = [Math.ceil(rand() * 40) / 2, Math.ceil(rand() * 40) / 2];
      const end = addWorkingHours(cal, t, a + b);
      expect(addWorkingHours(cal, addWorkingHours(cal, t, a), b), `${t} + ${a} + ${b}`).toBe(end);
      const justBefore = fromMillis(toMillis(end) - 1000);
      expect(isWorkingTime(cal, justBefore), `${t} + ${a + b}h = ${end}`).toBe(true);
    }
  });

  it('nextWorkdayAt finds the first working-day 09:00 at or after the instant', () => {
    for (const t of instants) {
      const next = nextWorkdayAt(cal, t, '09:00');
      const date = localDate(next);
      expect(isWorkday(cal, date) && next.endsWith('T09:00:00+08:00') && next >= fromMillis(toMillis(t))).toBe(true);
      const previous = `${shiftWorkdays(cal, date, -1)}T09:00:00+08:00`;
      expect(toMillis(previous) < toMillis(t)).toBe(true);
    }
  });
});

describe('nthWorkdayOfMonth over every month of 2024–2027', () => {
  it('first and last working days are working days of that month, with none before/after', () => {
    for (let year = 2024; year <= 2027; year++) {
      for (let month = 1; month <= 12; month++) {
        const first = nthWorkdayOfMonth(cal, year, month, 1);
        const prefix = `${year}-${String(month).padStart(2, '0')}`;
        expect(first.startsWith(prefix) && isWorkday(cal, first)).toBe(true);
        for (let d = `${prefix}-01`; d < first; d = addDays(d, 1)) expect(isWorkday(cal, d)).toBe(false);
        const last = nthWorkdayOfMonth(cal, year, month, -1);
        expect(last.startsWith(prefix) && isWorkday(cal, last) && last >= first).toBe(true);
      }
    }
  });
});
