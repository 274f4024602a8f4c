/** Finds the units and people an import row names: by id, by full name, or by an unambiguous short name. */
export interface ImportOrg {
  units: { id: string; name: string }[];
  people: { id: string; name: string; unitId: string }[];
  posts: { personId: string; unitId: string; role: string }[];
  /** 分管 domains the county has (leader_domains and departments). */
  domains: string[];
}

export type Lookup<T> = { ok: true; value: T } | { ok: false; message: string };

/** `李建华（p-ducha-staff）` and `李建华(p-ducha-staff)` name a person by id, as some ledgers write them. */
const WITH_ID = /^(.*?)[（(]\s*([A-Za-z0-9][\w.:-]*)\s*[)）]$/;

export function findUnit(org: ImportOrg, text: string): Lookup<{ id: string; name: string }> {
  const exact = org.units.find((u) => u.id === text || u.name === text);
  if (exact) return { ok: true, value: exact };
  const partial = org.units.filter((u) => text.length >= 2 && u.name.endsWith(text));
  if (partial.length === 1) return { ok: true, value: partial[0]! };
  if (partial.length > 1)
    return { ok: false, message: `责任单位「${text}」不唯一（${partial.map((u) => u.name).join('、')}），请写全称` };
  return { ok: false, message: `责任单位「${text}」不存在` };
}

/** The 责任人 must belong to the responsible unit (home unit or a post there). */
export function findMember(org: ImportOrg, unit: { id: string; name: string }, text: string): Lookup<string> {
  const members = org.people.filter(
    (p) => p.unitId === unit.id || org.posts.some((x) => x.personId === p.id && x.unitId === unit.id),
  );
  const found = pick(members, text);
  if (found.ok) return found;
  return { ok: false, message: found.message || `责任人「${text}」不是「${unit.name}」的人员` };
}

/** The 审核人: usually 督查室 staff, so supervisors are preferred when a name is shared. */
export function findReviewer(org: ImportOrg, text: string): Lookup<string> {
  const supervisors = org.people.filter((p) => org.posts.some((x) => x.personId === p.id && x.role === 'supervisor'));
  const first = pick(supervisors, text);
  if (first.ok) return first;
  const any = pick(org.people, text);
  if (any.ok) return any;
  return { ok: false, message: any.message || `审核人「${text}」不存在` };
}

function pick(people: ImportOrg['people'], text: string): Lookup<string> {
  const m = WITH_ID.exec(text);
  const id = m ? m[2]! : text;
  const byId = people.find((p) => p.id === id);
  if (byId) return { ok: true, value: byId.id };
  const byName = people.filter((p) => p.name === text);
  if (byName.length === 1) return { ok: true, value: byName[0]!.id };
  if (byName.length > 1)
    return { ok: false, message: `「${text}」有 ${byName.length} 人重名，请写成「姓名（人员编号）」` };
  return { ok: false, message: '' };
}
