/** A village's score, line by line: every point gained or lost names the inspection or item behind it. */

export type LineRef = { kind: 'inspection'; id: string } | { kind: 'item'; id: string; seq?: number };

export interface ScoreLine {
  /** Unique within the village; appeals name it. */
  id: string;
  kind: 'inspection' | 'on_time' | 'no_items' | 'deduction' | 'floor';
  /** '厕所', '按期办结', '逾期未办结', … */
  label: string;
  /** The specific reason, in Chinese, e.g. '《…》按期办结（期限6月20日，6月18日办结）'. */
  detail: string;
  /** Signed points × 10. */
  tenths: number;
  /** What the line could have been worth (inspections, on-time shares), × 10. */
  maxTenths?: number;
  ref?: LineRef;
  /** Lines a village may contest: they point at an inspection or an item. */
  appealable: boolean;
}

/** The numbers the per-village text is written from. */
export interface VillageFacts {
  inspections: { dimension: string; label: string; score: number; problems: string[] }[];
  missingDimensions: string[];
  due: number;
  onTime: number;
  lateDone: number;
  notDone: number;
  overdueOpen: number;
  /** Titles of the items still overdue at month end. */
  overdueTitles: string[];
  returns: number;
  escalatedL3: number;
}

export interface VillageScore {
  villageId: string;
  name: string;
  townshipId: string;
  townshipName: string;
  /** Sum of the lines' tenths: the score is defined as the sum of its breakdown. */
  tenths: number;
  ranked: boolean;
  lines: ScoreLine[];
  facts: VillageFacts;
}

export function sumTenths(lines: ScoreLine[]): number {
  return lines.reduce((s, l) => s + l.tenths, 0);
}
