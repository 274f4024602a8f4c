import {
  type ActingAssignment,
  cmp,
  indexOrg,
  type OrgIndex,
  type OrgPost,
  type OrgSnapshot,
  type OrgUnit,
} from './snapshot.js';

export type ChainLevel = 0 | 1 | 2 | 3 | 4;

export type ChainSlot =
  | {
      level: ChainLevel;
      status: 'person';
      personId: string;
      /** The absent official when an acting one (代理) is used. */
      standsInFor?: string;
      /** Chinese, from the post: 责任人 / 村党总支书记 / 小街镇党（工）委书记 / 县农业农村局局长 / 分管县领导 / 县委书记 */
      role: string;
      unitId: string;
    }
  | { level: ChainLevel; status: 'vacant' | 'same_person'; reason: string };

export interface ChainItem {
  ownerUnitId: string;
  domain: string;
  assigneeId: string;
}

type Candidate = { personId: string; role: string; unitId: string } | { vacant: string };

/**
 * The escalation chain of an item on `date` (YYYY-MM-DD, Asia/Shanghai): always five slots, L0..L4.
 *
 * L0 责任人 (the assignee) → L1 leader of the owning unit → L2 leader of the village's township, or
 * for a township item the leader of the 县直部门 whose domain is the item's, or for a department
 * item the leader of a parent department → L3 the 分管县领导 of the item's domain → L4 县委书记.
 *
 * Corner cases, decided here:
 * - A unit with several holders of the same role uses the one with the smallest person id (imports
 *   refuse two leaders per unit, so this only guards against hand-edited data). The same goes for
 *   two county leaders sharing a domain, and for two departments sharing one (a department with a
 *   leader is preferred there, so that escalation reaches a person).
 * - L3 is only ever a county_leader whose 分管 domains include the item's; no domain holder means
 *   vacant, never "some other county leader".
 * - Acting (代理) applies at every level, L0 included: the stand-in receives what the absent person
 *   would. It is one hop; a stand-in's own leave is not followed further. When windows overlap,
 *   the one that started last wins.
 * - "Same person" compares the people who would actually be contacted (after acting), so a 镇长
 *   standing in for the 书记 while also being the assignee is skipped at L2.
 */
export function resolveChain(org: OrgSnapshot, item: ChainItem, date: string): ChainSlot[] {
  const ix = indexOrg(org);
  const owner = ix.unit(item.ownerUnitId);
  const candidates: Candidate[] = [
    { personId: item.assigneeId, role: '责任人', unitId: item.ownerUnitId },
    owner ? leaderOf(ix, owner) : { vacant: `单位 ${item.ownerUnitId} 不在组织架构中` },
    secondLevel(ix, owner, item.domain),
    domainLeader(ix, item.domain),
    countySecretary(ix, owner),
  ];
  const slots: ChainSlot[] = [];
  const contacted = new Map<string, ChainLevel>();
  candidates.forEach((c, i) => {
    const level = i as ChainLevel;
    if ('vacant' in c) {
      slots.push({ level, status: 'vacant', reason: `L${level} 空缺：${c.vacant}` });
      return;
    }
    const acting = actingFor(org.acting, c.personId, date);
    const personId = acting?.personId ?? c.personId;
    const earlier = contacted.get(personId);
    if (earlier !== undefined) {
      const name = ix.person(personId)?.name ?? personId;
      slots.push({
        level,
        status: 'same_person',
        reason: `L${level}（${c.role}）与 L${earlier} 为同一人（${name}），不重复升级`,
      });
      return;
    }
    contacted.set(personId, level);
    slots.push({
      level,
      status: 'person',
      personId,
      ...(acting ? { standsInFor: c.personId } : {}),
      role: c.role,
      unitId: c.unitId,
    });
  });
  return slots;
}

function leaderOf(ix: OrgIndex, unit: OrgUnit): Candidate {
  const post = ix.holders(unit.id, 'leader')[0];
  return post ? fromPost(post, unit) : { vacant: `${unit.name}未设负责人（书记）` };
}

function secondLevel(ix: OrgIndex, owner: OrgUnit | undefined, domain: string): Candidate {
  if (!owner) return { vacant: '责任单位不在组织架构中，无法确定上级' };
  switch (owner.kind) {
    case 'village': {
      const township = ix.ancestry(owner.id).find((u) => u.kind === 'township');
      return township ? leaderOf(ix, township) : { vacant: `${owner.name}没有上级乡镇（街道）` };
    }
    case 'township': {
      const depts = departmentsOfDomain(ix, owner, domain);
      const staffed = depts.find((d) => ix.holders(d.id, 'leader').length > 0);
      const dept = staffed ?? depts[0];
      return dept ? leaderOf(ix, dept) : { vacant: `没有主管「${domain}」领域的县直部门` };
    }
    case 'department': {
      const parent = owner.parentId === null ? undefined : ix.unit(owner.parentId);
      return parent?.kind === 'department' ? leaderOf(ix, parent) : { vacant: `${owner.name}没有上级主管部门` };
    }
    case 'county':
      return { vacant: '县级单位的事项没有这一层级' };
  }
}

/**
 * The 县直部门 of a domain in the owner's county, by id. When two share a domain (hand-edited
 * data), one with a leader is preferred so that escalation reaches a person.
 */
function departmentsOfDomain(ix: OrgIndex, owner: OrgUnit, domain: string): OrgUnit[] {
  const county = ix.ancestry(owner.id).find((u) => u.kind === 'county');
  return ix
    .units()
    .filter((u) => u.kind === 'department' && u.domain === domain)
    .filter((u) => !county || ix.ancestry(u.id).some((a) => a.id === county.id))
    .sort((a, b) => cmp(a.id, b.id));
}

function domainLeader(ix: OrgIndex, domain: string): Candidate {
  const post = ix.allHolders('county_leader').find((p) => ix.domainsOf(p.personId).includes(domain));
  return post
    ? { personId: post.personId, role: '分管县领导', unitId: post.unitId }
    : { vacant: `没有分管「${domain}」领域的县领导` };
}

function countySecretary(ix: OrgIndex, owner: OrgUnit | undefined): Candidate {
  const county = owner ? ix.ancestry(owner.id).find((u) => u.kind === 'county') : undefined;
  const post = county ? ix.holders(county.id, 'secretary')[0] : ix.allHolders('secretary')[0];
  if (!post) return { vacant: '未设县委书记' };
  const unit = ix.unit(post.unitId);
  return unit ? fromPost(post, unit) : { personId: post.personId, role: post.title, unitId: post.unitId };
}

function fromPost(post: OrgPost, unit: OrgUnit): Candidate {
  return { personId: post.personId, role: roleLabel(post, unit), unitId: unit.id };
}

/**
 * How the post reads on a card. Titles such as 局长 or 党（工）委书记 only make sense with the unit
 * in front; titles that already say which level they are (村党总支书记, 县委书记) stand alone.
 */
export function roleLabel(post: OrgPost, unit: OrgUnit): string {
  if (post.role === 'county_leader') return '分管县领导';
  const t = post.title.trim();
  if (t.includes(unit.name) || /^[县镇乡村]|^社区|^街道/.test(t)) return t;
  return `${unit.name}${t}`;
}

function actingFor(acting: readonly ActingAssignment[], personId: string, date: string): ActingAssignment | undefined {
  return acting
    .filter((a) => a.actingForPersonId === personId && a.from <= date && date <= a.to)
    .sort((a, b) => cmp(b.from, a.from) || cmp(a.personId, b.personId))[0];
}
