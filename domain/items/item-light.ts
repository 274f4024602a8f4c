import type { CalendarData } from '../calendar/index.js';
import { type Light, type LightResult, lightOf, plannedPercent } from '../lights.js';
import { emptyLights, type LightCounts } from './summary.js';

/** The ledger facts a light needs. */
export interface OpenItemFacts {
  ownerUnitId: string;
  createdAt: string;
  dueAt: string;
  progressPercent: number | null;
}

/**
 * The light of an open item: the deadline always counts; 序时进度 only once the assignee has reported progress
 * (no report is not "0 % done" — the deadline rule still catches an item nobody works on).
 */
export function itemLight(cal: CalendarData, item: Omit<OpenItemFacts, 'ownerUnitId'>, now: string): LightResult {
  const progress =
    item.progressPercent === null
      ? {}
      : { actualPercent: item.progressPercent, plannedPercent: plannedPercent(cal, item.createdAt, item.dueAt, now) };
  try {
    return lightOf(cal, { now, dueAt: item.dueAt, ...progress });
  } catch {
    // A deadline outside the calendar's years (a very old import): fall back to the plain overdue rule.
    const overdue = Date.parse(now) > Date.parse(item.dueAt);
    return { light: overdue ? 'red' : 'green', reasons: overdue ? ['已逾期'] : [], workdaysLeft: 0 };
  }
}

/** Light counts per owner unit over open items. */
export function lightsByUnit(
  cal: CalendarData,
  items: readonly OpenItemFacts[],
  now: string,
): Map<string, LightCounts> {
  const out = new Map<string, LightCounts>();
  for (const item of items) {
    const light: Light = itemLight(cal, item, now).light;
    const counts = out.get(item.ownerUnitId) ?? emptyLights();
    counts[light] += 1;
    out.set(item.ownerUnitId, counts);
  }
  return out;
}
