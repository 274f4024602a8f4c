import { type CalendarData, workdaysBetween } from './calendar/index.js';

/**
 * The 红黄绿灯 of an open item. Thresholds are configuration (银川's practice: 10–30 points behind
 * 序时进度 is yellow, more than 30 red); time is an argument.
 */
export type Light = 'green' | 'yellow' | 'red';

export interface LightThresholds {
  /** Yellow when the deadline is this many working days away or fewer. */
  yellowWithinWorkdays: number;
  yellowBehindPoints: number;
  redBehindPoints: number;
}

export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = Object.freeze({
  yellowWithinWorkdays: 2,
  yellowBehindPoints: 10,
  redBehindPoints: 30,
});

export interface LightInput {
  now: string;
  /** The working deadline (moves with approved extensions). */
  dueAt: string;
  /** Reported completion, 0–100, when the item tracks progress. */
  actualPercent?: number;
  /** 序时进度: where the plan says it should be now, 0–100. */
  plannedPercent?: number;
}

export interface LightResult {
  light: Light;
  /** Why, in Chinese, for cards and the dashboard. */
  reasons: string[];
  workdaysLeft: number;
  behindPoints?: number;
}

export function lightOf(
  cal: CalendarData,
  input: LightInput,
  t: LightThresholds = DEFAULT_LIGHT_THRESHOLDS,
): LightResult {
  const overdue = Date.parse(input.now) > Date.parse(input.dueAt);
  const workdaysLeft = overdue
    ? -workdaysBetween(cal, input.dueAt, input.now)
    : workdaysBetween(cal, input.now, input.dueAt);
  const behind =
    input.plannedPercent !== undefined && input.actualPercent !== undefined
      ? Math.round(input.plannedPercent - input.actualPercent)
      : undefined;
  const reasons: string[] = [];
  let light: Light = 'green';
  if (overdue) {
    light = 'red';
    reasons.push(`已逾期 ${Math.max(1, -workdaysLeft)} 个工作日`);
  } else if (workdaysLeft <= t.yellowWithinWorkdays) {
    light = 'yellow';
    reasons.push(workdaysLeft <= 0 ? '今天到期' : `距期限仅剩 ${workdaysLeft} 个工作日`);
  }
  if (behind !== undefined && behind > t.redBehindPoints) {
    light = 'red';
    reasons.push(`落后序时进度 ${behind} 个百分点`);
  } else if (behind !== undefined && behind >= t.yellowBehindPoints) {
    if (light === 'green') light = 'yellow';
    reasons.push(`落后序时进度 ${behind} 个百分点`);
  }
  return { light, reasons, workdaysLeft, ...(behind !== undefined ? { behindPoints: behind } : {}) };
}

/** 序时进度 of a plan running from `start` to `due`, by working days elapsed; clamped to 0–100. */
export function plannedPercent(cal: CalendarData, start: string, due: string, now: string): number {
  const total = workdaysBetween(cal, start, due);
  if (total <= 0) return 100;
  const elapsed = workdaysBetween(cal, start, now);
  return Math.max(0, Math.min(100, Math.round((elapsed / total) * 100)));
}

export const LIGHT_LABELS: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
