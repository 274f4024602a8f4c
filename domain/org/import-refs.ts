import type { ImportError, SheetName } from './import-format.js';
import { KIND_LABEL, PARENT_KINDS, ROLE_LABEL } from './import-labels.js';
import type { Located, ParsedBook } from './import-parse.js';
import type { OrgPost, OrgSnapshot, OrgUnit } from './snapshot.js';

/**
 * Checks that need the whole picture: the org as it will be after the import (stored rows the
 * file does not name, plus the file's rows), so a file may refer to units and people already
 * stored and a partial file (one township) is fine.
 */
export function checkReferences(book: ParsedBook, stored: OrgSnapshot, errors: ImportError[]): void {
  const fail = (sheet: SheetName) => (row: number, message: string) => errors.push({ sheet, row, message });
  const units = new Map(stored.units.map((u) => [u.id, u]));
  for (const { value } of book.units) units.set(value.id, value);
  const fileUnits = new Set(book.units.map((u) => u.value.id));
  const filePeople = new Set(book.people.map((p) => p.value.id));
  const people = new Set([...stored.people.map((p) => p.id), ...filePeople]);

  checkTree(book.units, units, fail('单位'));

  const openIdOwner = new Map(stored.people.filter((p) => p.openId).map((p) => [p.openId, p.id]));
  for (const { row, value: p } of book.people) {
    if (!units.has(p.unitId)) fail('人员')(row, `所属单位编号 ${p.unitId} 不存在`);
    const owner = p.openId ? openIdOwner.get(p.openId) : undefined;
    if (owner && owner !== p.id && !filePeople.has(owner)) {
      fail('人员')(row, `飞书open_id ${p.openId} 已属于人员 ${owner}`);
    }
  }

  const posts = [...stored.posts.filter((p) => !fileUnits.has(p.unitId)), ...book.posts.map((p) => p.value)];
  checkPosts(book.posts, units, fileUnits, people, fail('职务'));

  const heldDomains = new Map<string, string>();
  for (const d of stored.leaderDomains) if (!filePeople.has(d.personId)) heldDomains.set(d.domain, d.personId);
  const deptDomains = new Set([...units.values()].filter((u) => u.kind === 'department').map((u) => u.domain));
  for (const { row, value: d } of book.domains) {
    const f = (m: string) => fail('分管')(row, m);
    if (!filePeople.has(d.personId)) f(`人员编号 ${d.personId} 不在本文件「人员」表中`);
    else if (!posts.some((p) => p.personId === d.personId && p.role === 'county_leader'))
      f(`人员 ${d.personId} 没有「分管县领导」职务，不能分管领域`);
    if (!deptDomains.has(d.domain)) f(`领域「${d.domain}」没有对应的县直部门（请在「单位」表的分管领域中填写）`);
    const holder = heldDomains.get(d.domain);
    if (holder && holder !== d.personId) f(`领域「${d.domain}」已由 ${holder} 分管，一个领域只能有一位分管县领导`);
    else heldDomains.set(d.domain, d.personId);
  }

  const windows = new Map<string, { from: string; to: string; row: number }[]>();
  for (const { row, value: a } of book.acting) {
    const f = (m: string) => fail('代理')(row, m);
    if (!people.has(a.personId)) f(`代理人编号 ${a.personId} 不存在`);
    if (!filePeople.has(a.actingForPersonId)) f(`被代理人编号 ${a.actingForPersonId} 不在本文件「人员」表中`);
    const earlier = windows.get(a.actingForPersonId) ?? [];
    const clash = earlier.find((w) => w.from <= a.to && a.from <= w.to);
    if (clash) f(`与第${clash.row}行的代理时间重叠（同一被代理人同一时间只能有一位代理人）`);
    windows.set(a.actingForPersonId, [...earlier, { from: a.from, to: a.to, row }]);
  }
}

/** Parents exist, fit the level (村 under 乡镇, 乡镇 under 县 …) and never loop back. */
function checkTree(
  rows: Located<OrgUnit>[],
  units: Map<string, OrgUnit>,
  fail: (row: number, message: string) => void,
): void {
  const fileRow = new Map(rows.map((r) => [r.value.id, r.row]));
  for (const { row, value: u } of rows) {
    const parent = u.parentId === null ? undefined : units.get(u.parentId);
    if (u.parentId !== null && !parent) {
      fail(row, `上级编号 ${u.parentId} 不存在`);
      continue;
    }
    if (!PARENT_KINDS[u.kind].includes(parent?.kind ?? null)) {
      const want = PARENT_KINDS[u.kind].map((k) => (k === null ? '（不填）' : KIND_LABEL[k])).join('或');
      const got = parent ? `${parent.name}（${KIND_LABEL[parent.kind]}）` : '空';
      fail(row, `${KIND_LABEL[u.kind]}的上级应为${want}，现为${got}`);
    }
    const path = [u.id];
    for (let p = u.parentId; p !== null; p = units.get(p)?.parentId ?? null) {
      if (p === u.id) {
        fail(row, `上级关系形成循环：${[...path, p].join(' → ')}`);
        break;
      }
      if (path.includes(p) || path.length > units.size) break; // a loop not through this row; its own row reports it
      path.push(p);
    }
  }
  // Stored children must still fit under a file unit whose type changed: one error per such unit.
  const misfits = new Map<string, OrgUnit[]>();
  for (const child of units.values()) {
    const parent = child.parentId === null ? undefined : units.get(child.parentId);
    if (fileRow.has(child.id) || !parent || !fileRow.has(parent.id)) continue;
    if (!PARENT_KINDS[child.kind].includes(parent.kind))
      misfits.set(parent.id, [...(misfits.get(parent.id) ?? []), child]);
  }
  for (const [parentId, children] of misfits) {
    const parent = units.get(parentId)!;
    const names =
      children
        .slice(0, 3)
        .map((c) => c.name)
        .join('、') + (children.length > 3 ? ' 等' : '');
    fail(
      fileRow.get(parentId)!,
      `类型不能改为${KIND_LABEL[parent.kind]}：已有下级${KIND_LABEL[children[0]!.kind]} ${names}`,
    );
  }
}

function checkPosts(
  rows: Located<OrgPost>[],
  units: Map<string, OrgUnit>,
  fileUnits: Set<string>,
  people: Set<string>,
  fail: (row: number, message: string) => void,
): void {
  const single = new Map<string, number>();
  for (const { row, value: p } of rows) {
    const unit = units.get(p.unitId);
    if (!unit) fail(row, `单位编号 ${p.unitId} 不存在`);
    else if (!fileUnits.has(p.unitId)) fail(row, `单位 ${p.unitId} 不在本文件「单位」表中（职务按单位整体导入）`);
    if (!people.has(p.personId)) fail(row, `人员编号 ${p.personId} 不存在`);
    const countyOnly = p.role === 'county_leader' || p.role === 'secretary';
    if (unit && countyOnly && unit.kind !== 'county') fail(row, `「${ROLE_LABEL[p.role]}」只能设在县级单位`);
    if (unit && p.role === 'leader' && unit.kind === 'county') fail(row, '县级单位的主要领导请填「县委书记」');
    if (p.role === 'leader' || p.role === 'secretary') {
      const key = `${p.unitId}|${p.role}`;
      const first = single.get(key);
      if (first !== undefined)
        fail(row, `单位 ${p.unitId} 已有${ROLE_LABEL[p.role]}（第${first}行），每个单位只能有一位`);
      else single.set(key, row);
    }
  }
}
