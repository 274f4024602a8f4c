import { addDays, type CalendarData, localDate, workdaysBetween } from '../calendar/index.js';
import { lastDayOfMonth } from '../month.js';
import { endOfDay } from '../shanghai-time.js';
import type { Project } from './types.js';

/** The instant a reported period ('YYYY-MM') ends: the close of its last day. Reports are judged as of then. */
export function periodEnd(period: string): string {
  return endOfDay(lastDayOfMonth(period));
}

/**
 * 序时进度: where the plan says the project should be at `asOf`, 0–100, by working days. Work starts on the planned
 * start day (it counts) and ends on the planned finish day; milestones, when given, bend the line: between two
 * points progress grows evenly per working day. Rounded to whole points, as lights.ts's plannedPercent.
 */
export function plannedProgress(cal: CalendarData, project: Project, asOf: string): number {
  const date = localDate(asOf);
  if (date < project.plannedStart) return 0;
  if (date >= project.plannedFinish) return 100;
  const points = [
    { date: addDays(project.plannedStart, -1), percent: 0 },
    ...[...project.milestones].sort((a, b) => (a.date < b.date ? -1 : 1)),
    { date: project.plannedFinish, percent: 100 },
  ];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (date >= b.date) continue;
    const span = workdaysBetween(cal, endOfDay(a.date), endOfDay(b.date));
    const done = workdaysBetween(cal, endOfDay(a.date), asOf);
    const share = span <= 0 ? 1 : Math.max(0, Math.min(1, done / span));
    return Math.round(a.percent + (b.percent - a.percent) * share);
  }
  return 100;
}
