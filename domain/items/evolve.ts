import type { ItemEvent } from './events.js';
import { type EscalationState, escalationOf, type ItemSpec, type ItemState } from './types.js';

/** The state right after 交办. */
export function initialState(spec: ItemSpec): ItemState {
  return {
    spec,
    status: 'assigned',
    assigneeId: spec.assigneeId,
    dueAt: spec.dueAt,
    returnCount: 0,
    extensionsGranted: 0,
    escalation: { level: 0, fired: [], recipients: [], lastUrgedAt: {}, urgeCount: 0, instructions: [] },
    seq: 1,
  };
}

/** Applies one event. Pure: the same events always rebuild the same state. */
export function evolve(state: ItemState, event: ItemEvent): ItemState {
  const next: ItemState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'created':
      return { ...initialState(event.spec), seq: event.seq };
    case 'signed':
      return { ...next, status: 'in_progress', signedAt: event.at, committedDate: event.committedDate };
    case 'progress_reported':
      return { ...next, progress: { percent: event.percent, note: event.note, at: event.at, by: event.actorId } };
    case 'submitted': {
      // A submission supersedes any pending extension request: the work is done.
      const { extension: _dropped, ...rest } = next;
      return { ...rest, status: 'submitted', result: event.result, submittedAt: event.at };
    }
    case 'approved':
      return { ...next, status: 'done', closedAt: event.at };
    case 'returned':
      return { ...next, status: 'in_progress', returnCount: state.returnCount + 1, lastReturnReason: event.reason };
    case 'extension_requested':
      return {
        ...next,
        extension: {
          requestedBy: event.actorId,
          requestedAt: event.at,
          reason: event.reason,
          newDueAt: event.newDueAt,
        },
      };
    case 'extension_approved': {
      const { extension: _granted, ...rest } = next;
      return { ...rest, dueAt: event.newDueAt, extensionsGranted: state.extensionsGranted + 1 };
    }
    case 'extension_rejected': {
      const { extension: _rejected, ...rest } = next;
      return rest;
    }
    case 'transferred': {
      // The new assignee has to 签收 again; the old commitment was not theirs.
      const { signedAt: _s, committedDate: _c, extension: _e, ...rest } = next;
      return { ...rest, status: 'assigned', assigneeId: event.toPersonId };
    }
    case 'cancelled':
      return { ...next, status: 'cancelled', closedAt: event.at, closeReason: event.reason };
    case 'read_checked':
      return withEscalation(next, (e) => ({
        ...e,
        fired: [...e.fired, event.stepId],
        ...(e.readAt || !event.readAt ? {} : { readAt: event.readAt }),
      }));
    case 'reminded':
      return withEscalation(next, (e) => ({ ...e, fired: [...e.fired, event.stepId] }));
    case 'escalated':
      return withEscalation(next, (e) => ({
        ...e,
        fired: [...e.fired, event.stepId],
        level: Math.max(e.level, event.level),
        recipients: e.recipients.includes(event.personId) ? e.recipients : [...e.recipients, event.personId],
      }));
    case 'escalation_skipped':
      return withEscalation(next, (e) => ({ ...e, fired: [...e.fired, event.stepId] }));
    case 'escalation_requested':
    case 'calendar_changed':
      return next;
    case 'urged':
      return withEscalation(next, (e) => ({
        ...e,
        urgeCount: e.urgeCount + 1,
        lastUrgedAt: { ...e.lastUrgedAt, [event.actorId]: event.at },
      }));
    case 'instructed':
      return withEscalation(next, (e) => ({
        ...e,
        instructions: [...e.instructions, { by: event.actorId, text: event.text, at: event.at }],
      }));
  }
}

function withEscalation(state: ItemState, change: (e: EscalationState) => EscalationState): ItemState {
  return { ...state, escalation: change(escalationOf(state)) };
}
