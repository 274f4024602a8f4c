import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, NO_OVERRIDES, type Priors, type RuleSet, rankMonth } from '../../../domain/ranking/index.js';
import { fixtureVillages, MONTH } from './fixture-month.js';

const villages = fixtureVillages();
const rank = (priors: Priors = {}, rules: RuleSet = DEFAULT_RULE_SET, overrides = NO_OVERRIDES) =>
  rankMonth(MONTH, villages, rules, priors, overrides);
const ids = (list: { villageId: string }[]) => list.map((s) => s.villageId);

describe('selecting the red and black lists', () => {
  it('puts the top 5 ranks (≥ 85) on the red list and the bottom 3 ranks (< 75) on the black list', () => {
    const { selection } = rank();
    expect(ids(selection.red)).toEqual([
      'yanglin-v1',
      'songyang-v2',
      'xiaojie-v1',
      'dianyuan-v1',
      'aziying-v1',
      'yangqiao-v2',
    ]);
    expect(ids(selection.black)).toEqual(['xiaojie-v2', 'niulanjiang-v1', 'yangqiao-v3']);
    expect(selection.black.every((b) => b.reason === 'new')).toBe(true);
    expect(selection.standings).toHaveLength(19);
  });

  it('lets tied villages share a rank, and lists both when the tie sits on the red list’s edge', () => {
    const { selection } = rank();
    const at = (id: string) => selection.standings.find((s) => s.villageId === id)!;
    expect([at('yangqiao-v2').rank, at('aziying-v1').rank]).toEqual([5, 5]);
    expect(at('yangqiao-v2').tied && at('aziying-v1').tied).toBe(true);
    expect(at('yangqiao-v1').rank).toBe(7);
    expect([at('niulanjiang-v3').rank, at('aziying-v2').rank]).toEqual([11, 11]);
    expect(at('dianyuan-v3').rank).toBe(13);
    expect(at('yanglin-v1').tied).toBe(false);
  });

  it('does not rank villages with missing inspections, and says what is missing', () => {
    const r = rank();
    expect(ids(r.selection.unranked)).toEqual(['dianyuan-v2', 'aziying-v3']);
    const missing = (id: string) => r.scores.find((s) => s.villageId === id)!.facts.missingDimensions;
    expect(missing('dianyuan-v2')).toEqual(['厕所', '垃圾', '污水', '村容村貌', '长效管护']);
    expect(missing('aziying-v3')).toEqual(['村容村貌', '长效管护']);
  });

  it('never black-lists a village at or above the black-list score line, even at the bottom', () => {
    const lenient = { ...DEFAULT_RULE_SET, lists: { ...DEFAULT_RULE_SET.lists, black: { size: 3, belowScore: 60 } } };
    expect(ids(rank({}, lenient).selection.black)).toEqual(['xiaojie-v2', 'niulanjiang-v1']);
  });

  it('keeps a village on the black list until two consecutive compliant months, then lets it leave', () => {
    const priors: Priors = {
      'niulanjiang-v3': { onBlack: true, compliantStreak: 1, lastTenths: 810 }, // 82.4 now: second compliant month
      'yanglin-v2': { onBlack: true, compliantStreak: 0, lastTenths: 700 }, // 84.0 now: first compliant month
      'niulanjiang-v2': { onBlack: true, compliantStreak: 1, lastTenths: 820 }, // 77.6 now: not compliant
      'dianyuan-v2': { onBlack: true, compliantStreak: 1 }, // not inspected this month
    };
    const { selection, texts } = rank(priors);
    expect(ids(selection.exited)).toEqual(['niulanjiang-v3']);
    const reasons = Object.fromEntries(selection.black.map((b) => [b.villageId, [b.reason, b.streak]]));
    expect(reasons).toEqual({
      'xiaojie-v2': ['new', 0],
      'niulanjiang-v1': ['new', 0],
      'yangqiao-v3': ['new', 0],
      'niulanjiang-v2': ['again', 0],
      'yanglin-v2': ['observing', 1],
      'dianyuan-v2': ['unranked', 1],
    });
    expect(selection.statuses['niulanjiang-v3']).toEqual({ onBlack: false, compliantStreak: 0, lastTenths: 824 });
    expect(selection.statuses['yanglin-v2']).toEqual({ onBlack: true, compliantStreak: 1, lastTenths: 840 });
    expect(texts['niulanjiang-v3']).toBe('牛栏江镇对龙村本月 82.4 分，已连续 2 个月达到 80 分达标线，移出黑榜。');
    // A village in its observation months is not put on the red list, whatever it scores.
    const watched = rank({ 'yanglin-v1': { onBlack: true, compliantStreak: 0 } }).selection;
    expect(ids(watched.red)).not.toContain('yanglin-v1');
    expect(watched.black.find((b) => b.villageId === 'yanglin-v1')?.reason).toBe('observing');
  });

  it('an accepted appeal that leaves an item out can move a village off the list and another onto it', () => {
    const { selection } = rank({}, DEFAULT_RULE_SET, { voidedInspectionIds: [], excludedItemIds: ['RH-T-FG-2'] });
    expect(ids(selection.black)).toEqual(['xiaojie-v2', 'niulanjiang-v1', 'songyang-v3']);
  });

  it('picks lists per township when the rules say so', () => {
    const perTownship: RuleSet = {
      ...DEFAULT_RULE_SET,
      lists: { scope: 'township', red: { size: 1, minScore: 85 }, black: { size: 1, belowScore: 75 } },
    };
    const { selection } = rank({}, perTownship);
    // 牛栏江镇's best village scores 82.4, under the red list's 85: that township has no red entry.
    expect(ids(selection.red)).toEqual([
      'aziying-v1',
      'dianyuan-v1',
      'songyang-v2',
      'xiaojie-v1',
      'yanglin-v1',
      'yangqiao-v2',
    ]);
    expect(ids(selection.black)).toEqual(['xiaojie-v2', 'niulanjiang-v1', 'yangqiao-v3', 'songyang-v3']);
    const xj = selection.standings.filter((s) => s.townshipId === 'xiaojie');
    expect(xj.map((s) => [s.villageId, s.rank, s.of])).toEqual([
      ['xiaojie-v1', 1, 3],
      ['xiaojie-v3', 2, 3],
      ['xiaojie-v2', 3, 3],
    ]);
  });
});
