import type { CalendarData } from '../calendar/index.js';
import { type Refusal, refuse } from '../items/refusal.js';
import { requireDate, requirePercent } from '../items/validate.js';
import type { LightThresholds } from '../lights.js';
import { formatWan } from '../loans/money.js';
import { localDate } from '../shanghai-time.js';
import type { ProjectEventBody } from './events.js';
import { adjustmentReason, projectLight } from './light.js';
import { periodEnd } from './planned.js';
import { type ProjectState, totalFunds } from './types.js';

/** A monthly report as the responsible unit fills it in on the card. */
export interface ReportCommand {
  period: string;
  started: boolean;
  startedOn?: string;
  percent: number;
  paidFen: number;
  note: string;
}

export interface ReportContext {
  actorId: string;
  now: string;
  /** The units the actor belongs to, resolved by the edge: anyone of the responsible unit may report. */
  actorUnitIds?: string[];
}

export type ReportDecision =
  | { ok: true; event: Extract<ProjectEventBody, { type: 'reported' }>; adjustment?: string; complete: boolean }
  | Refusal;

/**
 * Checks a monthly report (who, which period, values) and judges it: the light against 序时进度 at the end of the
 * period, whether the 调整程序 rule fires, and whether the project is finished (100% done, every 分 paid).
 * Pure, with the calendar passed in: the project workflow's Update validator and handler both call it.
 */
export function decideReport(
  state: ProjectState,
  cmd: ReportCommand,
  ctx: ReportContext,
  cal: CalendarData,
  thresholds?: LightThresholds,
): ReportDecision {
  const { project } = state;
  const refusal = checkReport(state, cmd, ctx);
  if (refusal) return refusal;
  const progress = {
    started: cmd.started,
    ...(cmd.started && cmd.startedOn ? { startedOn: cmd.startedOn } : {}),
    percent: cmd.percent,
    paidFen: cmd.paidFen,
  };
  const judged = projectLight(cal, project, progress, periodEnd(cmd.period), thresholds);
  const adjustment = adjustmentReason(project, progress, judged);
  return {
    ok: true,
    event: {
      type: 'reported',
      report: {
        period: cmd.period,
        ...progress,
        note: cmd.note.trim(),
        plannedPercent: judged.plannedPercent,
        light: judged.light,
        ...(judged.behindPoints !== undefined ? { behindPoints: judged.behindPoints } : {}),
        reasons: judged.reasons,
      },
    },
    ...(adjustment ? { adjustment } : {}),
    complete: cmd.percent === 100 && cmd.paidFen >= totalFunds(project),
  };
}

function checkReport(state: ProjectState, cmd: ReportCommand, ctx: ReportContext): Refusal | undefined {
  const { project } = state;
  const today = localDate(ctx.now);
  const open = state.requested.at(-1);
  if (ctx.actorId !== project.reporterId && !ctx.actorUnitIds?.includes(project.unitId)) {
    return refuse('not_assignee', '只有项目责任单位的人员可以填报月报');
  }
  if (state.status === 'completed') return refuse('not_allowed_in_state', '项目已完工并支付完毕，无需再填报');
  if (!open) return refuse('not_allowed_in_state', '目前没有待填报的月报');
  if (cmd.period !== open) {
    return refuse(
      'not_allowed_in_state',
      `${periodLabel(cmd.period)}月报已截止，请在${periodLabel(open)}月报卡片上填报`,
    );
  }
  if (typeof cmd.started !== 'boolean') return refuse('invalid_value', '请选择是否已开工');
  const funds = totalFunds(project);
  return (
    (cmd.started
      ? (requireDate(cmd.startedOn, '开工日期') ??
        (cmd.startedOn! > today ? refuse('invalid_value', `开工日期 ${cmd.startedOn} 不能晚于今天`) : undefined))
      : undefined) ??
    requirePercent(cmd.percent) ??
    (!cmd.started && cmd.percent > 0 ? refuse('invalid_value', '未开工的项目完成进度应为 0') : undefined) ??
    (typeof cmd.paidFen !== 'number' || !Number.isSafeInteger(cmd.paidFen) || cmd.paidFen < 0
      ? refuse('invalid_value', '请填写累计支付金额（万元），最多六位小数')
      : undefined) ??
    (cmd.paidFen > funds
      ? refuse('invalid_value', `累计支付 ${formatWan(cmd.paidFen)} 万元超过项目资金 ${formatWan(funds)} 万元`)
      : undefined) ??
    (cmd.paidFen < state.progress.paidFen
      ? refuse('invalid_value', `累计支付不能少于上次填报的 ${formatWan(state.progress.paidFen)} 万元`)
      : undefined) ??
    (typeof cmd.note !== 'string' || cmd.note.length > 500
      ? refuse('invalid_value', '情况说明不能超过 500 个字')
      : undefined)
  );
}

/** '2024-06' → '2024年6月' */
export function periodLabel(period: string): string {
  return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
}
