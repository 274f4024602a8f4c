import type { ProjectEvent } from './events.js';
import type { ProjectState } from './types.js';

export function initialProjectState(event: Extract<ProjectEvent, { type: 'imported' }>): ProjectState {
  return {
    project: event.project,
    status: 'active',
    progress: event.progress,
    reports: [],
    requested: [],
    reminded: [],
    since: event.at,
    seq: event.seq,
  };
}

/** Applies one event. Pure: the same events always rebuild the same state. */
export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  const next: ProjectState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'imported':
      return initialProjectState(event);
    case 'report_requested':
      return { ...next, requested: [...state.requested, event.period] };
    case 'report_reminded':
      return { ...next, reminded: [...state.reminded, event.period] };
    case 'reported': {
      const { report } = event;
      const progress = {
        started: report.started,
        ...(report.startedOn ? { startedOn: report.startedOn } : {}),
        percent: report.percent,
        paidFen: report.paidFen,
      };
      // A corrected report for the same period replaces the earlier one.
      const reports = [
        ...state.reports.filter((r) => r.period !== report.period),
        { ...report, by: event.actorId, at: event.at },
      ];
      return { ...next, progress, light: report.light, reports };
    }
    case 'adjustment_opened':
      return {
        ...next,
        adjustment: {
          reason: event.reason,
          period: event.period,
          ...(event.itemId ? { itemId: event.itemId } : {}),
          ...(event.problem ? { problem: event.problem } : {}),
        },
      };
    case 'completed':
      return { ...next, status: 'completed' };
  }
}
