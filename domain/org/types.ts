/**
 * The org's vocabulary, declared once: unit kinds, post roles and the unit. The snapshot (workflows), the access
 * rules (dashboard, chat) and the tables (db/schema.ts) all use these; the access rules need less of a unit and
 * say so with a Pick instead of a second declaration.
 */

export type OrgUnitKind = 'county' | 'department' | 'township' | 'village';
export type OrgRole = 'leader' | 'deputy' | 'staff' | 'supervisor' | 'county_leader' | 'secretary';

export const ORG_ROLES: readonly OrgRole[] = ['leader', 'deputy', 'staff', 'supervisor', 'county_leader', 'secretary'];
export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = ['county', 'department', 'township', 'village'];

export interface OrgUnit {
  id: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** The 分管 domain of a 县直部门 (e.g. '农业农村'); null for other units. */
  domain: string | null;
}

/** A unit as the tree and the access rules see it: where it sits, not what it is in charge of. */
export type OrgTreeUnit = Pick<OrgUnit, 'id' | 'name' | 'kind' | 'parentId'>;
