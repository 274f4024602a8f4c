import type { AccessScope } from '../../../domain/access.js';

export const pct = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(2)}%`);

/** Which units' rows a viewer sees: county-wide scopes (all, or a 分管 domain) every unit; leaders their subtree. */
export interface Visibility {
  countyWide: boolean;
  unit(unitId: string): boolean;
}

export function visibilityOf(scope: AccessScope): Visibility {
  const countyWide = scope.all || scope.domains.length > 0;
  return { countyWide, unit: (unitId) => countyWide || scope.unitIds.includes(unitId) };
}
