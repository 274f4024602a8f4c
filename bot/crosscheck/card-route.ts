import { type Client, type WorkflowHandle, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  type CrosscheckRound,
  crosscheckWorkflowId,
  type FindingInput,
  type Severity,
} from '../../domain/crosscheck/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { crosscheckUpdates } from '../../workflows/crosscheck/messages.js';
import { TIMED_OUT, withBudget } from '../webhook/budget.js';
import type { CardClick, CardRoute } from '../webhook/card-router.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { type CrosscheckAct, CROSSCHECK_FIELDS as F } from './card-common.js';
import { checklistCard } from './checklist-card.js';
import { overviewCard } from './overview-card.js';

export interface CrosscheckCardRouteDeps {
  temporal: Client;
  clock: () => Date;
  logger: Logger;
  /** Lark waits 3 s for the answer; leave room for the network. */
  budgetMs?: number;
}

const ACTS: readonly CrosscheckAct[] = ['finding', 'team_done', 'close_checking', 'report'];

/**
 * Buttons of the cross-check cards (`kind: 'crosscheck'`): each becomes an Update of the round's workflow, with the
 * Lark event id as the update id so a redelivered click acts once. The answer is a toast and the clicked card as the
 * round now stands; refusals (not on the team, checking over, a missing problem text) come from the validators.
 */
export function createCrosscheckCardRoute(deps: CrosscheckCardRouteDeps): CardRoute {
  const budgetMs = deps.budgetMs ?? 2500;
  return async (click: CardClick): Promise<CardCallbackResponse> => {
    const { act, round: roundId } = click.value;
    if (typeof roundId !== 'string' || !ACTS.includes(act as CrosscheckAct)) {
      return toast('error', '无法识别的操作', 'Unknown action');
    }
    const team = typeof click.value.team === 'number' ? click.value.team : undefined;
    const update = perform(act as CrosscheckAct, {
      handle: deps.temporal.workflow.getHandle(crosscheckWorkflowId(roundId)),
      actorId: click.actor.id,
      team,
      form: click.formValue,
      options: click.eventId ? { updateId: click.eventId } : {},
    });
    let outcome: Acted | typeof TIMED_OUT;
    try {
      outcome = await withBudget(update, budgetMs);
    } catch (err) {
      return refusal(err);
    }
    if (outcome === TIMED_OUT) {
      update.catch(() => undefined);
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    const { round, message } = outcome;
    const now = toShanghaiIso(deps.clock().getTime());
    const card = team !== undefined ? checklistCard(round, team, now) : overviewCard(round);
    return toast('success', message, `${String(act)} done`, card);
  };

  function refusal(err: unknown): CardCallbackResponse {
    if (err instanceof WorkflowUpdateFailedError)
      return toast('error', err.cause?.message ?? '操作未通过校验', 'Refused');
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /completed/i.test(err.message))) {
      return toast('error', '本轮交叉检查已结束，无需操作', 'The round is over');
    }
    deps.logger.error('crosscheck click failed', { error: err });
    throw err;
  }
}

interface Acted {
  round: CrosscheckRound;
  /** The toast, in Chinese. */
  message: string;
}

interface ActContext {
  handle: WorkflowHandle;
  actorId: string;
  team: number | undefined;
  form: Record<string, unknown>;
  options: { updateId?: string };
}

/** The Update a button asks for, and what to tell the clicker once the round accepted it. */
function perform(act: CrosscheckAct, c: ActContext): Promise<Acted> {
  const { handle, actorId, options } = c;
  const said = (message: string) => (round: CrosscheckRound) => ({ round, message });
  switch (act) {
    case 'finding':
      return handle
        .executeUpdate(crosscheckUpdates.recordFindings, {
          args: [{ actorId, source: 'card', findings: [findingFromForm(c.form)] }],
          ...options,
        })
        .then((r) => {
          const f = r.recorded[0]!;
          const who = r.round.names[f.assigneeId] ?? f.assigneeId;
          return { round: r.round, message: `问题已登记（F${f.no}），整改事项 ${f.itemId} 已交办${who}` };
        });
    case 'team_done':
      return handle
        .executeUpdate(crosscheckUpdates.teamDone, { args: [{ actorId, teamNo: c.team ?? -1 }], ...options })
        .then(said('已报告本组检查完毕'));
    case 'close_checking':
      return handle
        .executeUpdate(crosscheckUpdates.closeChecking, { args: [{ actorId }], ...options })
        .then(said('已结束检查，全部整改销号后本轮完成'));
    case 'report':
      return handle
        .executeUpdate(crosscheckUpdates.requestReport, { args: [{ actorId }], ...options })
        .then(said('检查报告已发送给您，请查看消息'));
  }
}

/** The finding form, passed through as typed so that the domain, not the edge, says what is wrong with it. */
function findingFromForm(form: Record<string, unknown>): FindingInput {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
  const days = text(F.workdays);
  return {
    lineId: text(F.line),
    problem: text(F.problem),
    severity: text(F.severity) as Severity,
    ...(days === '' ? {} : { workdays: /^\d+$/.test(days) ? Number(days) : Number.NaN }),
  };
}
