import { describe, expect, it } from 'vitest';
import { assignTeams, cyclicAssignment, sattoloCycle } from '../../../domain/crosscheck/index.js';
import { TOWNSHIPS } from './fixtures.js';

/** The cycle containing 0 has length n exactly when the permutation is one n-cycle. */
function cycleLength(p: number[]): number {
  let len = 1;
  for (let i = p[0]!; i !== 0; i = p[i]!) len++;
  return len;
}

/** Every sequence of draws Sattolo's algorithm can make for n: draw(i) ∈ [0, i) for i = n-1 … 1. */
function* allDraws(n: number): Generator<number[]> {
  const bounds = Array.from({ length: n - 1 }, (_, k) => n - 1 - k);
  const pick = new Array<number>(bounds.length).fill(0);
  for (;;) {
    yield [...pick];
    let k = bounds.length - 1;
    while (k >= 0 && pick[k] === bounds[k]! - 1) pick[k--] = 0;
    if (k < 0) return;
    pick[k]! += 1;
  }
}

/** Why `p` is not a single cycle over 0..n-1 (so a fixed point or a mutual pair), or undefined. */
function cycleProblem(p: number[]): string | undefined {
  const n = p.length;
  if ([...p].sort((a, b) => a - b).join() !== [...Array(n).keys()].join()) return `not a permutation ${p}`;
  if (cycleLength(p) !== n) return `not one ${n}-cycle: ${p}`;
  for (let i = 0; i < n; i++) {
    if (p[i] === i) return `team ${i} inspects its own township`;
    if (n >= 3 && p[p[i]!] === i) return `townships ${i} and ${p[i]} inspect each other`;
  }
  return undefined;
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe('team ↔ township assignment', () => {
  it('is, for every possible draw and n ≤ 7, a single n-cycle, and the draws reach every n-cycle exactly once', () => {
    // Exhaustive: the (n-1)! draw sequences give (n-1)! distinct n-cycles, i.e. all of them. So whatever the seeded
    // generator returns, the result is an n-cycle: nobody inspects their own township, and (n ≥ 3) no two
    // townships inspect each other.
    for (let n = 2; n <= 7; n++) {
      const seen = new Set<string>();
      const violations: string[] = [];
      for (const draws of allDraws(n)) {
        let k = 0;
        const p = sattoloCycle(n, () => draws[k++]!);
        const problem = cycleProblem(p);
        if (problem) violations.push(`n=${n} draws=${draws.join('')}: ${problem}`);
        seen.add(p.join(','));
      }
      expect(violations).toEqual([]);
      expect(seen.size).toBe(factorial(n - 1));
    }
  });

  it('never assigns a team its own township, nor two townships to each other, over 20 000 seeded rounds', () => {
    const violations: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      const p = cyclicAssignment(3 + (k % 10), `round-${k}`);
      const problem = cycleProblem(p);
      if (problem) violations.push(`round-${k}: ${problem}`);
    }
    expect(violations).toEqual([]);
  });

  it('is deterministic per round id and spreads over every possible pairing across rounds', () => {
    expect(cyclicAssignment(7, 'cc-2024h1')).toEqual(cyclicAssignment(7, 'cc-2024h1'));
    const counts = Array.from({ length: 7 }, () => new Array<number>(7).fill(0));
    const distinct = new Set<string>();
    const rounds = 12_000;
    for (let k = 0; k < rounds; k++) {
      const p = cyclicAssignment(7, `cc-${k}`);
      distinct.add(p.join(','));
      p.forEach((target, i) => {
        counts[i]![target]! += 1;
      });
    }
    // 720 = 6! seven-cycles exist; a fair draw over 12 000 rounds meets essentially all of them.
    expect(distinct.size).toBeGreaterThan(700);
    for (let i = 0; i < 7; i++) {
      expect(counts[i]![i]).toBe(0);
      // Each of the 6 other townships should come up about 1/6 of the time.
      for (let j = 0; j < 7; j++) if (j !== i) expect(counts[i]![j]! / rounds).toBeGreaterThan(0.14);
    }
  });

  it('builds one team per township of the demo county, each inspecting another, with its own lead', () => {
    const r = assignTeams(TOWNSHIPS, 'cc-2024h1');
    if (!r.ok) throw new Error(r.message);
    expect(r.teams).toHaveLength(7);
    expect(new Set(r.teams.map((t) => t.inspectsTownshipId)).size).toBe(7);
    for (const t of r.teams) {
      expect(t.inspectsTownshipId).not.toBe(t.fromTownshipId);
      expect(t.leadId).toBe(`p-${t.fromTownshipId}-mayor`);
      const back = r.teams.find((x) => x.fromTownshipId === t.inspectsTownshipId)!;
      expect(back.inspectsTownshipId).not.toBe(t.fromTownshipId);
    }
    const again = assignTeams(TOWNSHIPS, 'cc-2024h1');
    expect(again).toEqual(r);
  });

  it('refuses what cannot be assigned fairly, saying why', () => {
    expect(assignTeams(TOWNSHIPS.slice(0, 2), 'x')).toEqual({
      ok: false,
      message: '交叉检查至少需要 3 个乡镇（街道），现有 2 个',
    });
    const twice = TOWNSHIPS.map((t, i) => (i === 1 ? { ...t, memberIds: ['p-songyang-staff'] } : t));
    expect(assignTeams(twice, 'x')).toMatchObject({ ok: false, message: expect.stringContaining('p-songyang-staff') });
    const noLead = TOWNSHIPS.map((t, i) => (i === 2 ? { ...t, leadId: '' } : t));
    expect(assignTeams(noLead, 'x')).toEqual({ ok: false, message: '小街镇没有可以担任检查组组长的人员' });
    expect(() => sattoloCycle(4, () => 3)).toThrow(RangeError);
  });
});
