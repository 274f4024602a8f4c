import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { CrosscheckActivities } from '../../activities/crosscheck/crosscheck-activities.js';
import { addWorkdays, type CalendarData } from '../../domain/calendar/index.js';
import {
  buildReport,
  type CrosscheckRound,
  type Finding,
  type HouseholdSample,
  type LineType,
  planRound,
  type RectificationStatus,
  type RoundReport,
  roundComplete,
} from '../../domain/crosscheck/index.js';
import type { ItemState } from '../../domain/items/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { calendarChangedSignal } from '../messages.js';
import { CrosscheckHandlers } from './handlers.js';
import { crosscheckRoundQuery } from './messages.js';
import { closer, startRectification } from './rectifications.js';

export interface CrosscheckRoundInput {
  roundId: string;
  title: string;
  /** 督查室: issues the 整改 items and may enter findings for any team. */
  organizerId: string;
  types?: LineType[];
  households?: HouseholdSample[];
}

export interface CrosscheckRoundResult {
  roundId: string;
  report: RoundReport;
}

/** Ledger writes answer clicks; they retry until the database is back. Lark sends wait out rate limits. */
const acts = proxyActivities<CrosscheckActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

type Closure = { finding: Finding; status: Exclude<RectificationStatus, 'open'>; at: string; by: string };

/**
 * One 交叉检查 round (workflow id 'crosscheck-<round>'): assign teams so that none inspects its own township, send
 * each team lead a checklist card, take findings (card form or Excel) through validated Updates, open one 整改 item
 * per finding as a child supervision item reviewed by the inspecting lead, and stay open until every 整改 is
 * closed — 销号 by the inspector, or withdrawn by 督查室. The report card goes out on request and at the end.
 */
export async function crosscheckRound(input: CrosscheckRoundInput): Promise<CrosscheckRoundResult> {
  const startedAt = now();
  let current: CrosscheckRound | undefined;
  setHandler(crosscheckRoundQuery, () => current);
  const prep = await acts.prepareCrosscheckRound({ organizerId: input.organizerId });
  const planned = planRound({
    id: input.roundId,
    title: input.title,
    organizerId: input.organizerId,
    startedAt,
    townships: prep.roster.townships,
    responsible: prep.roster.responsible,
    names: prep.roster.names,
    ...(input.types ? { types: input.types } : {}),
    ...(input.households ? { households: input.households } : {}),
  });
  if (!planned.ok) throw ApplicationFailure.nonRetryable(planned.message, 'invalid_value');
  const round = planned.round;
  let cal: CalendarData = await calendars.loadCalendar({ around: startedAt });
  let calendarStale = false;
  setHandler(calendarChangedSignal, () => {
    calendarStale = true;
  });
  const handlers = new CrosscheckHandlers(round, { acts, now, dueAt: (at, n) => addWorkdays(cal, at, n) });
  handlers.register();
  await acts.saveCrosscheckRound({ round, workflowId: workflowInfo().workflowId });
  // Visible once recorded, so whoever reads the query finds the same round in the ledger.
  current = round;
  await acts.sendCrosscheckCards({ round });

  const closures: Closure[] = [];
  const watch = (finding: Finding, child: Promise<ItemState>) => {
    child.then(
      (s) =>
        closures.push({
          finding,
          status: s.status === 'done' ? 'done' : 'cancelled',
          at: s.closedAt ?? now(),
          by: closer(s),
        }),
      // A terminated or failed item can no longer be closed by anyone: count it withdrawn so the round can end.
      (err: unknown) => {
        log.warn('整改 item ended abnormally', { itemId: finding.itemId, error: err });
        closures.push({ finding, status: 'cancelled', at: now(), by: 'system' });
      },
    );
  };

  while (!roundComplete(round)) {
    await condition(() => handlers.hasWork() || closures.length > 0 || calendarStale || roundComplete(round));
    if (calendarStale) {
      calendarStale = false;
      cal = await calendars.loadCalendar({ around: now() });
    }
    // All at once: one workflow task carries every start command, so a 200-row upload does not take 200 round trips.
    const batch = handlers.starts.splice(0);
    const children = await Promise.all(
      batch.map((f) => startRectification(round, f, { cal, policy: prep.policy, now })),
    );
    children.forEach((child, i) => {
      if (child) watch(batch[i]!, child.result);
    });
    for (const c of closures.splice(0)) {
      Object.assign(c.finding, { status: c.status, closedAt: c.at });
      handlers.dirtyTeams.add(c.finding.teamNo);
      await acts.recordCrosscheckStep({
        roundId: round.id,
        key: `closed:${c.finding.id}`,
        type: c.status === 'done' ? 'rectification_closed' : 'rectification_withdrawn',
        actorId: c.by,
        at: c.at,
        payload: { findingId: c.finding.id, itemId: c.finding.itemId },
      });
    }
    for (const r of handlers.reports.splice(0)) {
      await acts.sendCrosscheckReport({ round, to: [r.personId], key: `request-${r.n}` });
    }
    const teams = [...handlers.dirtyTeams];
    handlers.dirtyTeams.clear();
    if (teams.length) await acts.refreshCrosscheckCards({ round, teams });
  }

  const closedAt = now();
  Object.assign(round, { phase: 'closed', closedAt });
  await acts.recordCrosscheckStep({
    roundId: round.id,
    key: 'closed',
    type: 'round_closed',
    actorId: 'system',
    at: closedAt,
    payload: { findings: round.findings.length },
    change: { phase: 'closed', closedAt },
  });
  await acts.refreshCrosscheckCards({ round, teams: round.teams.map((t) => t.no) });
  await acts.sendCrosscheckReport({
    round,
    to: [round.organizerId, ...round.teams.map((t) => t.leadId)],
    key: 'final',
  });
  await condition(allHandlersFinished);
  return { roundId: round.id, report: buildReport(round, closedAt) };
}

function now(): string {
  return toShanghaiIso(Date.now());
}
