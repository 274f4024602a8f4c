import { formatWan, isMonth } from '../../domain/loans/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, defineCommand } from '../shared/cli.js';
import { readFileArg, reportImportErrors, startTracking } from '../shared/cli-import.js';
import { loanFiguresReport } from './figures-report.js';
import { importLoans } from './import-loans.js';
import { startOpenLoans } from './loan-service.js';

export const LOAN_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'loans-import',
    usage: `loans-import <file.xlsx> ${ACTOR_USAGE}`,
    summary: '导入小额信贷台账（及年度新增贷款任务），开始跟踪 / import the 小额信贷 ledger; starts tracking',
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const file = await readFileArg(ctx, path);
      if (!file) return 1;
      const actor = await ctx.resolveActor(values.actor);
      const db = await ctx.db();
      const result = await importLoans(db, file, { by: actor.id, at: toShanghaiIso(Date.now()) });
      if (!result.ok) return reportImportErrors(ctx, result.errors);
      ctx.stdout.write(`已导入贷款 ${result.loans.length} 笔\n`);
      if (result.target)
        ctx.stdout.write(`${result.target.year} 年新增贷款任务：${formatWan(result.target.amountFen)} 万元\n`);
      return startTracking(ctx, (client, taskQueue) => startOpenLoans(client, taskQueue, db));
    },
  }),
  defineCommand({
    name: 'loans-figures',
    usage: 'loans-figures <YYYY-MM>',
    summary: "一个月各乡镇的到期、收回、逾期与回收率，及年度新增贷款对照序时进度 / a month's collection figures",
    args: { min: 1, max: 1 },
    async run(ctx, { positionals: [month = ''] }) {
      if (!isMonth(month)) {
        ctx.stderr.write('用法：loans-figures <YYYY-MM>，例如 loans-figures 2024-06\n');
        return 2;
      }
      ctx.stdout.write(`${(await loanFiguresReport(await ctx.db(), month)).join('\n')}\n`);
      return 0;
    },
  }),
];
