import type { OrgIndex, OrgUnit } from '../org/index.js';
import type { CampaignTarget } from './types.js';

export type TargetParse = { ok: true; target: CampaignTarget } | { ok: false; message: string };

const WORDS: Record<string, CampaignTarget['kind']> = {
  villages: 'village',
  village: 'village',
  村: 'village',
  townships: 'township',
  township: 'township',
  乡镇: 'township',
  departments: 'department',
  department: 'department',
  部门: 'department',
  units: 'units',
  单位: 'units',
};

/**
 * The target as typed on the command line: `villages`, `villages:xiaojie,yanglin` (the villages of those
 * townships), `townships`, `departments`, or `units:a,b,c`. Chinese words (村, 乡镇, 部门, 单位) work too.
 */
export function parseTarget(text: string): TargetParse {
  const [head = '', rest] = text.trim().split(/[:：]/, 2);
  const kind = WORDS[head.trim().toLowerCase()];
  const ids = (rest ?? '')
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!kind) {
    return {
      ok: false,
      message: `无法识别的督办对象：${text}（可用 villages、villages:乡镇编号、townships、departments、units:单位编号）`,
    };
  }
  if (kind === 'units') {
    return ids.length ? { ok: true, target: { kind, unitIds: [...new Set(ids)] } } : fail('请在 units: 后列出单位编号');
  }
  if (kind === 'village') return { ok: true, target: ids.length ? { kind, townshipIds: [...new Set(ids)] } : { kind } };
  if (ids.length) return fail(`${head} 后不能再列单位编号`);
  return { ok: true, target: { kind } };
}

function fail(message: string): TargetParse {
  return { ok: false, message };
}

/** How the target reads on cards and in the audit trail. */
export function describeTarget(target: CampaignTarget, unitName: (id: string) => string = (id) => id): string {
  switch (target.kind) {
    case 'village':
      return target.townshipIds?.length
        ? `${target.townshipIds.map(unitName).join('、')}的行政村（社区）`
        : '全县行政村（社区）';
    case 'township':
      return '全县乡镇（街道）';
    case 'department':
      return '县直部门';
    case 'units':
      return target.unitIds.map(unitName).join('、');
  }
}

export interface TargetSelection {
  /** Units the target names, in unit-id order, with their 责任人. */
  units: { unitId: string; unitName: string; assigneeId: string }[];
  /** Units with nobody to answer for them (no post holder): no item is created, the issuer is told. */
  unstaffed: { unitId: string; unitName: string }[];
  /** Ids in the target that are not units (or, for villages:…, not townships). */
  unknown: string[];
}

/** The units a target addresses in the current org, each with the person who answers for its item. */
export function selectTargetUnits(org: OrgIndex, target: CampaignTarget): TargetSelection {
  const unknown: string[] = [];
  let units: OrgUnit[];
  switch (target.kind) {
    case 'village': {
      const towns = target.townshipIds;
      for (const id of towns ?? []) if (org.unit(id)?.kind !== 'township') unknown.push(id);
      units = org.units().filter((u) => u.kind === 'village' && (!towns || towns.includes(u.parentId ?? '')));
      break;
    }
    case 'township':
      units = org.units().filter((u) => u.kind === 'township');
      break;
    case 'department':
      units = org.units().filter((u) => u.kind === 'department' && org.holders(u.id, 'supervisor').length === 0);
      break;
    case 'units':
      units = target.unitIds.flatMap((id) => {
        const unit = org.unit(id);
        if (!unit) unknown.push(id);
        return unit ? [unit] : [];
      });
      break;
  }
  const selection: TargetSelection = { units: [], unstaffed: [], unknown };
  for (const u of [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const assigneeId = responsibleOf(org, u.id);
    if (assigneeId) selection.units.push({ unitId: u.id, unitName: u.name, assigneeId });
    else selection.unstaffed.push({ unitId: u.id, unitName: u.name });
  }
  return selection;
}

/**
 * Who answers for a unit's item (责任人). Decision: the unit's staff (村委会副主任, 乡村振兴专干, 股室负责人) do the
 * work and report, so the first staff post holder (by person id, for determinism) is the 责任人; the unit's leader
 * (村党总支书记, 乡镇党委书记, 局长) then stands at L1 of the escalation chain instead of being paged as L0. A unit
 * without staff falls back to its deputy, then its leader.
 */
export function responsibleOf(org: OrgIndex, unitId: string): string | undefined {
  for (const role of ['staff', 'deputy', 'leader'] as const) {
    const [first] = org.holders(unitId, role);
    if (first) return first.personId;
  }
  return undefined;
}
