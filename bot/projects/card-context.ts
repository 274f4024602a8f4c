import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ProjectState } from '../../domain/projects/index.js';
import type { Card } from '../cards/elements.js';
import { ledgerCardNames } from '../ledgers/card-names.js';
import { projectCard } from './project-card.js';

/**
 * A project's report card for a period, with unit and people names from the org. 序时进度 comes from the report
 * when there is one (what the light was judged on), else it is `plannedPercent` (the workflow computes it).
 */
export async function renderProjectCard(
  db: Kysely<Database>,
  state: ProjectState,
  period: string,
  plannedPercent?: number,
): Promise<Card> {
  const { project } = state;
  const ids = [project.reporterId, ...state.reports.map((r) => r.by)];
  const { names, unitName } = await ledgerCardNames(db, ids, [project.unitId, project.townshipId]);
  const report = state.reports.find((r) => r.period === period);
  return projectCard({
    state,
    period,
    unitName: unitName(project.unitId),
    townshipName: unitName(project.townshipId),
    plannedPercent: report?.plannedPercent ?? plannedPercent ?? 0,
    names,
  });
}
