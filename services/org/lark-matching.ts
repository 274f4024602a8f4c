import type { OrgUnitKind } from '../../domain/org/index.js';
import type { LarkDepartment, LarkUser } from './lark-directory.js';
import type { StoredOrg } from './stored-org.js';

/**
 * Lark department → unit id: the unit linked to it, else the unit whose id is the department's
 * custom id, else the one unlinked unit of the same name; otherwise a new id (the custom id when
 * free, else `lark-<open id>`). Each unit is claimed by at most one department.
 */
export function matchUnits(departments: LarkDepartment[], stored: StoredOrg): Map<string, string> {
  const byLark = new Map(stored.units.filter((u) => u.larkDepartmentId).map((u) => [u.larkDepartmentId, u.id]));
  const unlinked = stored.units.filter((u) => !u.larkDepartmentId);
  const claimed = new Set<string>(byLark.values());
  const taken = new Set(stored.units.map((u) => u.id));
  const result = new Map<string, string>();
  const claim = (openId: string, unitId: string) => {
    result.set(openId, unitId);
    claimed.add(unitId);
    taken.add(unitId);
  };
  for (const d of departments) {
    const linked = byLark.get(d.openId);
    if (linked) result.set(d.openId, linked);
  }
  for (const d of departments) {
    if (result.has(d.openId)) continue;
    const byId = unlinked.find((u) => u.id === d.customId && !claimed.has(u.id));
    const sameName = unlinked.filter((u) => u.name === d.name && !claimed.has(u.id));
    const match = byId ?? (sameName.length === 1 ? sameName[0] : undefined);
    if (match) claim(d.openId, match.id);
  }
  for (const d of departments) {
    if (result.has(d.openId)) continue;
    const custom = d.customId && !taken.has(d.customId) ? d.customId : undefined;
    claim(d.openId, custom ?? `lark-${d.openId}`);
  }
  return result;
}

/** Kind for a unit Lark introduces, from its name; a stored unit keeps its own. */
export function inferKind(d: LarkDepartment): OrgUnitKind {
  const name = d.name.trim();
  if (d.parentOpenId === '0' && /县(委|人民政府|委员会)?$/.test(name)) return 'county';
  if (/(村|社区|村委会|居委会)$/.test(name)) return 'village';
  if (/(镇|乡|街道|街道办事处)$/.test(name)) return 'township';
  return 'department';
}

/**
 * Lark user → person id: the person with that open_id, else the one person without an open_id
 * who has the same mobile (an Excel import that had phone numbers), else `lark-<open_id>`.
 */
export function matchPeople(users: LarkUser[], stored: StoredOrg): Map<string, string> {
  const byOpenId = new Map(stored.people.filter((p) => p.openId).map((p) => [p.openId, p.id]));
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const u of users) {
    let id = byOpenId.get(u.openId);
    if (!id && u.mobile) {
      const same = stored.people.filter((p) => !p.openId && p.mobile === u.mobile && !used.has(p.id));
      if (same.length === 1) id = same[0]!.id;
    }
    id ??= `lark-${u.openId}`;
    used.add(id);
    result.set(u.openId, id);
  }
  return result;
}

/** Orders units so that each comes after its parent (rows reference their parent). */
export function parentsFirst<T extends { id: string; parentId: string | null }>(units: T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = (u: T): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = u.parentId; p !== null && !seen.has(p); p = byId.get(p)?.parentId ?? null) {
      seen.add(p);
      d += 1;
    }
    return d;
  };
  return units
    .map((u) => ({ u, d: depth(u) }))
    .sort((a, b) => a.d - b.d)
    .map(({ u }) => u);
}
