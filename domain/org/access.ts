/**
 * Who may see what on the dashboard and in chat summaries. Pure: the caller loads the viewer's posts, their 分管
 * domains and the unit tree, and asks here.
 *
 * - 县委书记 (secretary) and 督查室 / the leading group's office (supervisor) see everything.
 * - A 分管县领导 (county_leader) sees the items of their domains, in every unit.
 * - A unit's leader or deputy sees their unit and everything under it: a township's 书记 and 镇长 see the township
 *   and its villages, a 局长 their department, a village 书记 their village. A leader of the county unit sees all.
 * - Everybody sees the items they are the 责任人, 审核人 or 交办人 of.
 */

import type { OrgRole, OrgTreeUnit } from './types.js';

export type { OrgRole, OrgUnitKind } from './types.js';
/** Access needs only a unit's place in the tree (types.ts OrgTreeUnit); a snapshot's OrgUnit fits as well. */
export type OrgUnit = OrgTreeUnit;

export interface ViewerFacts {
  personId: string;
  posts: { unitId: string; role: OrgRole }[];
  /** 分管 domains from leader_domains. */
  domains: string[];
}

export interface AccessScope {
  personId: string;
  /** Sees every item and unit. */
  all: boolean;
  /** 分管 domains whose items are visible in every unit. */
  domains: string[];
  /** Units whose items are visible, descendants already included. */
  unitIds: string[];
}

/** The item facts access depends on (ledger columns). */
export interface ItemAccessFacts {
  domain: string;
  ownerUnitId: string;
  assigneeId: string;
  reviewerId: string;
  issuerId: string;
}

const SEE_ALL_ROLES: readonly OrgRole[] = ['secretary', 'supervisor'];
const UNIT_ROLES: readonly OrgRole[] = ['leader', 'deputy'];

export function scopeOf(viewer: ViewerFacts, units: readonly OrgUnit[]): AccessScope {
  const all = viewer.posts.some((p) => SEE_ALL_ROLES.includes(p.role));
  const isCountyLeader = viewer.posts.some((p) => p.role === 'county_leader');
  const led = viewer.posts.filter((p) => UNIT_ROLES.includes(p.role)).map((p) => p.unitId);
  const unitIds = all ? [] : subtreeIds(units, led);
  const coversAll = units.length > 0 && units.every((u) => unitIds.includes(u.id));
  return {
    personId: viewer.personId,
    all: all || coversAll,
    domains: all || !isCountyLeader ? [] : [...new Set(viewer.domains)].sort(byText),
    unitIds: all || coversAll ? [] : unitIds,
  };
}

export function mayViewItem(scope: AccessScope, item: ItemAccessFacts): boolean {
  return (
    scope.all ||
    scope.domains.includes(item.domain) ||
    scope.unitIds.includes(item.ownerUnitId) ||
    [item.assigneeId, item.reviewerId, item.issuerId].includes(scope.personId)
  );
}

/**
 * Unit pages: the whole tree for those who see all or a domain (a domain runs through every unit; the page then
 * shows only that domain's items), the led subtree for unit leaders, nothing for personal scopes.
 */
export function mayViewUnit(scope: AccessScope, unitId: string): boolean {
  return scope.all || scope.domains.length > 0 || scope.unitIds.includes(unitId);
}

/** Only those who see the whole county may create items in bulk (督查室, as the design's roles table says). */
export function mayImportItems(scope: AccessScope): boolean {
  return scope.all;
}

/** Whether the viewer's scope is only their own items (no unit or domain reach). */
export function isPersonalScope(scope: AccessScope): boolean {
  return !scope.all && scope.domains.length === 0 && scope.unitIds.length === 0;
}

/** The given units and all their descendants, in tree order of the input. */
export function subtreeIds(units: readonly OrgUnit[], roots: readonly string[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out = new Set<string>();
  const stack = roots.filter((id) => units.some((u) => u.id === id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return units.filter((u) => out.has(u.id)).map((u) => u.id);
}

/** A short Chinese description of what the viewer sees, for the page header. */
export function scopeLabel(scope: AccessScope, units: readonly OrgUnit[]): string {
  if (scope.all) return '全县';
  const parts: string[] = [];
  if (scope.domains.length > 0) parts.push(`分管：${scope.domains.join('、')}`);
  const tops = scope.unitIds.filter((id) => {
    const parent = units.find((u) => u.id === id)?.parentId;
    return !parent || !scope.unitIds.includes(parent);
  });
  if (tops.length > 0) parts.push(tops.map((id) => units.find((u) => u.id === id)?.name ?? id).join('、'));
  if (parts.length === 0) return '本人经办事项';
  return `${parts.join('；')}；及本人经办事项`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Which units' rows a viewer sees in county-wide ledgers (loans, projects, campaigns, cadences, cross-checks):
 * county-wide scopes (all, or a 分管 domain) every unit; a unit's leaders their subtree; personal scopes none.
 */
export interface LedgerVisibility {
  countyWide: boolean;
  unit(unitId: string): boolean;
}

export function ledgerVisibility(scope: AccessScope): LedgerVisibility {
  const countyWide = scope.all || scope.domains.length > 0;
  return { countyWide, unit: (unitId) => countyWide || scope.unitIds.includes(unitId) };
}
