import type { VillageScore } from './breakdown.js';
import type { RuleSet } from './rules.js';

/** Where a village stood after the last published list; carried into the next month's selection. */
export interface PriorStatus {
  onBlack: boolean;
  /** Consecutive compliant months while on the black list. */
  compliantStreak: number;
  lastTenths?: number;
}

export type Priors = Record<string, PriorStatus>;

export interface Standing {
  villageId: string;
  name: string;
  townshipId: string;
  townshipName: string;
  tenths: number;
  ranked: boolean;
  /** Competition ranking within the group ("1224"): 1 + the number of villages scoring strictly higher. */
  rank?: number;
  /** Villages ranked in the group. */
  of?: number;
  tied?: boolean;
}

/**
 * Why a village is on the black list: newly among the bottom ranks; still there and not compliant this month;
 * compliant but short of the months needed to leave; or carried over without enough data to judge.
 */
export type BlackReason = 'new' | 'again' | 'observing' | 'unranked';

export interface BlackEntry extends Standing {
  reason: BlackReason;
  streak: number;
}

export interface Selection {
  /** Ranked villages, by group then rank. */
  standings: Standing[];
  unranked: Standing[];
  red: Standing[];
  black: BlackEntry[];
  /** Left the black list this month after enough compliant months. */
  exited: (Standing & { streak: number })[];
  /** Input for next month's selection. */
  statuses: Record<string, PriorStatus>;
}

/**
 * Picks the red and black lists. Ties share a rank and are all listed, even past the list size. Villages without
 * enough data are never ranked (the missing inspection is not the village's doing). The black list is sticky:
 * a village stays on it until `exit.compliantMonths` consecutive months at or above `exit.compliantScore`.
 */
export function selectLists(scores: VillageScore[], rules: RuleSet, priors: Priors): Selection {
  const standings = rank(
    scores.filter((s) => s.ranked),
    rules,
  );
  const unranked = scores.filter((s) => !s.ranked).map(standing);
  const byId = new Map([...standings, ...unranked].map((s) => [s.villageId, s]));
  const black = new Map<string, BlackEntry>();
  const exited: Selection['exited'] = [];

  for (const [villageId, prior] of Object.entries(priors).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const s = byId.get(villageId);
    if (!prior.onBlack || !s) continue;
    if (!s.ranked) {
      black.set(villageId, { ...s, reason: 'unranked', streak: prior.compliantStreak });
    } else if (s.tenths >= rules.exit.compliantScore * 10) {
      const streak = prior.compliantStreak + 1;
      if (streak >= rules.exit.compliantMonths) exited.push({ ...s, streak });
      else black.set(villageId, { ...s, reason: 'observing', streak });
    } else {
      black.set(villageId, { ...s, reason: 'again', streak: 0 });
    }
  }

  const bottomRank = (s: Standing) =>
    1 + standings.filter((o) => group(rules, o) === group(rules, s) && o.tenths < s.tenths).length;
  for (const s of standings) {
    if (black.has(s.villageId) || exited.some((e) => e.villageId === s.villageId)) continue;
    if (bottomRank(s) <= rules.lists.black.size && s.tenths < rules.lists.black.belowScore * 10) {
      black.set(s.villageId, { ...s, reason: 'new', streak: 0 });
    }
  }
  const red = standings.filter(
    (s) => s.rank! <= rules.lists.red.size && s.tenths >= rules.lists.red.minScore * 10 && !black.has(s.villageId),
  );

  const statuses: Record<string, PriorStatus> = {};
  for (const s of [...standings, ...unranked]) {
    const b = black.get(s.villageId);
    const last = s.ranked ? s.tenths : priors[s.villageId]?.lastTenths;
    statuses[s.villageId] = {
      onBlack: b !== undefined,
      compliantStreak: b ? b.streak : 0,
      ...(last !== undefined ? { lastTenths: last } : {}),
    };
  }
  const blackList = [...black.values()].sort((a, b) => a.tenths - b.tenths || (a.villageId < b.villageId ? -1 : 1));
  return { standings, unranked, red, black: blackList, exited, statuses };
}

function group(rules: RuleSet, s: Pick<Standing, 'townshipId'>): string {
  return rules.lists.scope === 'county' ? 'county' : s.townshipId;
}

function standing(s: VillageScore): Standing {
  return {
    villageId: s.villageId,
    name: s.name,
    townshipId: s.townshipId,
    townshipName: s.townshipName,
    tenths: s.tenths,
    ranked: s.ranked,
  };
}

function rank(ranked: VillageScore[], rules: RuleSet): Standing[] {
  const groups = new Map<string, VillageScore[]>();
  for (const s of ranked) groups.set(group(rules, s), [...(groups.get(group(rules, s)) ?? []), s]);
  const out: Standing[] = [];
  for (const key of [...groups.keys()].sort((a, b) => (a < b ? -1 : 1))) {
    const members = groups.get(key)!;
    const sorted = [...members].sort((a, b) => b.tenths - a.tenths || (a.villageId < b.villageId ? -1 : 1));
    for (const s of sorted) {
      const higher = members.filter((o) => o.tenths > s.tenths).length;
      const same = members.filter((o) => o.tenths === s.tenths).length;
      out.push({ ...standing(s), rank: higher + 1, of: members.length, tied: same > 1 });
    }
  }
  return out;
}
