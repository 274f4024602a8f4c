import { type Config, ConfigError } from '../../platform/config.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, type CliContext, defineCommand } from '../shared/cli.js';
import { type AdminResult, addOverride, loadOfficialNotice } from './calendar-admin.js';

/** Open items re-plan when the calendar changes, so both commands need the running Temporal. */
async function temporal(ctx: CliContext) {
  if (!ctx.config.temporal.address)
    throw new ConfigError('TEMPORAL_ADDRESS is required: open items must be told to re-plan');
  return ctx.temporal();
}

const followers = (config: Config) => ({ rankingSchedule: { taskQueue: config.temporal.taskQueue } });

function report(ctx: CliContext, result: AdminResult): number {
  if (result.ok) ctx.stdout.write(`${result.message}\n`);
  else ctx.stderr.write(`${result.errors.join('\n')}\n`);
  return result.ok ? 0 : 1;
}

export const CALENDAR_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'calendar-notice',
    usage: `calendar-notice <notice.json> ${ACTOR_USAGE}`,
    summary: "加载一年的国务院放假通知（含调休），未办结事项重新排期 / load a year's official holiday notice",
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const client = await temporal(ctx);
      const actor = await ctx.resolveActor(values.actor);
      return report(ctx, await loadOfficialNotice(await ctx.db(), client, path, actor.id, followers(ctx.config)));
    },
  }),
  defineCommand({
    name: 'calendar-override',
    usage: `calendar-override <rest|work|emergency> <from> <to> <reason> ${ACTOR_USAGE}`,
    summary: '县里的调整：休息日、工作日或应急时段 / a county rest day, working day or emergency period',
    options: ACTOR_OPTION,
    args: { min: 4 },
    async run(ctx, { values, positionals: [kind, from = '', to = '', ...reason] }) {
      const client = await temporal(ctx);
      const actor = await ctx.resolveActor(values.actor);
      const override = { kind: kind as 'rest', from, to, reason: reason.join(' '), actor: actor.id };
      return report(ctx, await addOverride(await ctx.db(), client, override, followers(ctx.config)));
    },
  }),
];
