import type { Team, TownshipRoster } from './types.js';

/**
 * Team ↔ township assignment. A round's teams are the townships themselves (each sends one team); team i inspects
 * township p[i] where p is a uniformly random *cyclic* permutation (one n-cycle), drawn with Sattolo's algorithm
 * from a generator seeded by the round id. Why a single cycle:
 * - an n-cycle with n ≥ 2 moves every element, so no team is ever assigned its own township (a derangement);
 * - with n ≥ 3 it has no 2-cycles either, so no two townships inspect each other (互查 would invite trading favours);
 * - each township is inspected by exactly one team, because p is a permutation.
 * The same round id always gives the same assignment (a replayed workflow or a re-rendered report agrees).
 */
export function cyclicAssignment(n: number, seed: string): number[] {
  const next = mulberry32(fnv1a(seed));
  return sattoloCycle(n, (bound) => Math.floor(next() * bound));
}

/**
 * Sattolo's algorithm with the random draws supplied: `draw(i)` returns an integer in [0, i). Each of the (n-1)!
 * possible draw sequences gives a different n-cycle, so it is a bijection onto the cyclic permutations; the unit
 * tests enumerate every sequence for n ≤ 7 to check exactly that.
 */
export function sattoloCycle(n: number, draw: (bound: number) => number): number[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`交叉检查至少需要 2 个乡镇（街道），现有 ${n} 个`);
  const p = Array.from({ length: n }, (_, i) => i);
  // j is drawn from [0, i), never i itself: this is what makes the result a single cycle.
  for (let i = n - 1; i > 0; i--) {
    const j = draw(i);
    if (!Number.isInteger(j) || j < 0 || j >= i) throw new RangeError(`draw(${i}) returned ${j}`);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

export type AssignResult = { ok: true; teams: Team[] } | { ok: false; message: string };

/** One team per township, each inspecting another township by the round's cyclic assignment. */
export function assignTeams(townships: TownshipRoster[], seed: string): AssignResult {
  if (townships.length < 3)
    return { ok: false, message: `交叉检查至少需要 3 个乡镇（街道），现有 ${townships.length} 个` };
  const ids = new Set(townships.map((t) => t.id));
  if (ids.size !== townships.length) return { ok: false, message: '乡镇（街道）重复' };
  const noLead = townships.find((t) => !t.leadId);
  if (noLead) return { ok: false, message: `${noLead.name}没有可以担任检查组组长的人员` };
  const seen = new Map<string, string>();
  for (const t of townships) {
    for (const person of [t.leadId, ...t.memberIds]) {
      const other = seen.get(person);
      if (other && other !== t.id) return { ok: false, message: `人员 ${person} 不能同时参加两个检查组` };
      seen.set(person, t.id);
    }
  }
  const p = cyclicAssignment(townships.length, seed);
  const teams = townships.map((from, i): Team => {
    const target = townships[p[i]!]!;
    return {
      no: i + 1,
      fromTownshipId: from.id,
      fromName: from.name,
      inspectsTownshipId: target.id,
      inspectsName: target.name,
      leadId: from.leadId,
      memberIds: from.memberIds.filter((m) => m !== from.leadId),
    };
  });
  return { ok: true, teams };
}

/** FNV-1a over UTF-16 code units: a small, stable string hash (no Node crypto in domain code). */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded generator with good spread, returning [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
