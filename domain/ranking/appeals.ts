import type { LineRef, ScoreLine } from './breakdown.js';
import { signedPts } from './format.js';
import type { Overrides } from './inputs.js';

/**
 * The rules of the appeal window (申诉) and of approval, as pure checks. The workflow runs them in its Update
 * validators, so a refused click changes nothing and the refusal (in Chinese) goes back to the clicker.
 */

export type RankingPhase =
  | 'appeal'
  | 'review'
  | 'approval'
  | 'sent_back'
  | 'recomputing'
  | 'publishing'
  | 'published'
  | 'skipped';

/** A line a village may contest: what accepting the appeal acts on, and the line as the village saw it. */
export interface AppealableLine {
  target: LineRef;
  text: string;
}

export interface Appeal {
  id: string;
  villageId: string;
  lineId: string;
  /** The contested line as it read when the appeal was filed (an accepted appeal removes it from the draft). */
  lineText: string;
  target: LineRef;
  reason: string;
  appellantId: string;
  filedAt: string;
  status: 'pending' | 'accepted' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
}

/** Who may do what in this month's process; resolved from the org when the run starts. */
export interface Roster {
  /** villageId → the village's leaders (村/社区书记), who may appeal for it. */
  villageLeaders: Record<string, string[]>;
  /** 督查室 staff: decide appeals, resubmit after a send-back. */
  supervisors: string[];
  /** 县委书记 and the 分管 county leader of the rules' domain: approve or send back. */
  approvers: string[];
}

export interface ProcessView {
  phase: RankingPhase;
  appealsCloseAt: string;
  roster: Roster;
  /** villageId → lineId → the lines a village may contest. */
  appealable: Record<string, Record<string, AppealableLine>>;
  appeals: Appeal[];
}

export interface RankingRefusal {
  code: 'not_allowed' | 'wrong_phase' | 'invalid_value' | 'duplicate' | 'not_found';
  message: string;
}

const refuse = (code: RankingRefusal['code'], message: string): RankingRefusal => ({ code, message });

export function checkAppeal(
  v: ProcessView,
  a: { actorId: string; villageId: string; lineId: string; reason: string },
  now: string,
): RankingRefusal | undefined {
  if (v.phase !== 'appeal' || Date.parse(now) >= Date.parse(v.appealsCloseAt)) {
    return refuse('wrong_phase', '申诉期已结束，不能再提出申诉');
  }
  if (!(v.roster.villageLeaders[a.villageId] ?? []).includes(a.actorId)) {
    return refuse('not_allowed', '只有本村（社区）书记可以对本村得分提出申诉');
  }
  if (typeof a.reason !== 'string' || a.reason.trim().length < 4)
    return refuse('invalid_value', '请写明申诉理由（至少 4 个字）');
  if (a.reason.length > 500) return refuse('invalid_value', '申诉理由不能超过 500 个字');
  if (!v.appealable[a.villageId]?.[a.lineId]) return refuse('invalid_value', '请选择要申诉的得分项');
  if (v.appeals.some((x) => x.villageId === a.villageId && x.lineId === a.lineId)) {
    return refuse('duplicate', '该得分项已提出过申诉，请勿重复提交');
  }
  return undefined;
}

export function checkDecision(
  v: ProcessView,
  d: { actorId: string; appealId: string; accept: boolean; note: string },
): RankingRefusal | undefined {
  if (!v.roster.supervisors.includes(d.actorId)) return refuse('not_allowed', '只有县委督查室可以审核申诉');
  const appeal = v.appeals.find((x) => x.id === d.appealId);
  if (!appeal) return refuse('not_found', '申诉不存在');
  if (appeal.status !== 'pending') return refuse('duplicate', '该申诉已审核，无需重复操作');
  if (!d.accept && (typeof d.note !== 'string' || d.note.trim().length < 2)) {
    return refuse('invalid_value', '驳回申诉须写明理由');
  }
  return undefined;
}

export function checkApproval(
  v: ProcessView & { approvalRound: number },
  d: { actorId: string; approve: boolean; reason: string; round: number },
): RankingRefusal | undefined {
  if (!v.roster.approvers.includes(d.actorId)) {
    return refuse('not_allowed', '只有县委书记或分管县领导可以审定红黑榜');
  }
  if (v.phase !== 'approval') return refuse('wrong_phase', PHASE_REFUSALS[v.phase]);
  if (d.round !== v.approvalRound) return refuse('wrong_phase', '这张审定卡片已过期，请在最新的审定卡片上操作');
  if (!d.approve && (typeof d.reason !== 'string' || d.reason.trim().length < 2)) {
    return refuse('invalid_value', '退回修改须写明理由');
  }
  return undefined;
}

export function checkResubmit(v: ProcessView, actorId: string): RankingRefusal | undefined {
  if (!v.roster.supervisors.includes(actorId)) return refuse('not_allowed', '只有县委督查室可以重新提交审定');
  if (v.phase !== 'sent_back') return refuse('wrong_phase', PHASE_REFUSALS[v.phase]);
  return undefined;
}

const PHASE_REFUSALS: Record<RankingPhase, string> = {
  appeal: '红黑榜尚在申诉期，申诉期结束后才能审定',
  review: '尚有申诉未审核完毕，审核完毕后才能审定',
  approval: '红黑榜正在等待领导小组审定',
  sent_back: '红黑榜已退回督查室修改，待重新提交后再审定',
  recomputing: '红黑榜正在重新计算，请稍后在新的审定卡片上操作',
  publishing: '红黑榜正在发布',
  published: '红黑榜已发布',
  skipped: '该月红黑榜已发布过，本次不再办理',
};

/** The accepted appeals' effects, for recomputing the draft. */
export function overridesFrom(appeals: Appeal[]): Overrides {
  const accepted = appeals.filter((a) => a.status === 'accepted');
  return {
    voidedInspectionIds: accepted.flatMap((a) => (a.target.kind === 'inspection' ? [a.target.id] : [])),
    excludedItemIds: [...new Set(accepted.flatMap((a) => (a.target.kind === 'item' ? [a.target.id] : [])))],
  };
}

/** The lines each village may contest in a computed month. */
export function appealableLines(
  scores: { villageId: string; lines: ScoreLine[] }[],
): Record<string, Record<string, AppealableLine>> {
  const out: Record<string, Record<string, AppealableLine>> = {};
  for (const s of scores) {
    const lines: Record<string, AppealableLine> = {};
    for (const l of s.lines) {
      if (l.appealable && l.ref)
        lines[l.id] = { target: l.ref, text: `${l.label} ${signedPts(l.tenths)}：${l.detail}` };
    }
    out[s.villageId] = lines;
  }
  return out;
}
