import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { RankingActivities } from '../../activities/ranking/ranking-activities.js';
import { addWorkdays } from '../../domain/calendar/index.js';
import { isMonth, monthRankedAt, NO_OVERRIDES, overridesFrom, type RankingRun } from '../../domain/ranking/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { RankingHandlers } from './handlers.js';
import { rankingRunQuery, rankingWorkflowId } from './messages.js';
import { assignRectifications } from './rectifications.js';

export interface MonthlyRankingInput {
  /** 'YYYY-MM'; absent when started by the schedule, which ranks the month before the run. */
  month?: string;
  requestedBy?: string;
  /** Overrides the appeal deadline the rules give (a run started late, a test). */
  appealsCloseAt?: string;
}

export interface MonthlyRankingResult {
  month: string;
  outcome: 'published' | 'already_published' | 'taken' | 'delegated';
  rectificationItems: string[];
}

const acts = proxyActivities<RankingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The monthly red/black list (红黑榜): compute → draft to the leading group and each village's breakdown to its
 * leader → appeal window (working days) in which 督查室 accepts or rejects each appeal → the leading group approves
 * or sends back → publish with a chart to the county work chat → a rectification item per black-list village.
 * A month is published at most once: the database claims it, so re-running the month ends without publishing.
 */
export async function monthlyRanking(input: MonthlyRankingInput): Promise<MonthlyRankingResult> {
  const startedAt = now();
  if (input.month === undefined) return delegate(startedAt);
  if (!isMonth(input.month)) throw ApplicationFailure.nonRetryable(`月份格式不正确：${input.month}`, 'invalid_value');
  const month = input.month;
  const workflowId = workflowInfo().workflowId;
  const by = input.requestedBy ?? 'system';
  let run: RankingRun | undefined;
  setHandler(rankingRunQuery, () => run);

  const prep = await acts.prepareRankingRun({ month, workflowId, requestedBy: by });
  if (prep.published) return { month, outcome: 'already_published', rectificationItems: [] };
  const calendar = await calendars.loadCalendar({ around: startedAt });
  const first = await acts.computeRankingDraft({
    month,
    workflowId,
    rule: prep.rule,
    overrides: NO_OVERRIDES,
    round: 1,
    by,
  });
  const current: RankingRun = {
    month,
    workflowId,
    startedAt,
    requestedBy: by,
    rule: prep.rule,
    ruleTitle: prep.ruleTitle,
    phase: 'appeal',
    chats: prep.chats,
    roster: prep.roster,
    draft: first.draft,
    appealable: first.appealable,
    appealsCloseAt: input.appealsCloseAt ?? addWorkdays(calendar, startedAt, prep.appealWindowWorkdays),
    appeals: [],
    approvalRound: 0,
    decisions: [],
    rectifications: [],
  };
  run = current;
  const handlers = new RankingHandlers(current, acts, now);
  handlers.register();
  await acts.sendRankingDraft({ run: current });

  // 申诉期: appeals arrive and are decided; each accepted one recomputes the draft.
  const closes = Date.parse(current.appealsCloseAt);
  while (Date.now() < closes) {
    await condition(() => handlers.hasWork(), closes - Date.now());
    await handlers.drain(by);
  }
  current.phase = 'review';
  await acts.refreshRankingCards({ run: current, villages: 'all', appeals: [] });
  while (handlers.pending() || handlers.hasWork()) {
    await condition(() => handlers.hasWork());
    await handlers.drain(by);
  }

  // 审定: the leading group approves, or sends it back to 督查室, who recompute and resubmit.
  for (;;) {
    current.phase = 'approval';
    current.approvalRound += 1;
    await acts.requestRankingApproval({ run: current });
    await condition(() => current.decisions.some((d) => d.round === current.approvalRound));
    if (current.decisions.find((d) => d.round === current.approvalRound)!.approved) break;
    current.phase = 'sent_back';
    await acts.notifyRankingSentBack({ run: current });
    await condition(() => handlers.takeResubmission());
    const next = await acts.computeRankingDraft({
      month,
      workflowId,
      rule: prep.rule,
      overrides: overridesFrom(current.appeals),
      round: current.draft.round + 1,
      by,
      previousSnapshotId: current.draft.snapshotId,
    });
    current.draft = next.draft;
    await acts.refreshRankingCards({ run: current, villages: next.changed, appeals: [] });
  }

  const approval = current.decisions.find((d) => d.round === current.approvalRound)!;
  current.phase = 'publishing';
  const publishedAt = now();
  const rectifyBy = addWorkdays(calendar, publishedAt, prep.rectificationWorkdays);
  const pub = await acts.publishRanking({ run: current, approvedBy: approval.by, approvedAt: approval.at, rectifyBy });
  if (pub.status === 'taken') {
    current.phase = 'skipped';
    return { month, outcome: 'taken', rectificationItems: [] };
  }
  current.publication = { messageId: pub.messageId!, imageKey: pub.imageKey!, publishedAt: pub.publishedAt! };
  current.phase = 'published';

  await assignRectifications(current, pub, { domain: prep.domain, calendar, publishedAt, rectifyBy, now });
  await acts.recordRankingRectifications({ run: current, actorId: approval.by });
  await acts.refreshRankingCards({ run: current, villages: [], appeals: [], approval: true });
  await condition(allHandlersFinished);
  return { month, outcome: 'published', rectificationItems: current.rectifications.map((r) => r.itemId) };
}

/** A scheduled run hands the month to its own run (id ranking-YYYY-MM), so a month never has two runs at once. */
async function delegate(startedAt: string): Promise<MonthlyRankingResult> {
  const month = monthRankedAt(startedAt);
  try {
    await startChild(monthlyRanking, {
      workflowId: rankingWorkflowId(month),
      args: [{ month, requestedBy: 'system:schedule' }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof Error && err.name === 'WorkflowExecutionAlreadyStartedError')) throw err;
  }
  return { month, outcome: 'delegated', rectificationItems: [] };
}

function now(): string {
  return toShanghaiIso(Date.now());
}
