import { pts } from './format.js';
import type { Ranking } from './ranking.js';

export interface RankingDiff {
  ruleChanged: boolean;
  scoreChanges: { villageId: string; name: string; from: number; to: number }[];
  joinedRed: string[];
  leftRed: string[];
  joinedBlack: string[];
  leftBlack: string[];
}

/** What changed between two computations of a month (e.g. the published list and a recomputation today). */
export function compareRankings(before: Ranking, after: Ranking): RankingDiff {
  const was = new Map(before.scores.map((s) => [s.villageId, s]));
  const scoreChanges = after.scores.flatMap((s) => {
    const old = was.get(s.villageId);
    return old && old.tenths !== s.tenths
      ? [{ villageId: s.villageId, name: s.name, from: old.tenths, to: s.tenths }]
      : [];
  });
  const names = (r: Ranking, list: 'red' | 'black') => new Set(r.selection[list].map((s) => s.name));
  const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x));
  return {
    ruleChanged: before.rule.name !== after.rule.name || before.rule.version !== after.rule.version,
    scoreChanges,
    joinedRed: minus(names(after, 'red'), names(before, 'red')),
    leftRed: minus(names(before, 'red'), names(after, 'red')),
    joinedBlack: minus(names(after, 'black'), names(before, 'black')),
    leftBlack: minus(names(before, 'black'), names(after, 'black')),
  };
}

/** One Chinese paragraph per kind of change; empty when nothing changed. */
export function describeDiff(d: RankingDiff): string[] {
  const lines: string[] = [];
  if (d.ruleChanged) lines.push('两次计算使用的评分规则版本不同');
  for (const c of d.scoreChanges) lines.push(`${c.name}：${pts(c.from)} → ${pts(c.to)} 分`);
  if (d.joinedRed.length) lines.push(`新进红榜：${d.joinedRed.join('、')}`);
  if (d.leftRed.length) lines.push(`退出红榜：${d.leftRed.join('、')}`);
  if (d.joinedBlack.length) lines.push(`新进黑榜：${d.joinedBlack.join('、')}`);
  if (d.leftBlack.length) lines.push(`退出黑榜：${d.leftBlack.join('、')}`);
  return lines;
}
