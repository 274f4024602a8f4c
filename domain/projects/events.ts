import type { Project, ProjectProgress, ProjectReport } from './types.js';

/** What happened to a project. Its audit trail (project_events) stores exactly these, with actor and time. */
export type ProjectEventBody =
  | { type: 'imported'; project: Project; progress: ProjectProgress }
  | { type: 'report_requested'; period: string; personId: string }
  | { type: 'report_reminded'; period: string; personId: string }
  | { type: 'reported'; report: Omit<ProjectReport, 'by' | 'at'> }
  | { type: 'adjustment_opened'; period: string; reason: string; itemId?: string; problem?: string }
  | { type: 'completed'; period: string };

export type ProjectEventType = ProjectEventBody['type'];

export type ProjectEvent = ProjectEventBody & { seq: number; actorId: string; at: string };

export const PROJECT_EVENT_LABELS: Record<ProjectEventType, string> = {
  imported: '导入台账',
  report_requested: '发送月报',
  report_reminded: '催报月报',
  reported: '填报月报',
  adjustment_opened: '启动调整程序',
  completed: '完工并支付完毕',
};
