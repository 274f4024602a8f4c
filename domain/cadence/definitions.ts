import type { Urgency } from '../items/types.js';

/**
 * The standing monitoring cadence from the seed report: "村每周动态排查分析、乡半月研判、县每月督导调度" (villages
 * screen households for 返贫 risk every week, townships analyse every half month, the county supervises and
 * dispatches every month). Each period gives every unit of the level one supervision item.
 */
export type CadenceId = 'village-weekly' | 'township-halfmonth' | 'county-monthly';

export type CadenceFrequency = 'weekly' | 'half_monthly' | 'monthly';

/** Units that report: all villages, all townships, or the department in charge of a 分管 domain. */
export type CadenceUnits = { kind: 'village' } | { kind: 'township' } | { kind: 'department'; domain: string };

/**
 * Who reviews (审核) the report, following the seed's "村排查、乡审核、县审定": a village's report goes to its
 * township's staff, a township's to the county department in charge, the county's to 督查室.
 */
export type CadenceReviewer =
  | { kind: 'parent_staff' }
  | { kind: 'department_staff'; domain: string }
  | { kind: 'supervisor' };

export interface CadenceDefinition {
  id: CadenceId;
  /** As the seed says it, e.g. '村每周动态排查分析'. */
  name: string;
  frequency: CadenceFrequency;
  units: CadenceUnits;
  reviewer: CadenceReviewer;
  /** 分管 domain of the items (picks the 分管县领导 on escalation). */
  domain: string;
  urgency: Urgency;
  description: string;
  /** Day of month the period's report is due by (half-monthly: first and second half); rest days move it later. */
  dueDays?: readonly number[];
  /** When the Schedule opens a period, Asia/Shanghai. */
  opensAt: { hour: number; minute: number };
}

export const CADENCES: Readonly<Record<CadenceId, CadenceDefinition>> = {
  'village-weekly': {
    id: 'village-weekly',
    name: '村每周动态排查分析',
    frequency: 'weekly',
    units: { kind: 'village' },
    reviewer: { kind: 'parent_staff' },
    domain: '农业农村',
    urgency: 'important',
    description:
      '开展本周防止返贫动态监测排查：走访脱贫户、监测户和突发严重困难农户，分析收入及“三保障”和饮水安全风险，对符合条件的及时纳入监测并制定帮扶措施。办结时报送排查分析情况（排查户数、新发现风险户、纳入建议）。',
    opensAt: { hour: 8, minute: 30 },
  },
  'township-halfmonth': {
    id: 'township-halfmonth',
    name: '乡半月研判',
    frequency: 'half_monthly',
    units: { kind: 'township' },
    reviewer: { kind: 'department_staff', domain: '农业农村' },
    domain: '农业农村',
    urgency: 'important',
    description:
      '汇总各村排查情况，召开半月研判会，审核拟纳入监测对象和风险消除对象，研究帮扶措施落实情况。办结时报送研判会议纪要及审核结果。',
    dueDays: [5, 20],
    opensAt: { hour: 8, minute: 30 },
  },
  'county-monthly': {
    id: 'county-monthly',
    name: '县每月督导调度',
    frequency: 'monthly',
    units: { kind: 'department', domain: '农业农村' },
    reviewer: { kind: 'supervisor' },
    domain: '农业农村',
    urgency: 'important',
    description:
      '开展月度防返贫动态监测督导调度：审定各乡镇（街道）研判结果，报送防止返贫致贫监测帮扶措施统计清单和重点人群预警名单，通报问题并部署整改。',
    dueDays: [5],
    opensAt: { hour: 8, minute: 30 },
  },
};

export const CADENCE_IDS = Object.keys(CADENCES) as CadenceId[];

export function cadenceById(id: string): CadenceDefinition | undefined {
  return Object.hasOwn(CADENCES, id) ? CADENCES[id as CadenceId] : undefined;
}
