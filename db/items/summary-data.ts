import type { Kysely } from 'kysely';
import type { CalendarData } from '../../domain/calendar/index.js';
import { lightsByUnit } from '../../domain/items/item-light.js';
import { type Summary, summarize } from '../../domain/items/summary.js';
import { buildTrend, monthsEnding, type TrendPoint } from '../../domain/items/trend.js';
import { monthBounds } from '../../domain/month.js';
import { type AccessScope, isPersonalScope, type OrgUnit, subtreeIds } from '../../domain/org/access.js';
import type { Database } from '../schema.js';
import { countsByUnit, monthlyCounts, openItemFacts } from './dashboard.js';

export const TREND_MONTHS = 12;

/**
 * The numbers of one level of the tree (the county's townships and departments, or a township's villages) as the
 * viewer may see them. Shared by the dashboard pages and the chat's 进度 command.
 */
export async function loadSummary(
  db: Kysely<Database>,
  scope: AccessScope,
  units: readonly OrgUnit[],
  parentId: string,
  now: string,
  cal: CalendarData,
): Promise<Summary> {
  const within = subtreeIds(units, [parentId]);
  const [counts, open] = await Promise.all([countsByUnit(db, scope, now, within), openItemFacts(db, scope, within)]);
  const keepEmpty = (unitId: string) =>
    !isPersonalScope(scope) && (scope.all || scope.domains.length > 0 || scope.unitIds.includes(unitId));
  return summarize(units, parentId, counts, lightsByUnit(cal, open, now), keepEmpty);
}

export async function loadTrend(
  db: Kysely<Database>,
  scope: AccessScope,
  units: readonly OrgUnit[],
  parentId: string,
  now: string,
): Promise<TrendPoint[]> {
  const months = monthsEnding(now, TREND_MONTHS);
  const from = monthBounds(months[0]!).start;
  const parts = await monthlyCounts(db, scope, from, now, subtreeIds(units, [parentId]));
  return buildTrend(months, parts);
}

/** The county unit (root of the tree). */
export function rootUnit(units: readonly OrgUnit[]): OrgUnit | undefined {
  return units.find((u) => u.parentId === null);
}
