import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, type CliContext, defineCommand } from '../shared/cli.js';
import { pauseCadence, resumeCadence } from './cadence-service.js';

function report(ctx: CliContext, r: { ok: boolean; message: string }): number {
  (r.ok ? ctx.stdout : ctx.stderr).write(`${r.message}\n`);
  return r.ok ? 0 : 1;
}

const CADENCES = 'village-weekly | township-halfmonth | county-monthly';

export const CADENCE_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'cadence-pause',
    usage: `cadence-pause <cadence> <unit> <reason> ${ACTOR_USAGE}`,
    summary: `暂停一个单位的常态化监测（${CADENCES}） / pause a cadence for a unit`,
    options: ACTOR_OPTION,
    args: { min: 3 },
    async run(ctx, { values, positionals: [cadenceId = '', unitId = '', ...reason] }) {
      const actor = await ctx.resolveActor(values.actor);
      const req = { cadenceId, unitId, reason: reason.join(' '), actorId: actor.id };
      return report(ctx, await pauseCadence(await ctx.db(), req));
    },
  }),
  defineCommand({
    name: 'cadence-resume',
    usage: `cadence-resume <cadence> <unit> [reason] ${ACTOR_USAGE}`,
    summary: '恢复常态化监测，自下一周期起 / resume it from the next period',
    options: ACTOR_OPTION,
    args: { min: 2 },
    async run(ctx, { values, positionals: [cadenceId = '', unitId = '', ...reason] }) {
      const actor = await ctx.resolveActor(values.actor);
      const req = { cadenceId, unitId, reason: reason.join(' '), actorId: actor.id };
      return report(ctx, await resumeCadence(await ctx.db(), req));
    },
  }),
];
