import type { CalendarData } from '../calendar/index.js';
import { LIGHT_LABELS, type Light, type LightThresholds, lightOf } from '../lights.js';
import { daysInMonth } from '../month.js';
import { endOfDay } from '../shanghai-time.js';
import { type Fen, percentOf } from './money.js';

export interface TargetProgress {
  year: number;
  asOf: string;
  targetFen: Fen;
  actualFen: Fen;
  /** Done so far, percent of the target, one decimal (38.6). */
  actualPercent: number;
  /** 序时进度 of an annual target: the share of the year gone by, one decimal (50.0 at 30 June). */
  plannedPercent: number;
  /** Points behind 序时进度 (negative when ahead), one decimal. */
  behindPoints: number;
  light: Light;
  /** Chinese, for the report. */
  summary: string;
}

/**
 * An annual target (such as 新增贷款 500 万元) against 序时进度. For a year's target the plan is even by month, as
 * county reports count it: at the end of June half the year has gone by. The light comes from domain/lights.ts.
 */
export function targetProgress(
  cal: CalendarData,
  input: { year: number; targetFen: Fen; actualFen: Fen; asOf: string },
  thresholds?: LightThresholds,
): TargetProgress {
  const actualPercent = percentOf(input.actualFen, input.targetFen, 1) ?? 0;
  const plannedPercent = yearElapsedPercent(input.year, input.asOf);
  const behindPoints = Math.round((plannedPercent - actualPercent) * 10) / 10;
  const light = lightOf(
    cal,
    { now: endOfDay(input.asOf), dueAt: endOfDay(`${input.year}-12-31`), actualPercent, plannedPercent },
    thresholds,
  ).light;
  const gap =
    behindPoints > 0 ? `落后 ${behindPoints.toFixed(1)} 个百分点` : `超前 ${(-behindPoints).toFixed(1)} 个百分点`;
  return {
    ...input,
    actualPercent,
    plannedPercent,
    behindPoints,
    light,
    summary: `完成 ${actualPercent.toFixed(1)}%，序时进度 ${plannedPercent.toFixed(1)}%，${gap}（${LIGHT_LABELS[light]}）`,
  };
}

/** Months gone by (the current one pro rata by day) over twelve, in percent with one decimal. */
export function yearElapsedPercent(year: number, asOf: string): number {
  if (asOf < `${year}-01-01`) return 0;
  if (asOf > `${year}-12-31`) return 100;
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  const days = daysInMonth(year, month);
  return Math.round(((month - 1 + day / days) / 12) * 1000) / 10;
}
