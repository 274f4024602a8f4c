import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RankingRun } from '../../domain/ranking/index.js';
import type { Logger } from '../../platform/logger.js';
import { type ApprovalArgs, rankingUpdates } from '../../workflows/ranking/messages.js';
import { TIMED_OUT, withBudget } from '../webhook/budget.js';
import type { CardClick, CardRoute } from '../webhook/card-router.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { RANKING_FIELDS, type RankingAct } from './card-common.js';
import { loadRunContext, type RunCardKey, renderRunCard } from './card-context.js';
import { submitInspectionForm } from './inspection-form.js';

export interface RankingCardRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  clock: () => Date;
  logger: Logger;
  /** Lark waits 3 s for the answer; leave room for the network. */
  budgetMs?: number;
}

/** Time kept back from the budget for reading the snapshot and rendering the clicked card. */
const RENDER_RESERVE_MS = 600;

const ACTS: readonly RankingAct[] = ['appeal', 'accept', 'reject', 'approve', 'send_back', 'resubmit', 'inspect'];
const DONE: Record<Exclude<RankingAct, 'inspect'>, string> = {
  appeal: '申诉已提交，请等待县委督查室审核',
  accept: '已采纳申诉，草稿将重新计算',
  reject: '已驳回申诉',
  approve: '已批准发布',
  send_back: '已退回督查室修改',
  resubmit: '已提交，正在重新计算',
};

/**
 * Buttons of the ranking cards (`kind: 'ranking'`). Run actions become Updates of the month's workflow, with the
 * Lark event id as the update id so a redelivered click acts once; the answer is a toast and the clicked card as it
 * now stands. Refusals (wrong person, window closed, missing reason) come back from the workflow's validators.
 */
export function createRankingCardRoute(deps: RankingCardRouteDeps): CardRoute {
  const budgetMs = deps.budgetMs ?? 2500;
  return async (click: CardClick): Promise<CardCallbackResponse> => {
    const act = click.value.act as RankingAct;
    if (!ACTS.includes(act)) return toast('error', '无法识别的操作', 'Unknown action');
    if (act === 'inspect') return submitInspectionForm(deps, click);
    const wf = click.value.wf;
    if (typeof wf !== 'string') return toast('error', '无法识别的操作', 'Unknown action');
    const handle = deps.temporal.workflow.getHandle(wf);
    const text = (name: string) => (typeof click.formValue[name] === 'string' ? (click.formValue[name] as string) : '');
    const actorId = click.actor.id;
    const options = click.eventId ? { updateId: click.eventId } : {};
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    let update: Promise<RankingRun>;
    let key: RunCardKey;
    switch (act) {
      case 'appeal': {
        const villageId = str(click.value.village);
        update = handle.executeUpdate(rankingUpdates.fileAppeal, {
          args: [{ actorId, villageId, lineId: text(RANKING_FIELDS.line), reason: text(RANKING_FIELDS.reason) }],
          ...options,
        });
        key = { village: villageId };
        break;
      }
      case 'accept':
      case 'reject': {
        const appealId = str(click.value.appeal);
        update = handle.executeUpdate(rankingUpdates.decideAppeal, {
          args: [{ actorId, appealId, accept: act === 'accept', note: text(RANKING_FIELDS.note) }],
          ...options,
        });
        key = { appeal: appealId };
        break;
      }
      case 'approve':
      case 'send_back': {
        const args: ApprovalArgs = {
          actorId,
          approve: act === 'approve',
          reason: text(RANKING_FIELDS.sendBackReason),
          round: Number(click.value.round),
        };
        update = handle.executeUpdate(rankingUpdates.decideApproval, { args: [args], ...options });
        key = 'approval';
        break;
      }
      case 'resubmit':
        update = handle.executeUpdate(rankingUpdates.resubmit, { args: [{ actorId }], ...options });
        key = 'revision';
        break;
    }
    const deadline = Date.now() + budgetMs;
    let run: RankingRun | typeof TIMED_OUT;
    try {
      run = await withBudget(update, budgetMs - RENDER_RESERVE_MS);
    } catch (err) {
      return refusal(err);
    }
    if (run === TIMED_OUT) {
      update.catch(() => undefined);
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    // Lark gives up at 3 s: when the Update took most of the budget, answer now; the run patches the card anyway.
    if (Date.now() > deadline - RENDER_RESERVE_MS / 2) return toast('success', DONE[act], `${act} done`);
    const card = renderRunCard(await loadRunContext(deps.db, run), key);
    return toast('success', DONE[act], `${act} done`, card);
  };

  function refusal(err: unknown): CardCallbackResponse {
    if (err instanceof WorkflowUpdateFailedError)
      return toast('error', err.cause?.message ?? '操作未通过校验', 'Refused');
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /completed/i.test(err.message))) {
      return toast('error', '该月红黑榜流程已结束，无需操作', 'The run is over');
    }
    throw err;
  }
}
