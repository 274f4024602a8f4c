import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { ProjectActivities } from '../../activities/projects/project-activities.js';
import { addWorkdays, type CalendarData } from '../../domain/calendar/index.js';
import { checkSpec, type ItemSpec } from '../../domain/items/index.js';
import {
  adjustmentSpec,
  DEFAULT_PROJECT_RULES,
  decideReport,
  evolveProject,
  type ProjectEvent,
  type ProjectEventBody,
  type ProjectRules,
  type ProjectState,
  periodEnd,
  plannedProgress,
  planProject,
} from '../../domain/projects/index.js';
import type { supervisionItem } from '../items/supervision-item.js';
import { actorContext, LEDGER_LARK_ACTIVITY, LEDGER_WRITE_ACTIVITY, now } from '../ledgers/ledger-workflow.js';
import { type ProjectReportArgs, projectStateQuery, projectUpdates } from './messages.js';

export interface ProjectWorkflowInput {
  /** The project as the ledger holds it (at import, or when continuing as new). */
  state: ProjectState;
  rules?: ProjectRules;
}

const ledger = proxyActivities<ProjectActivities>(LEDGER_WRITE_ACTIVITY);
const lark = proxyActivities<ProjectActivities>(LEDGER_LARK_ACTIVITY);
const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

/** A report that came in, waiting for the main loop's follow-ups (card, 调整程序, completion). */
interface Reported {
  period: string;
  adjustment?: string;
  complete: boolean;
}

/**
 * One 衔接资金 project (workflow id `project-<id>`). At the opening of the first working day of each month the
 * responsible unit gets the report card for the month before; its answer (an Update, checked by the domain) is
 * judged against 序时进度 and sets the light. When the 调整程序 rule fires (not started by the planned start, or too
 * far behind) an adjustment item opens for the unit as a child supervisionItem (kind 'project') and escalates
 * under the item policy. The workflow ends once the project is finished and fully paid.
 */
export async function projectFollowUp(input: ProjectWorkflowInput): Promise<ProjectState> {
  let state = input.state;
  const rules = input.rules ?? DEFAULT_PROJECT_RULES;
  const reported: Reported[] = [];
  let cal: CalendarData | undefined;

  const record = async (body: ProjectEventBody, actorId: string): Promise<void> => {
    const event = { ...body, seq: state.seq + 1, actorId, at: now() } as ProjectEvent;
    state = evolveProject(state, event);
    await ledger.recordProjectEvent({ state, event });
  };
  const planned = (period: string) => plannedProgress(cal!, state.project, periodEnd(period));

  setHandler(projectStateQuery, () => state);
  setHandler(
    projectUpdates.report,
    async (args: ProjectReportArgs) => {
      const { event, adjustment, complete } = judge(state, args, cal, rules);
      state = evolveProject(state, event);
      reported.push({ period: args.report.period, complete, ...(adjustment ? { adjustment } : {}) });
      await ledger.recordProjectEvent({ state, event });
      return state;
    },
    { validator: (args: ProjectReportArgs) => void judge(state, args, cal, rules) },
  );

  while (state.status === 'active') {
    cal = await calendars.loadCalendar({ around: now() });
    const plan = planProject(state, cal, now(), rules);
    for (const step of plan.due) {
      const period = step.period;
      if (step.type === 'request') {
        await record({ type: 'report_requested', period, personId: state.project.reporterId }, 'system');
        await lark.requestProjectReport({ state, period, plannedPercent: planned(period), at: now() });
      } else {
        await record({ type: 'report_reminded', period, personId: state.project.reporterId }, 'system');
        await lark.remindProjectReport({ state, period, plannedPercent: planned(period), at: now() });
      }
    }
    while (reported.length > 0) {
      const r = reported.shift()!;
      if (r.adjustment && !state.adjustment) await openAdjustment(cal, r.period, r.adjustment);
      if (r.complete && state.status === 'active') await record({ type: 'completed', period: r.period }, 'system');
      await lark.refreshProjectCard({ state, period: r.period, plannedPercent: planned(r.period) });
    }
    if (state.status !== 'active' || plan.due.length > 0) continue;
    const wake = plan.nextAt ? Math.max(1, Date.parse(plan.nextAt) - Date.now()) : undefined;
    await (wake === undefined ? condition(() => reported.length > 0) : condition(() => reported.length > 0, wake));
    if (workflowInfo().continueAsNewSuggested && reported.length === 0) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof projectFollowUp>({ state, rules });
    }
  }
  await condition(allHandlersFinished);
  return state;

  async function openAdjustment(calendar: CalendarData, period: string, reason: string): Promise<void> {
    const at = now();
    const facts = await ledger.adjustmentFacts({ state, at });
    if (!facts.ok) {
      log.warn('adjustment without an item', { projectId: state.project.id, problem: facts.problem });
      await record({ type: 'adjustment_opened', period, reason, problem: facts.problem }, 'system');
      return;
    }
    const spec = adjustmentSpec(state, {
      reason,
      period,
      issuerId: facts.issuerId,
      reviewerId: facts.reviewerId,
      domain: facts.domain,
      unitName: facts.unitName,
      createdAt: at,
      signBy: addWorkdays(calendar, at, rules.signWorkdays),
      dueAt: addWorkdays(calendar, at, rules.adjustWorkdays),
      policy: facts.policy,
    });
    const refusal = checkSpec(spec);
    if (refusal) {
      await record({ type: 'adjustment_opened', period, reason, problem: refusal.message }, 'system');
      return;
    }
    await startItem(spec);
    await record({ type: 'adjustment_opened', period, reason, itemId: spec.id }, 'system');
  }
}

async function startItem(spec: ItemSpec): Promise<void> {
  try {
    await startChild<typeof supervisionItem>('supervisionItem', {
      workflowId: spec.id,
      args: [{ spec }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
  }
}

/** The domain's check and judgement of a report; throws (refusing the Update) with the user-facing reason. */
function judge(state: ProjectState, args: ProjectReportArgs, cal: CalendarData | undefined, rules: ProjectRules) {
  // Update arguments come off the wire: check the shape before trusting the type.
  const raw = args as Partial<ProjectReportArgs> | undefined;
  if (typeof raw?.actorId !== 'string' || !raw.report || typeof raw.report !== 'object') {
    throw ApplicationFailure.nonRetryable('月报内容不完整', 'invalid_value');
  }
  if (!cal) throw ApplicationFailure.nonRetryable('系统正在准备，请稍后再试', 'not_allowed_in_state');
  const at = now();
  const d = decideReport(state, args.report, actorContext(args, at), cal, rules.thresholds);
  if (!d.ok) throw ApplicationFailure.nonRetryable(d.message, d.code);
  const event = { ...d.event, seq: state.seq + 1, actorId: args.actorId, at } as ProjectEvent;
  return { event, ...(d.adjustment ? { adjustment: d.adjustment } : {}), complete: d.complete };
}
