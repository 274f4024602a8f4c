import type { VillageScore } from './breakdown.js';
import { pts } from './format.js';
import type { RuleSet } from './rules.js';
import type { BlackEntry, PriorStatus, Standing } from './select.js';

/**
 * The short text published for each listed village. It is written from the village's own numbers and the problems
 * the inspectors wrote down, clause by clause, and a clause is left out when there is nothing specific to say:
 * the same sentence for every village is exactly the 通报 boilerplate practice warns against.
 */

function place(s: Standing, rules: RuleSet): string {
  const scope = rules.lists.scope === 'county' ? '全县' : s.townshipName;
  return `列${scope}${s.tied ? '并列' : ''}第 ${s.rank} 名（共 ${s.of} 个参评村）`;
}

function inspectionClause(score: VillageScore, side: 'red' | 'black'): string {
  const insp = [...score.facts.inspections].sort((a, b) => a.score - b.score);
  if (insp.length === 0) return '';
  const best = insp[insp.length - 1]!;
  const worst = insp[0]!;
  if (best.score === worst.score) return `人居环境 ${insp.length} 项检查均为 ${best.score} 分`;
  if (side === 'red') {
    const avg = insp.reduce((s, i) => s + i.score, 0) / insp.length;
    return `人居环境 ${insp.length} 项检查平均 ${avg.toFixed(1)} 分，${best.label} ${best.score} 分最高、${worst.label} ${worst.score} 分最低`;
  }
  const weak = insp.filter((i) => i.score < 80).slice(0, 3);
  if (weak.length === 0) return `人居环境检查最低为${worst.label} ${worst.score} 分`;
  const parts = weak.map((i) => `${i.label} ${i.score} 分${i.problems.length ? `（${i.problems.join('、')}）` : ''}`);
  return `检查失分集中在${parts.join('，')}`;
}

function itemClause(score: VillageScore, side: 'red' | 'black'): string {
  const f = score.facts;
  const parts: string[] = [];
  if (f.due > 0) {
    if (f.onTime === f.due) parts.push(`本月到期督办事项 ${f.due} 件全部按期办结`);
    else if (f.onTime === 0) parts.push(`本月到期督办事项 ${f.due} 件${f.due > 1 ? '均' : ''}未按期办结`);
    else parts.push(`本月到期督办事项 ${f.due} 件${side === 'black' ? '仅' : ''}按期办结 ${f.onTime} 件`);
  }
  if (f.overdueOpen > 0) {
    const named = f.overdueTitles
      .slice(0, 2)
      .map((t) => `《${t}》`)
      .join('、');
    const more = f.overdueOpen > 2 ? '等' : '';
    parts.push(`${named}${more} ${f.overdueOpen} 件逾期未办结`);
  }
  if (f.returns > 0) parts.push(`被退回 ${f.returns} 次`);
  if (f.escalatedL3 > 0) parts.push(`${f.escalatedL3} 件升级至县领导督办`);
  return parts.join('，');
}

function trendClause(score: VillageScore, prior: PriorStatus | undefined): string {
  if (prior?.lastTenths === undefined) return '';
  const delta = score.tenths - prior.lastTenths;
  if (delta === 0) return '与上月持平';
  return `较上月${delta > 0 ? '提高' : '下降'} ${pts(Math.abs(delta))} 分`;
}

const sentence = (parts: string[]) => {
  const body = parts.filter(Boolean).join('；');
  return body ? `${body}。` : '';
};

export function redText(score: VillageScore, s: Standing, rules: RuleSet, prior?: PriorStatus): string {
  const head = `${s.name} ${pts(s.tenths)} 分，${place(s, rules)}。`;
  return head + sentence([inspectionClause(score, 'red'), itemClause(score, 'red'), trendClause(score, prior)]);
}

export function blackText(score: VillageScore, b: BlackEntry, rules: RuleSet): string {
  const head = b.ranked
    ? `${b.name} ${pts(b.tenths)} 分，${place(b, rules)}。`
    : `${b.name}本月检查数据不全（缺${score.facts.missingDimensions.join('、')}），未参与排名。`;
  const status: Record<BlackEntry['reason'], string> = {
    new: '',
    again: `上月已列黑榜，本月仍未达到 ${rules.exit.compliantScore} 分达标线`,
    observing: `上月列黑榜，本月已达标，须连续 ${rules.exit.compliantMonths} 个月达标方可出榜（已连续 ${b.streak} 个月）`,
    unranked: '上月列黑榜，本月无法认定达标，继续列入黑榜',
  };
  return head + sentence([inspectionClause(score, 'black'), itemClause(score, 'black'), status[b.reason]]);
}

export function exitText(s: Standing & { streak: number }, rules: RuleSet): string {
  return `${s.name}本月 ${pts(s.tenths)} 分，已连续 ${s.streak} 个月达到 ${rules.exit.compliantScore} 分达标线，移出黑榜。`;
}
