import { readFile, writeFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findRound } from '../../db/crosscheck/crosscheck.js';
import { firstSupervisor } from '../../db/crosscheck/roster.js';
import type { Database } from '../../db/schema.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { type Config, ConfigError } from '../../platform/config.js';
import { exportRoundReport } from './export-report.js';
import { importFindings } from './import-findings.js';
import { startRound } from './start-round.js';

interface Out {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const CROSSCHECK_USAGE = `  crosscheck-start <round-id> [--title 名称] [--actor id]   start a 交叉检查 round (teams, checklists to team leads)
  crosscheck-findings <round-id> <file.xlsx> [--actor id]   upload findings (清单编号, 问题描述, 严重程度, 整改时限（工作日）)
  crosscheck-report <round-id> <out.xlsx>   export the round's report (findings per township, 销号 and open)`;

export type CrosscheckCommand = 'crosscheck-start' | 'crosscheck-findings' | 'crosscheck-report';

/** The cross-check CLI commands; returns the exit code. Starting and uploading need the running Temporal server. */
export async function runCrosscheckCommand(
  db: Kysely<Database>,
  config: Config,
  command: CrosscheckCommand,
  args: string[],
  out: Out,
): Promise<number> {
  const [roundId, path] = positional(args);
  if (!roundId || (command !== 'crosscheck-start' && !path)) {
    out.stderr.write(`用法：\n${CROSSCHECK_USAGE}\n`);
    return 2;
  }
  if (command === 'crosscheck-report') {
    const exported = await exportRoundReport(db, roundId, toShanghaiIso(Date.now()));
    if (!exported) {
      out.stderr.write(`没有交叉检查轮次 ${roundId}\n`);
      return 1;
    }
    await writeFile(path!, exported.xlsx);
    const t = exported.report.totals;
    out.stdout.write(
      `已导出 ${path}：发现问题 ${t.findings} 个，已销号 ${t.done}，整改中 ${t.open}（逾期 ${t.overdue}），已撤销 ${t.cancelled}\n`,
    );
    return 0;
  }
  return withTemporal(config, async (client) => {
    if (command === 'crosscheck-start') {
      const organizer = flag(args, '--actor') ?? (await firstSupervisor(db));
      if (!organizer) {
        out.stderr.write('找不到督查室人员，请用 --actor 指定组织人\n');
        return 1;
      }
      const title =
        flag(args, '--title') ?? `${new Date().getFullYear()}年巩固拓展脱贫攻坚成果同乡村振兴有效衔接交叉检查`;
      const r = await startRound(client, config.temporal.taskQueue, db, { roundId, title, organizerId: organizer });
      if (!r.ok) {
        out.stderr.write(`${r.message}\n`);
        return 1;
      }
      out.stdout.write(`交叉检查 ${roundId} 已开始（${r.workflowId}），检查清单将发送给各检查组组长\n`);
      return 0;
    }
    const file = await readFile(path!).catch(() => undefined);
    if (!file) {
      out.stderr.write(`无法读取文件：${path}\n`);
      return 1;
    }
    const actor = flag(args, '--actor') ?? (await findRound(db, roundId))?.organizer_id;
    if (!actor) {
      out.stderr.write(`没有交叉检查轮次 ${roundId}\n`);
      return 1;
    }
    const r = await importFindings(client, roundId, file, actor);
    if (!r.ok) {
      out.stderr.write(
        `导入失败，未做任何修改（共 ${r.errors.length} 处错误）：\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 1;
    }
    out.stdout.write(
      `导入完成：${r.findings.length} 个问题，已交办整改事项 ${r.findings.map((f) => f.itemId).join('、')}\n`,
    );
    return 0;
  });
}

async function withTemporal(config: Config, fn: (client: Client) => Promise<number>): Promise<number> {
  if (!config.temporal.address) throw new ConfigError('TEMPORAL_ADDRESS is required for this command');
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    return await fn(new Client({ connection, namespace: config.temporal.namespace }));
  } finally {
    await connection.close();
  }
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  return args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
}
