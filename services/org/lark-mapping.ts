import type { OrgChanges } from '../../db/org/import.js';
import type { OrgPost, OrgRole, OrgUnitKind } from '../../domain/org/index.js';
import type { LarkDirectory } from './lark-directory.js';
import { inferKind, matchPeople, matchUnits, parentsFirst } from './lark-matching.js';
import type { StoredOrg } from './stored-org.js';

export type { StoredOrg } from './stored-org.js';

export interface LarkSyncReport {
  /** Units Lark introduced, with the kind inferred from their name. */
  newUnits: { id: string; name: string; kind: OrgUnitKind }[];
  /** Units linked to a Lark department that Lark no longer lists; kept as they are. */
  unitsNotInLark: string[];
  /** People with a Lark account that Lark no longer lists (or marks resigned); kept, never deleted. */
  peopleNotInLark: string[];
  skippedUsers: { openId: string; name: string; reason: string }[];
  /** Leaders Lark names who are neither synced nor stored; the unit's stored leader post is kept. */
  skippedLeaders: { unitId: string; leaderOpenId: string; reason: string }[];
}

/**
 * Turns the Lark directory into org changes. Lark knows departments, parents, leaders and members;
 * it does not know unit kinds or 分管 domains, so:
 * - a unit already stored keeps its kind and domain (an import set them deliberately); a new one
 *   gets its kind from its name (lark-matching.ts inferKind) and no domain. 分管 domains stay as stored.
 * - departments Lark puts directly under the root hang under the county, when there is one.
 * - a department's leader becomes the unit's leader post (for the county: 'secretary', 县委书记);
 *   the post keeps its stored title when the holder changes. No leader in Lark = vacant. Posts Lark
 *   cannot express (副职, 工作人员, 督查, 分管县领导) are left alone.
 * - people Lark no longer lists are reported, never deleted: they may still own items.
 */
export function planLarkSync(dir: LarkDirectory, stored: StoredOrg): { changes: OrgChanges; report: LarkSyncReport } {
  const report: LarkSyncReport = {
    newUnits: [],
    unitsNotInLark: [],
    peopleNotInLark: [],
    skippedUsers: [],
    skippedLeaders: [],
  };
  const unitOf = matchUnits(dir.departments, stored);
  const storedUnit = new Map(stored.units.map((u) => [u.id, u]));
  const kindOf = (openId: string) => {
    const dept = dir.departments.find((d) => d.openId === openId)!;
    return storedUnit.get(unitOf.get(openId)!)?.kind ?? inferKind(dept);
  };
  const counties = dir.departments.filter((d) => d.parentOpenId === '0' && kindOf(d.openId) === 'county');
  const countyId = counties.length === 1 ? unitOf.get(counties[0]!.openId) : undefined;

  const units = dir.departments.map((d) => {
    const id = unitOf.get(d.openId)!;
    const before = storedUnit.get(id);
    const kind = kindOf(d.openId);
    if (!before) report.newUnits.push({ id, name: d.name, kind });
    const parentId = unitOf.get(d.parentOpenId) ?? (kind === 'county' ? null : (countyId ?? before?.parentId ?? null));
    return { id, name: d.name, kind, parentId, domain: before?.domain ?? null, larkDepartmentId: d.openId };
  });

  const personOf = matchPeople(dir.users, stored);
  const storedPerson = new Map(stored.people.map((p) => [p.id, p]));
  const people: OrgChanges['people'] = [];
  for (const u of dir.users) {
    const unitId = u.departmentOpenIds.map((id) => unitOf.get(id)).find((id) => id !== undefined);
    if (!unitId) {
      report.skippedUsers.push({ openId: u.openId, name: u.name, reason: '不属于任何已同步的部门' });
      continue;
    }
    const id = personOf.get(u.openId)!;
    const before = storedPerson.get(id);
    const title = u.jobTitle ?? before?.title ?? null;
    people.push({ id, name: u.name, openId: u.openId, mobile: u.mobile ?? before?.mobile ?? null, unitId, title });
  }

  const personByOpenId = new Map<string, string>(stored.people.flatMap((p) => (p.openId ? [[p.openId, p.id]] : [])));
  for (const p of people) if (p.openId) personByOpenId.set(p.openId, p.id);
  const posts: OrgPost[] = [];
  const scope: string[] = [];
  for (const d of dir.departments) {
    const unit = units.find((u) => u.larkDepartmentId === d.openId)!;
    const role: OrgRole = unit.kind === 'county' ? 'secretary' : 'leader';
    const holder = d.leaderOpenId ? personByOpenId.get(d.leaderOpenId) : undefined;
    if (d.leaderOpenId && !holder) {
      report.skippedLeaders.push({
        unitId: unit.id,
        leaderOpenId: d.leaderOpenId,
        reason: '负责人不在通讯录同步范围内',
      });
      continue;
    }
    scope.push(unit.id);
    if (!holder) continue;
    const storedTitle = stored.posts.find((p) => p.unitId === unit.id && p.role === role)?.title;
    const jobTitle = dir.users.find((u) => u.openId === d.leaderOpenId)?.jobTitle;
    const title = storedTitle ?? jobTitle ?? (role === 'secretary' ? '县委书记' : '负责人');
    posts.push({ unitId: unit.id, personId: holder, role, title });
  }

  const seenDepts = new Set(dir.departments.map((d) => d.openId));
  const seenUsers = new Set(dir.users.map((u) => u.openId));
  report.unitsNotInLark = stored.units
    .filter((u) => u.larkDepartmentId && !seenDepts.has(u.larkDepartmentId))
    .map((u) => u.id);
  report.peopleNotInLark = stored.people.filter((p) => p.openId && !seenUsers.has(p.openId)).map((p) => p.id);
  return {
    changes: {
      units: parentsFirst(units),
      people,
      posts: { unitIds: scope, roles: ['leader', 'secretary'], rows: posts },
    },
    report,
  };
}
