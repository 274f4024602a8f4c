import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { unitIdsOfPerson } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import { LIGHT_LABELS } from '../../domain/lights.js';
import { parseAmount } from '../../domain/loans/index.js';
import { type ProjectState, periodLabel, projectWorkflowId, type ReportCommand } from '../../domain/projects/index.js';
import type { Logger } from '../../platform/logger.js';
import { projectUpdates } from '../../workflows/projects/messages.js';
import { TIMED_OUT, withBudget } from '../webhook/budget.js';
import type { CardClick, CardRoute } from '../webhook/card-router.js';
import { larkDate, parsePercent } from '../webhook/form-values.js';
import { type CardCallbackResponse, toast } from '../webhook/toast.js';
import { renderProjectCard } from './card-context.js';
import { PROJECT_FIELDS } from './project-card.js';

export interface ProjectCardRouteDeps {
  db: Kysely<Database>;
  temporal: Client;
  logger: Logger;
  budgetMs?: number;
}

/**
 * The monthly report button (`kind: 'project'`): the form becomes the `report` Update of the project's workflow
 * (the Lark event id is the update id). The answer is a toast with the light and the card as judged; refusals
 * (not the responsible unit, a closed period, paid more than the funds) come from the workflow's validator.
 */
export function createProjectCardRoute(deps: ProjectCardRouteDeps): CardRoute {
  const budgetMs = deps.budgetMs ?? 2500;
  return async (click: CardClick): Promise<CardCallbackResponse> => {
    const { act, project, period } = click.value;
    if (act !== 'report' || typeof project !== 'string' || typeof period !== 'string') {
      return toast('error', '无法识别的操作', 'Unknown action');
    }
    const actorUnitIds = await unitIdsOfPerson(deps.db, click.actor.id);
    const update = deps.temporal.workflow.getHandle(projectWorkflowId(project)).executeUpdate(projectUpdates.report, {
      args: [{ actorId: click.actor.id, actorUnitIds, report: reportFromForm(period, click.formValue) }],
      ...(click.eventId ? { updateId: click.eventId } : {}),
    });
    let state: ProjectState | typeof TIMED_OUT;
    try {
      state = await withBudget(update, budgetMs);
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError)
        return toast('error', err.cause?.message ?? '月报未通过校验', 'Refused');
      if (err instanceof WorkflowNotFoundError || (err instanceof Error && /completed/i.test(err.message))) {
        return toast('error', '项目已完工并支付完毕，无需再填报', 'The project is finished');
      }
      throw err;
    }
    if (state === TIMED_OUT) {
      update.catch(() => undefined);
      return toast('info', '已收到，正在处理，请稍后查看卡片', 'Received; processing');
    }
    const report = state.reports.find((r) => r.period === period);
    const light = report ? `，${LIGHT_LABELS[report.light]}` : '';
    return toast(
      'success',
      `${periodLabel(period)}月报已提交${light}`,
      'Report submitted',
      await renderProjectCard(deps.db, state, period),
    );
  };
}

/** Form values as typed; the domain names what is wrong (unreadable numbers become NaN, an unset choice undefined). */
export function reportFromForm(period: string, form: Record<string, unknown>): ReportCommand {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const started = text(PROJECT_FIELDS.started);
  const startedOn = larkDate(form[PROJECT_FIELDS.startedOn]);
  return {
    period,
    started: (started === 'yes' ? true : started === 'no' ? false : undefined) as boolean,
    ...(startedOn ? { startedOn } : {}),
    percent: parsePercent(form[PROJECT_FIELDS.percent]),
    paidFen: parseAmount(text(PROJECT_FIELDS.paid), 'wan') ?? Number.NaN,
    note: text(PROJECT_FIELDS.note),
  };
}
