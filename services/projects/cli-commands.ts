import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, defineCommand } from '../shared/cli.js';
import { readFileArg, reportImportErrors, startTracking } from '../shared/cli-import.js';
import { projectFiguresReport } from './figures-report.js';
import { importProjects } from './import-projects.js';
import { startActiveProjects } from './project-service.js';

export const PROJECT_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'projects-import',
    usage: `projects-import <file.xlsx> ${ACTOR_USAGE}`,
    summary: '导入衔接资金项目台账，开始按月跟进 / import the 衔接资金 project ledger; starts the monthly follow-up',
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const file = await readFileArg(ctx, path);
      if (!file) return 1;
      const actor = await ctx.resolveActor(values.actor);
      const db = await ctx.db();
      const result = await importProjects(db, file, { by: actor.id, at: toShanghaiIso(Date.now()) });
      if (!result.ok) return reportImportErrors(ctx, result.errors);
      ctx.stdout.write(`已导入项目 ${result.projects.length} 个\n`);
      return startTracking(ctx, (client, taskQueue) => startActiveProjects(client, taskQueue, db));
    },
  }),
  defineCommand({
    name: 'projects-figures',
    usage: 'projects-figures',
    summary: '全部项目的开工率、资金来源、产业占比与支付进度 / started rate, funds, industry share, payment progress',
    args: { min: 0, max: 0 },
    async run(ctx) {
      ctx.stdout.write(`${(await projectFiguresReport(await ctx.db())).join('\n')}\n`);
      return 0;
    },
  }),
];
