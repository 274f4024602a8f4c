import { buildCalendarData } from '../../../domain/calendar/build.js';
import type { OfficialNotice } from '../../../domain/calendar/index.js';

/** 2024–2026 from the chinese-days package (official), 2027 from the statutory fallback (provisional). */
export const calendar = buildCalendarData({ fromYear: 2024, toYear: 2027 });

/** Shanghai wall-clock time as an instant: sh('2025-10-09 09:00') → '2025-10-09T09:00:00+08:00'. */
export function sh(local: string): string {
  const [date, time = '00:00'] = local.split(' ');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** HYPOTHETICAL 2027 notice for tests only — not the real one, which is not published yet. */
export const notice2027: OfficialNotice = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  workdays: [
    { date: '2027-02-14', name: '春节调休' },
    { date: '2027-09-26', name: '国庆节调休' },
    { date: '2027-10-09', name: '国庆节调休' },
  ],
};
