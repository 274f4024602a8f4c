import type { CalendarData } from '../calendar/index.js';
import { DEFAULT_LIGHT_THRESHOLDS, type Light, type LightThresholds, lightOf } from '../lights.js';
import { endOfDay, localDate } from '../shanghai-time.js';
import { plannedProgress } from './planned.js';
import type { Project, ProjectProgress } from './types.js';

export interface ProjectLight {
  light: Light;
  plannedPercent: number;
  behindPoints?: number;
  /** Chinese, for the card and the ledger. */
  reasons: string[];
  notStarted: boolean;
}

/**
 * The project's light at `asOf` (the end of a reported period): red if it has not started by its planned start;
 * green once it is done; otherwise lights.ts's rule on actual against 序时进度 and the planned finish.
 */
export function projectLight(
  cal: CalendarData,
  project: Project,
  progress: ProjectProgress,
  asOf: string,
  thresholds: LightThresholds = DEFAULT_LIGHT_THRESHOLDS,
): ProjectLight {
  const plannedPercent = plannedProgress(cal, project, asOf);
  if (!progress.started && localDate(asOf) >= project.plannedStart) {
    return {
      light: 'red',
      plannedPercent,
      behindPoints: plannedPercent,
      reasons: [`计划 ${project.plannedStart} 开工，截至 ${localDate(asOf)} 仍未开工`],
      notStarted: true,
    };
  }
  if (progress.percent >= 100) return { light: 'green', plannedPercent, reasons: ['已完工'], notStarted: false };
  const r = lightOf(
    cal,
    { now: asOf, dueAt: endOfDay(project.plannedFinish), actualPercent: progress.percent, plannedPercent },
    thresholds,
  );
  return {
    light: r.light,
    plannedPercent,
    ...(r.behindPoints !== undefined ? { behindPoints: r.behindPoints } : {}),
    reasons: r.reasons,
    notStarted: false,
  };
}

/**
 * The rule that opens the 调整程序 (the seed: "对实施进度较慢或长期未实施的项目启动调整程序"): not started by the
 * planned start, or behind 序时进度 by more than the project's configured points. The reason is Chinese.
 */
export function adjustmentReason(project: Project, progress: ProjectProgress, light: ProjectLight): string | undefined {
  if (light.notStarted) return light.reasons[0];
  const behind = light.behindPoints ?? 0;
  if (behind > project.adjustBehindPoints) {
    return `完成进度 ${progress.percent}%，落后序时进度（${light.plannedPercent}%）${behind} 个百分点，超过 ${project.adjustBehindPoints} 个百分点`;
  }
  return undefined;
}
