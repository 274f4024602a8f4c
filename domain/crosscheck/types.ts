/**
 * 交叉检查 (cross-check rounds): teams from one township inspect another, never their own, against a checklist;
 * every finding becomes a 整改 item for the inspected unit that only the inspecting side may close (销号).
 * Plain JSON throughout, so a round survives Temporal payloads unchanged. Instants carry the +08:00 offset.
 */

/** What a checklist line verifies; the seed report's 交叉检查 covered exactly these. */
export type LineType = 'income' | 'microcredit' | 'guarantees' | 'water';

export type Severity = 'minor' | 'major' | 'severe';

export type RoundPhase = 'checking' | 'rectifying' | 'closed';

/** The 整改 item's fate, as the round sees it: 整改中, 已销号 (confirmed by the inspector) or 已撤销. */
export type RectificationStatus = 'open' | 'done' | 'cancelled';

/** A township as the round needs it: its villages and the people it can send as an inspection team. */
export interface TownshipRoster {
  id: string;
  name: string;
  villages: { id: string; name: string }[];
  /** The team lead (组长): the inspecting side who confirms 销号. */
  leadId: string;
  memberIds: string[];
}

export interface Team {
  /** 1-based, in the order the townships were given. */
  no: number;
  fromTownshipId: string;
  fromName: string;
  inspectsTownshipId: string;
  inspectsName: string;
  leadId: string;
  memberIds: string[];
  /** When the lead reported the checklist done (本组检查完毕). */
  doneAt?: string;
}

/** A household to verify in person (e.g. a 监测对象 whose income is near the 9500 元 line). */
export interface HouseholdSample {
  villageId: string;
  type: LineType;
  /** How the household is named on the checklist, e.g. '张某某户（监测对象）'. */
  name: string;
}

export interface ChecklistLine {
  /** 'T3-07': team 3, line 7; unique within the round. */
  id: string;
  teamNo: number;
  type: LineType;
  /** The village (or township) whose household or ledger is verified. */
  unitId: string;
  unitName: string;
  /** What exactly is checked: a household, or the unit's ledger of this type. */
  subject: string;
  /** How to check it, in the words of the county's checklist. */
  check: string;
}

/** A finding as entered (card form or one Excel row). */
export interface FindingInput {
  lineId: string;
  problem: string;
  severity: Severity;
  /** 整改时限 in working days; absent means the severity's default. */
  workdays?: number;
  /** The Excel row it came from, so a refusal can name it. */
  row?: number;
}

export interface Finding {
  /** 'cc-2024h1-F3'. */
  id: string;
  no: number;
  lineId: string;
  teamNo: number;
  unitId: string;
  problem: string;
  severity: Severity;
  workdays: number;
  dueAt: string;
  /** The 整改 item (a supervision item of kind 'rectification'). */
  itemId: string;
  assigneeId: string;
  reviewerId: string;
  source: 'card' | 'excel';
  recordedBy: string;
  recordedAt: string;
  status: RectificationStatus;
  closedAt?: string;
}

/** A round as its workflow holds it; the query returns it and cards render from it. */
export interface CrosscheckRound {
  id: string;
  title: string;
  organizerId: string;
  startedAt: string;
  phase: RoundPhase;
  teams: Team[];
  lines: ChecklistLine[];
  findings: Finding[];
  /** unit id → the person who answers for its 整改 (the unit's first staff member, else its leader). */
  responsible: Record<string, string>;
  /** person id → name, for everyone the round's cards mention. */
  names: Record<string, string>;
  checkingClosedAt?: string;
  closedAt?: string;
}
