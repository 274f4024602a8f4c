/**
 * The scoring rules of the monthly red/black list (红黑榜), as versioned data. A rule set is stored with a version;
 * every snapshot and every published list names the version it was computed with, and a new version never changes
 * a list already computed. Only outcomes are scored: inspections on the ground and what happened to the village's
 * supervision items. Usage of the app is never a metric (see usage-guard.ts).
 */

/** One inspection dimension (人居环境: 厕所, 垃圾, …): inspectors score it 0–100; it is worth `weight` points. */
export interface DimensionRule {
  key: string;
  label: string;
  weight: number;
}

/** Outcome measures of a village's supervision items that a deduction may use. */
export const ITEM_MEASURES = ['overdue_open', 'returned', 'escalated_l3'] as const;
export type ItemMeasure = (typeof ITEM_MEASURES)[number];

export const ITEM_MEASURE_LABELS: Record<ItemMeasure, string> = {
  overdue_open: '逾期未办结事项',
  returned: '审核退回',
  escalated_l3: '升级至县领导督办',
};

/** A line of the deduction table (扣分表): `points` per occurrence, at most `cap` in a month. */
export interface DeductionRule {
  measure: ItemMeasure;
  label: string;
  points: number;
  cap: number;
}

export interface ListRules {
  /** County-wide lists, or one pair of lists per township (云南's practice: top 10 / bottom 5 per township). */
  scope: 'county' | 'township';
  /** Top `size` ranks (ties share a rank and are all listed), only villages scoring at least `minScore`. */
  red: { size: number; minScore: number };
  /** Bottom `size` ranks, only villages scoring below `belowScore`: a good village is never shamed for being last. */
  black: { size: number; belowScore: number };
}

export interface RuleSet {
  /** Rule family, e.g. 'renju-monthly'; versions are numbered within it. */
  name: string;
  version: number;
  title: string;
  /** The 分管 domain: picks the leader who may approve and the domain of rectification items. */
  domain: string;
  dimensions: DimensionRule[];
  items: {
    /** Points for completing the month's due items on time (按期办结率 × weight). */
    onTimeWeight: number;
    deductions: DeductionRule[];
  };
  /** Minimum data to be ranked: villages with fewer inspected dimensions are listed as 数据不全, not ranked. */
  minimum: { inspectedDimensions: number };
  lists: ListRules;
  /** Leaving the black list: `compliantMonths` consecutive months scoring at least `compliantScore`. */
  exit: { compliantMonths: number; compliantScore: number };
  appealWindowWorkdays: number;
  rectificationWorkdays: number;
  /** The monthly run: the nth working day of the month at HH:MM, Shanghai time. */
  schedule: { workdayOfMonth: number; time: string };
}

/** A reference to a stored rule set. */
export interface RuleRef {
  name: string;
  version: number;
}

/**
 * 嵩明县's monthly 农村人居环境 list ("坚持开展每月1期'红黑榜'评比"): the five dimensions 温泉镇 uses, 80 points from
 * inspections and 20 from supervision outcomes, county-wide lists for the demo's 21 villages.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  name: 'renju-monthly',
  version: 1,
  title: '农村人居环境“红黑榜”',
  domain: '农业农村',
  dimensions: [
    { key: 'toilet', label: '厕所', weight: 16 },
    { key: 'garbage', label: '垃圾', weight: 16 },
    { key: 'sewage', label: '污水', weight: 16 },
    { key: 'appearance', label: '村容村貌', weight: 16 },
    { key: 'maintenance', label: '长效管护', weight: 16 },
  ],
  items: {
    onTimeWeight: 20,
    deductions: [
      { measure: 'overdue_open', label: '逾期未办结', points: 2, cap: 10 },
      { measure: 'returned', label: '审核退回', points: 1, cap: 5 },
      { measure: 'escalated_l3', label: '升级至县领导督办', points: 3, cap: 9 },
    ],
  },
  minimum: { inspectedDimensions: 5 },
  lists: { scope: 'county', red: { size: 5, minScore: 85 }, black: { size: 3, belowScore: 75 } },
  exit: { compliantMonths: 2, compliantScore: 80 },
  appealWindowWorkdays: 3,
  rectificationWorkdays: 10,
  schedule: { workdayOfMonth: 3, time: '09:00' },
};
