import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { RankingActivities } from '../../activities/ranking/ranking-activities.js';
import {
  type Appeal,
  checkAppeal,
  checkApproval,
  checkDecision,
  checkResubmit,
  overridesFrom,
  processView,
  type RankingRefusal,
  type RankingRun,
} from '../../domain/ranking/index.js';
import {
  type ApprovalArgs,
  type DecideAppealArgs,
  type FileAppealArgs,
  type ResubmitArgs,
  rankingUpdates,
} from './messages.js';

type Work = { type: 'filed' | 'decided'; appealId: string };

/**
 * The people's side of a ranking run: Updates whose validators run the domain's rules (a refused click changes
 * nothing and never enters history), handlers that record the change before answering, and a queue of the
 * follow-ups (cards, recomputation) the main loop drains one batch at a time, so recomputations never interleave.
 */
export class RankingHandlers {
  private readonly work: Work[] = [];
  private resubmitted = false;

  constructor(
    private readonly run: RankingRun,
    private readonly acts: RankingActivities,
    private readonly now: () => string,
  ) {}

  register(): void {
    const run = this.run;
    setHandler(
      rankingUpdates.fileAppeal,
      async (a: FileAppealArgs) => {
        const line = run.appealable[a.villageId]![a.lineId]!;
        const appeal: Appeal = {
          id: `${run.workflowId}:A${run.appeals.length + 1}`,
          villageId: a.villageId,
          lineId: a.lineId,
          lineText: line.text,
          target: line.target,
          reason: a.reason.trim(),
          appellantId: a.actorId,
          filedAt: this.now(),
          status: 'pending',
        };
        run.appeals.push(appeal);
        this.work.push({ type: 'filed', appealId: appeal.id });
        await this.acts.recordRankingAppeal({ run, appealId: appeal.id, type: 'appeal_filed', actorId: a.actorId });
        return run;
      },
      {
        validator: (a: FileAppealArgs) =>
          refuseIf(checkAppeal(processView(run), strings(a, ['actorId', 'villageId', 'lineId', 'reason']), this.now())),
      },
    );
    setHandler(
      rankingUpdates.decideAppeal,
      async (d: DecideAppealArgs) => {
        const appeal = run.appeals.find((x) => x.id === d.appealId)!;
        appeal.status = d.accept ? 'accepted' : 'rejected';
        appeal.decidedBy = d.actorId;
        appeal.decidedAt = this.now();
        if (d.note.trim()) appeal.note = d.note.trim();
        this.work.push({ type: 'decided', appealId: appeal.id });
        const type = d.accept ? 'appeal_accepted' : 'appeal_rejected';
        await this.acts.recordRankingAppeal({ run, appealId: appeal.id, type, actorId: d.actorId });
        return run;
      },
      {
        validator: (d: DecideAppealArgs) =>
          refuseIf(
            checkDecision(processView(run), {
              ...strings(d, ['actorId', 'appealId', 'note']),
              accept: d.accept === true,
            }),
          ),
      },
    );
    setHandler(
      rankingUpdates.decideApproval,
      async (d: ApprovalArgs) => {
        const decision = {
          round: run.approvalRound,
          by: d.actorId,
          at: this.now(),
          approved: d.approve,
          ...(d.approve ? {} : { reason: d.reason.trim() }),
        };
        run.decisions.push(decision);
        await this.acts.recordRankingStep({
          run,
          key: `decision:${decision.round}`,
          type: d.approve ? 'approved' : 'sent_back',
          actorId: d.actorId,
          at: decision.at,
          payload: { round: decision.round, reason: decision.reason, snapshotId: run.draft.snapshotId },
        });
        return run;
      },
      {
        validator: (d: ApprovalArgs) =>
          refuseIf(
            checkApproval(
              { ...processView(run), approvalRound: run.approvalRound },
              { ...strings(d, ['actorId', 'reason']), approve: d.approve === true, round: Number(d.round) },
            ),
          ),
      },
    );
    setHandler(
      rankingUpdates.resubmit,
      async (r: ResubmitArgs) => {
        this.resubmitted = true;
        run.phase = 'recomputing';
        const at = this.now();
        await this.acts.recordRankingStep({
          run,
          key: `resubmit:${run.approvalRound}`,
          type: 'resubmitted',
          actorId: r.actorId,
          at,
          payload: { round: run.approvalRound },
        });
        return run;
      },
      { validator: (r: ResubmitArgs) => refuseIf(checkResubmit(processView(run), strings(r, ['actorId']).actorId)) },
    );
  }

  hasWork(): boolean {
    return this.work.length > 0;
  }

  pending(): boolean {
    return this.run.appeals.some((a) => a.status === 'pending');
  }

  /** True once after a resubmission; the main loop then recomputes and asks for approval again. */
  takeResubmission(): boolean {
    const r = this.resubmitted;
    this.resubmitted = false;
    return r;
  }

  /** Cards for new appeals; one recomputation for any number of accepted ones; then the cards that show them. */
  async drain(by: string): Promise<void> {
    const run = this.run;
    const batch = this.work.splice(0, this.work.length);
    for (const w of batch.filter((x) => x.type === 'filed'))
      await this.acts.notifyRankingAppeal({ run, appealId: w.appealId });
    const decided = batch.filter((x) => x.type === 'decided').map((x) => x.appealId);
    if (decided.length === 0) return;
    const villages = new Set(decided.map((id) => run.appeals.find((a) => a.id === id)!.villageId));
    if (decided.some((id) => run.appeals.find((a) => a.id === id)!.status === 'accepted')) {
      const next = await this.acts.computeRankingDraft({
        month: run.month,
        workflowId: run.workflowId,
        rule: run.rule,
        overrides: overridesFrom(run.appeals),
        round: run.draft.round + 1,
        by,
        previousSnapshotId: run.draft.snapshotId,
      });
      run.draft = next.draft;
      run.appealable = next.appealable;
      for (const v of next.changed) villages.add(v);
    }
    await this.acts.refreshRankingCards({ run, villages: [...villages], appeals: decided });
    for (const appealId of decided) await this.acts.replyToAppellant({ run, appealId });
  }
}

function refuseIf(r: RankingRefusal | undefined): void {
  if (r) throw ApplicationFailure.nonRetryable(r.message, r.code);
}

/** Update arguments come off the wire: refuse anything but strings where strings are expected. */
function strings<T extends object, K extends keyof T & string>(args: T, keys: K[]): Pick<T, K> {
  for (const k of keys) {
    if (typeof (args as Record<string, unknown> | undefined)?.[k] !== 'string') {
      throw ApplicationFailure.nonRetryable(`参数不完整：${k}`, 'invalid_value');
    }
  }
  return args;
}
