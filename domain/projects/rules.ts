import { DEFAULT_LIGHT_THRESHOLDS, type LightThresholds } from '../lights.js';

/**
 * The county's project follow-up rules, as data: a report is asked for at the opening of the first working day of
 * each month (for the month before), chased after `remindWorkdays`; an adjustment item is 签收ed within
 * `signWorkdays` and due in `adjustWorkdays` working days. `adjustBehindPoints` is the default for projects whose
 * ledger row gives none.
 */
export interface ProjectRules {
  remindWorkdays: number;
  signWorkdays: number;
  adjustWorkdays: number;
  adjustBehindPoints: number;
  thresholds: LightThresholds;
}

export const DEFAULT_PROJECT_RULES: ProjectRules = Object.freeze({
  remindWorkdays: 3,
  signWorkdays: 1,
  adjustWorkdays: 10,
  adjustBehindPoints: 30,
  thresholds: DEFAULT_LIGHT_THRESHOLDS,
}) as ProjectRules;
