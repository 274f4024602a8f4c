import type { ChecklistLine, HouseholdSample, LineType, Team, TownshipRoster } from './types.js';

/** The 9500 元/年 监测标准线 the county adopted from the city (年人均纯收入). */
export const MONITORING_LINE_YUAN = 9500;

export interface LineTypeInfo {
  label: string;
  /** How the line is checked, printed on the checklist. */
  check: string;
  /** The 分管 domain a 整改 of this type belongs to (picks the 分管县领导 on escalation). */
  domain: string;
}

/** The seed report's 交叉检查 and 督导检查 content, as checklist line types. */
export const LINE_TYPES: Record<LineType, LineTypeInfo> = {
  income: {
    label: '监测对象收入信息',
    check: `核对防返贫监测系统收入数据与纸质采集表是否一致；年人均纯收入低于 ${MONITORING_LINE_YUAN} 元（监测标准线）的农户是否已纳入监测`,
    domain: '农业农村',
  },
  microcredit: {
    label: '小额信贷档案',
    check: '核对贷款合同、发放与还款记录、到期提醒和逾期催缴记录是否齐全，贷款是否用于生产经营',
    domain: '金融',
  },
  guarantees: {
    label: '三保障',
    check: '核实义务教育、基本医疗、住房安全保障落实情况，台账与入户情况是否一致',
    domain: '农业农村',
  },
  water: {
    label: '饮水安全',
    check: '核实饮水安全台账及入户供水情况（水量、水质、取水方便程度、供水保证率）',
    domain: '水务',
  },
};

export const ALL_LINE_TYPES: readonly LineType[] = ['income', 'microcredit', 'guarantees', 'water'];

export function isLineType(v: unknown): v is LineType {
  return typeof v === 'string' && (ALL_LINE_TYPES as readonly string[]).includes(v);
}

/**
 * A team's checklist over the township it inspects: for every village and every line type, the village's ledger
 * of that type, followed by the households sampled for it (each verified in person). Line ids are 'T<team>-<nn>',
 * numbered in that order, so the same inputs always give the same ids.
 */
export function buildChecklist(
  team: Team,
  inspected: TownshipRoster,
  options: { types?: readonly LineType[]; households?: readonly HouseholdSample[] } = {},
): ChecklistLine[] {
  const types = options.types ?? ALL_LINE_TYPES;
  const lines: ChecklistLine[] = [];
  const add = (type: LineType, unit: { id: string; name: string }, subject: string) =>
    lines.push({
      id: `T${team.no}-${String(lines.length + 1).padStart(2, '0')}`,
      teamNo: team.no,
      type,
      unitId: unit.id,
      unitName: unit.name,
      subject,
      check: LINE_TYPES[type].check,
    });
  for (const village of inspected.villages) {
    for (const type of types) {
      add(type, village, `${LINE_TYPES[type].label}台账`);
      for (const h of options.households ?? []) {
        if (h.villageId === village.id && h.type === type) add(type, village, h.name);
      }
    }
  }
  return lines;
}
