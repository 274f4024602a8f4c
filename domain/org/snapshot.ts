/**
 * The org as plain JSON: units, people, posts, 分管 domains and acting (代理) assignments.
 * A snapshot is passed into workflows, so it holds only serialisable data and no Maps.
 */

import type { OrgRole, OrgUnit } from './types.js';

// Declared in types.ts; re-exported because the snapshot is where domain/org/index.ts and its importers find them.
export { ORG_ROLES, ORG_UNIT_KINDS, type OrgRole, type OrgUnit, type OrgUnitKind } from './types.js';

export interface OrgPerson {
  id: string;
  name: string;
  openId: string | null;
  /** Home unit. */
  unitId: string;
  title: string | null;
}

export interface OrgPost {
  unitId: string;
  personId: string;
  role: OrgRole;
  /** As people say it: 村党总支书记, 局长, 县委书记 … */
  title: string;
}

/** Someone standing in for an official on leave; dates are inclusive, 'YYYY-MM-DD' in Asia/Shanghai. */
export interface ActingAssignment {
  personId: string;
  actingForPersonId: string;
  from: string;
  to: string;
  reason: string;
}

export interface OrgSnapshot {
  units: OrgUnit[];
  people: OrgPerson[];
  posts: OrgPost[];
  leaderDomains: { personId: string; domain: string }[];
  acting: ActingAssignment[];
}

/** Lookup tables over a snapshot, built once per resolution. */
export interface OrgIndex {
  units(): readonly OrgUnit[];
  unit(id: string): OrgUnit | undefined;
  person(id: string): OrgPerson | undefined;
  /** Posts of a unit with a role, ordered by person id so that resolution is deterministic. */
  holders(unitId: string, role: OrgRole): OrgPost[];
  /** Posts with a role anywhere, ordered by unit id then person id. */
  allHolders(role: OrgRole): OrgPost[];
  domainsOf(personId: string): readonly string[];
  /** The unit and its ancestors, nearest first; stops at a repeated id so a bad tree cannot loop. */
  ancestry(unitId: string): OrgUnit[];
}

export function indexOrg(org: OrgSnapshot): OrgIndex {
  const units = new Map(org.units.map((u) => [u.id, u]));
  const people = new Map(org.people.map((p) => [p.id, p]));
  const posts = [...org.posts].sort(
    (a, b) => cmp(a.unitId, b.unitId) || cmp(a.personId, b.personId) || cmp(a.role, b.role),
  );
  const domains = new Map<string, string[]>();
  for (const d of org.leaderDomains) domains.set(d.personId, [...(domains.get(d.personId) ?? []), d.domain]);
  return {
    units: () => org.units,
    unit: (id) => units.get(id),
    person: (id) => people.get(id),
    holders: (unitId, role) => posts.filter((p) => p.unitId === unitId && p.role === role),
    allHolders: (role) => posts.filter((p) => p.role === role),
    domainsOf: (personId) => domains.get(personId) ?? [],
    ancestry(unitId) {
      const chain: OrgUnit[] = [];
      const seen = new Set<string>();
      let current = units.get(unitId);
      while (current && !seen.has(current.id)) {
        seen.add(current.id);
        chain.push(current);
        current = current.parentId === null ? undefined : units.get(current.parentId);
      }
      return chain;
    },
  };
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
