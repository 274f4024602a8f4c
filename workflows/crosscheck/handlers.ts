import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { CrosscheckActivities } from '../../activities/crosscheck/crosscheck-activities.js';
import {
  type CrosscheckRefusal,
  type CrosscheckRound,
  checkCloseChecking,
  checkFindings,
  checkingComplete,
  checkReportRequest,
  checkTeamDone,
  type Finding,
  newFindings,
} from '../../domain/crosscheck/index.js';
import { crosscheckUpdates, type RecordFindingsArgs, type RoundActorArgs, type TeamDoneArgs } from './messages.js';

export interface HandlerDeps {
  acts: CrosscheckActivities;
  now: () => string;
  /** The 整改 deadline `workdays` working days after `at`, on the calendar the round holds now. */
  dueAt: (at: string, workdays: number) => string;
}

/**
 * People's side of a round: Updates whose synchronous validators apply the domain's rules (a refusal never enters
 * history), handlers that record the change before answering, and queues the main loop drains: findings whose 整改
 * item must be started, reports asked for, and team cards to refresh.
 */
export class CrosscheckHandlers {
  readonly starts: Finding[] = [];
  readonly reports: { personId: string; n: number }[] = [];
  readonly dirtyTeams = new Set<number>();
  private reportCount = 0;

  constructor(
    private readonly round: CrosscheckRound,
    private readonly deps: HandlerDeps,
  ) {}

  hasWork(): boolean {
    return this.starts.length > 0 || this.reports.length > 0 || this.dirtyTeams.size > 0;
  }

  register(): void {
    const { round } = this;
    const { acts, now } = this.deps;
    setHandler(
      crosscheckUpdates.recordFindings,
      async (a: RecordFindingsArgs) => {
        const at = now();
        const found = newFindings(round, a.findings, {
          actorId: a.actorId,
          source: a.source,
          at,
          dueAt: (n) => this.deps.dueAt(at, n),
        });
        round.findings.push(...found);
        this.starts.push(...found);
        for (const f of found) this.dirtyTeams.add(f.teamNo);
        await acts.recordCrosscheckFindings({ roundId: round.id, findings: found });
        return { round, recorded: found };
      },
      {
        validator: (a: RecordFindingsArgs) => {
          actor(a);
          if (a.source !== 'card' && a.source !== 'excel') refuse({ code: 'invalid_value', message: '来源不正确' });
          refuse(checkFindings(round, a.actorId, Array.isArray(a.findings) ? a.findings : []));
        },
      },
    );
    setHandler(
      crosscheckUpdates.teamDone,
      async (a: TeamDoneArgs) => {
        const at = now();
        const team = round.teams.find((t) => t.no === a.teamNo)!;
        team.doneAt = at;
        const allDone = checkingComplete(round);
        if (allDone) Object.assign(round, { phase: 'rectifying', checkingClosedAt: at });
        this.dirtyTeams.add(team.no);
        await acts.recordCrosscheckStep({
          roundId: round.id,
          key: `team_done:${team.no}`,
          type: 'team_done',
          actorId: a.actorId,
          at,
          payload: { teamNo: team.no, checkingClosed: allDone },
          change: { teamDone: team.no, ...(allDone ? { phase: 'rectifying', checkingClosedAt: at } : {}) },
        });
        return round;
      },
      { validator: (a: TeamDoneArgs) => refuse(checkTeamDone(round, actor(a), Number(a.teamNo))) },
    );
    setHandler(
      crosscheckUpdates.closeChecking,
      async (a: RoundActorArgs) => {
        const at = now();
        Object.assign(round, { phase: 'rectifying', checkingClosedAt: at });
        for (const t of round.teams) this.dirtyTeams.add(t.no);
        await acts.recordCrosscheckStep({
          roundId: round.id,
          key: 'checking_closed',
          type: 'checking_closed',
          actorId: a.actorId,
          at,
          payload: { findings: round.findings.length },
          change: { phase: 'rectifying', checkingClosedAt: at },
        });
        return round;
      },
      { validator: (a: RoundActorArgs) => refuse(checkCloseChecking(round, actor(a))) },
    );
    setHandler(
      crosscheckUpdates.requestReport,
      (a: RoundActorArgs) => {
        this.reportCount += 1;
        this.reports.push({ personId: a.actorId, n: this.reportCount });
        return round;
      },
      { validator: (a: RoundActorArgs) => refuse(checkReportRequest(round, actor(a))) },
    );
  }
}

function refuse(r: CrosscheckRefusal | undefined): void {
  if (r) throw ApplicationFailure.nonRetryable(r.message, r.code);
}

/** Update arguments come off the wire: the actor must at least be a string. */
function actor(a: { actorId?: unknown } | undefined): string {
  if (typeof a?.actorId !== 'string' || a.actorId === '') {
    throw ApplicationFailure.nonRetryable('参数不完整：actorId', 'invalid_value');
  }
  return a.actorId;
}
