import { allProjectStates } from '../../db/projects/projects.js';
import type { LedgerPanel } from '../ledger-panel.js';
import { projectPanel } from './panel.js';

/** Every 衔接资金 project the viewer may see, with its light against 序时进度. */
export const projectLedgerPanel: LedgerPanel = async ({ env, calendar, visible, unitNames }) => {
  const projects = (await allProjectStates(env.db)).filter(
    (p) => visible.unit(p.project.townshipId) || visible.unit(p.project.unitId),
  );
  return projectPanel(projects, calendar, env.now, unitNames);
};
