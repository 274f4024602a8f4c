import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProjectState, ReportCommand } from '../../domain/projects/index.js';

/** A monthly report from the card: who sends it, the units the edge resolved for them, and the figures. */
export interface ProjectReportArgs {
  actorId: string;
  actorUnitIds?: string[];
  report: ReportCommand;
}

export const projectUpdates = {
  report: defineUpdate<ProjectState, [ProjectReportArgs]>('report'),
};

export const projectStateQuery = defineQuery<ProjectState>('projectState');
