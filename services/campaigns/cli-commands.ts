import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { URGENCY_LABELS, type Urgency } from '../../domain/items/index.js';
import { type Config, ConfigError } from '../../platform/config.js';
import {
  ACTOR_OPTION,
  ACTOR_USAGE,
  type CliCommand,
  type CliContext,
  CliError,
  type CliOut,
  defineCommand,
  runCommandOn,
} from '../shared/cli.js';
import { startCampaign, withdrawCampaign } from './campaign-service.js';

const CAMPAIGN_USAGE =
  'campaign <title> <target> <due-workdays> [--description text] [--issuer 姓名|编号] [--reviewer 姓名|编号] [--urgency 一般|重要|紧急] [--domain 农业农村] [--sign-workdays n]';

async function temporal(ctx: CliContext) {
  if (!ctx.config.temporal.address) throw new ConfigError('TEMPORAL_ADDRESS is required: campaigns run as workflows');
  return ctx.temporal();
}

function report(ctx: CliContext, r: { ok: boolean; message: string }): number {
  (r.ok ? ctx.stdout : ctx.stderr).write(`${r.message}\n`);
  return r.ok ? 0 : 1;
}

/** undefined: not given; null: not a known urgency. */
function urgencyOf(text: string | undefined): Urgency | undefined | null {
  if (text === undefined) return undefined;
  const hit = (Object.entries(URGENCY_LABELS) as [Urgency, string][]).find(
    ([k, label]) => text === k || text === label,
  );
  return hit ? hit[0] : null;
}

/** 一令多发 from the CLI; messages are Chinese, for 督查室 operators. */
export const CAMPAIGN_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'campaign',
    usage: CAMPAIGN_USAGE,
    summary:
      '一令多发：一条指令交办多个单位；target: villages | villages:<乡镇,…> | townships | departments | units:<编号,…> / dispatch one instruction to many units',
    options: {
      description: { type: 'string' },
      issuer: { type: 'string' },
      reviewer: { type: 'string' },
      urgency: { type: 'string' },
      domain: { type: 'string' },
      'sign-workdays': { type: 'string' },
    },
    args: { min: 3, max: 3 },
    async run(ctx, { values: v, positionals: [title = '', target = '', due = ''] }) {
      const client = await temporal(ctx);
      const urgency = urgencyOf(v.urgency);
      if (!/^\d+$/.test(due) || urgency === null || (v['sign-workdays'] && !/^\d+$/.test(v['sign-workdays'])))
        throw new CliError(`办理时限、紧急程度或签收时限不对\n用法：${CAMPAIGN_USAGE}`, 2);
      const issuer = v.issuer ? await ctx.resolvePerson(v.issuer, '交办人') : undefined;
      const reviewer = v.reviewer ? await ctx.resolvePerson(v.reviewer, '审核人') : undefined;
      const db = await ctx.db();
      const r = await startCampaign(client, ctx.config.temporal.taskQueue, db, {
        title,
        target,
        dueWorkdays: Number(due),
        ...(v.description ? { description: v.description } : {}),
        ...(issuer ? { issuerId: issuer.id } : {}),
        ...(reviewer ? { reviewerId: reviewer.id } : {}),
        ...(urgency ? { urgency } : {}),
        ...(v.domain ? { domain: v.domain } : {}),
        ...(v['sign-workdays'] ? { signWorkdays: Number(v['sign-workdays']) } : {}),
      });
      if (!r.ok) return report(ctx, r);
      const unstaffed = r.unstaffed.length ? `；无人可交办、未交办：${r.unstaffed.join('、')}` : '';
      return report(ctx, { ok: true, message: `已交办督办活动 ${r.campaignId}：${r.units} 个单位${unstaffed}` });
    },
  }),
  defineCommand({
    name: 'campaign-withdraw',
    usage: `campaign-withdraw <campaign-id> <reason> ${ACTOR_USAGE}`,
    summary: '撤回督办活动（须为交办人）：未办结的事项全部撤销 / withdraw a campaign: its open items are cancelled',
    options: ACTOR_OPTION,
    args: { min: 2 },
    async run(ctx, { values, positionals: [campaignId = '', ...reason] }) {
      const client = await temporal(ctx);
      const actor = await ctx.resolveActor(values.actor);
      return report(ctx, await withdrawCampaign(client, campaignId, actor.id, reason.join(' ')));
    },
  }),
];

/** Runs one of these commands on a database the caller holds (the campaign tests drive the CLI this way). */
export function runCampaignCommand(
  db: Kysely<Database>,
  config: Config,
  command: string,
  args: readonly string[],
  out: CliOut,
): Promise<number> {
  return runCommandOn(CAMPAIGN_COMMANDS, command, args, { db, config, out });
}
