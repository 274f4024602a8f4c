import { pts, type Ranking, type Standing } from '../../domain/ranking/index.js';

/** What every ranking button carries: the card router sends `kind: 'ranking'` clicks to bot/ranking/card-route.ts. */
export type RankingAct = 'appeal' | 'accept' | 'reject' | 'approve' | 'send_back' | 'resubmit' | 'inspect';

export interface RankingActionValue {
  kind: 'ranking';
  act: RankingAct;
  /** The run's workflow id (not for 'inspect'). */
  wf?: string;
  village?: string;
  appeal?: string;
  /** Approval cards: the approval round the card asks about. */
  round?: number;
}

export function rankingValue(
  act: RankingAct,
  extra: Omit<RankingActionValue, 'kind' | 'act'> = {},
): RankingActionValue {
  return { kind: 'ranking', act, ...extra };
}

/** Form field names of the ranking cards. */
export const RANKING_FIELDS = {
  line: 'appeal_line',
  reason: 'appeal_reason',
  note: 'decision_note',
  sendBackReason: 'send_back_reason',
  village: 'inspect_village',
  month: 'inspect_month',
  date: 'inspect_date',
} as const;

export function place(s: Standing, scope: 'county' | 'township'): string {
  if (!s.ranked || s.rank === undefined) return '未参与排名';
  return `${scope === 'county' ? '全县' : s.townshipName}${s.tied ? '并列' : ''}第 ${s.rank} 名（共 ${s.of} 个）`;
}

/** '1. 杨林镇兰茂村 100.0 分' lines of a list. */
export function listLines(ranking: Ranking, list: 'red' | 'black' | 'exited'): string {
  const entries = ranking.selection[list];
  if (entries.length === 0) return '（无）';
  return entries
    .map((s, i) => {
      const reason = 'reason' in s ? BLACK_REASONS[s.reason as keyof typeof BLACK_REASONS] : '';
      return `${i + 1}. ${s.name} ${pts(s.tenths)} 分${reason ? `　${reason}` : ''}`;
    })
    .join('\n');
}

const BLACK_REASONS = { new: '新列入', again: '连续在榜', observing: '整改观察期', unranked: '数据不全，继续在榜' };

export function unrankedLine(ranking: Ranking): string {
  if (ranking.selection.unranked.length === 0) return '';
  const missing = (id: string) => ranking.scores.find((s) => s.villageId === id)?.facts.missingDimensions ?? [];
  const parts = ranking.selection.unranked.map((s) => `${s.name}（缺${missing(s.villageId).join('、')}）`);
  return `数据不全未参与排名：${parts.join('；')}`;
}

/** '7月8日 18:00' */
export function whenLabel(instant: string): string {
  const local = new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}
