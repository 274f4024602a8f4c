import { responsibleOf } from '../campaigns/target.js';
import type { OrgIndex, OrgUnit } from '../org/index.js';
import type { CadenceDefinition, CadenceReviewer } from './definitions.js';

export interface CadenceUnit {
  unitId: string;
  unitName: string;
  assigneeId: string;
  reviewerId: string;
}

export interface CadenceRoster {
  /** The 督查室 member who issues the standing items (they follow the period, not each card). */
  issuerId: string | undefined;
  units: CadenceUnit[];
  /** Units that report under the cadence but have nobody to answer or to review: no item, on record. */
  unstaffed: { unitId: string; unitName: string; missing: 'assignee' | 'reviewer' }[];
}

/** Who reports under a cadence in the current org, with each report's 责任人 and 审核人. */
export function cadenceRoster(def: CadenceDefinition, org: OrgIndex): CadenceRoster {
  const supervisors = org.allHolders('supervisor');
  const roster: CadenceRoster = { issuerId: supervisors[0]?.personId, units: [], unstaffed: [] };
  for (const unit of reportingUnits(def, org)) {
    const assigneeId = responsibleOf(org, unit.id);
    const reviewerId = reviewerOf(def.reviewer, unit, org);
    if (!assigneeId || !reviewerId) {
      roster.unstaffed.push({ unitId: unit.id, unitName: unit.name, missing: assigneeId ? 'reviewer' : 'assignee' });
      continue;
    }
    roster.units.push({ unitId: unit.id, unitName: unit.name, assigneeId, reviewerId });
  }
  return roster;
}

function reportingUnits(def: CadenceDefinition, org: OrgIndex): OrgUnit[] {
  const { units } = def;
  const all = org
    .units()
    .filter((u) =>
      units.kind === 'department' ? u.kind === 'department' && u.domain === units.domain : u.kind === units.kind,
    );
  return [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function reviewerOf(reviewer: CadenceReviewer, unit: OrgUnit, org: OrgIndex): string | undefined {
  switch (reviewer.kind) {
    case 'parent_staff':
      return unit.parentId ? firstOf(org, unit.parentId) : undefined;
    case 'department_staff': {
      const dept = org.units().find((u) => u.kind === 'department' && u.domain === reviewer.domain);
      return dept ? firstOf(org, dept.id) : undefined;
    }
    case 'supervisor':
      // The last 督查 post holder: 督查员 review, 督查室主任 issues (as for 红黑榜 rectifications).
      return org.allHolders('supervisor').at(-1)?.personId;
  }
}

function firstOf(org: OrgIndex, unitId: string): string | undefined {
  return (org.holders(unitId, 'staff')[0] ?? org.holders(unitId, 'deputy')[0] ?? org.holders(unitId, 'leader')[0])
    ?.personId;
}
