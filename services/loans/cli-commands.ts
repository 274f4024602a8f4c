import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { formatWan, isMonth } from '../../domain/loans/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Config } from '../../platform/config.js';
import { projectFiguresReport } from '../projects/figures-report.js';
import { importProjects } from '../projects/import-projects.js';
import { startActiveProjects } from '../projects/project-service.js';
import { loanFiguresReport } from './figures-report.js';
import { importLoans } from './import-loans.js';
import { startOpenLoans } from './loan-service.js';

interface Out {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const LEDGER_USAGE = `  loans-import <file.xlsx> [--actor id]   import the 小额信贷 ledger (and the year's 新增贷款 target); starts tracking
  loans-figures <YYYY-MM>   a month's collection per township and the year's target against 序时进度
  projects-import <file.xlsx> [--actor id]   import the 衔接资金 project ledger; starts the monthly follow-up
  projects-figures   started rate, funds by source, industry share and payment progress across projects`;

/** The ledger CLI commands; returns the exit code. Imports start workflows when TEMPORAL_ADDRESS is set. */
export async function runLedgerCommand(
  db: Kysely<Database>,
  config: Config,
  command: string,
  args: string[],
  out: Out,
): Promise<number> {
  const actor = flag(args, '--actor') ?? 'cli';
  const [arg] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--actor');
  if (command === 'projects-figures') {
    out.stdout.write(`${(await projectFiguresReport(db)).join('\n')}\n`);
    return 0;
  }
  if (command === 'loans-figures') {
    if (!arg || !isMonth(arg)) {
      out.stderr.write('用法：loans-figures <YYYY-MM>，例如 loans-figures 2024-06\n');
      return 2;
    }
    out.stdout.write(`${(await loanFiguresReport(db, arg)).join('\n')}\n`);
    return 0;
  }
  if (!arg) {
    out.stderr.write(`用法：\n${LEDGER_USAGE}\n`);
    return 2;
  }
  const file = await readFile(arg).catch(() => undefined);
  if (!file) {
    out.stderr.write(`无法读取文件：${arg}\n`);
    return 1;
  }
  const meta = { by: actor, at: toShanghaiIso(Date.now()) };
  const result = command === 'loans-import' ? await importLoans(db, file, meta) : await importProjects(db, file, meta);
  if (!result.ok) {
    out.stderr.write(
      `导入失败，未做任何修改（共 ${result.errors.length} 处错误）：\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`,
    );
    return 1;
  }
  if ('loans' in result) {
    out.stdout.write(`已导入贷款 ${result.loans.length} 笔\n`);
    if (result.target)
      out.stdout.write(`${result.target.year} 年新增贷款任务：${formatWan(result.target.amountFen)} 万元\n`);
  } else {
    out.stdout.write(`已导入项目 ${result.projects.length} 个\n`);
  }
  if (!config.temporal.address) {
    out.stdout.write(
      '未设置 TEMPORAL_ADDRESS：台账已保存，提醒与督办流程未启动；设置后的下一次导入会为台账中全部未结项启动流程\n',
    );
    return 0;
  }
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    // Every open entry, not only this file's: an earlier import made without Temporal catches up here.
    const started =
      'loans' in result
        ? await startOpenLoans(client, config.temporal.taskQueue, db)
        : await startActiveProjects(client, config.temporal.taskQueue, db);
    out.stdout.write(`已启动跟踪流程 ${started.started} 个\n`);
  } finally {
    await connection.close();
  }
  return 0;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
