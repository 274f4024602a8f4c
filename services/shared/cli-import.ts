import { readFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import type { CliContext } from './cli.js';

/** The file a command names; unreadable, the operator is told which path. */
export async function readFileArg(ctx: CliContext, path: string): Promise<Buffer | undefined> {
  const file = await readFile(path).catch(() => undefined);
  if (!file) ctx.stderr.write(`无法读取文件：${path}\n`);
  return file;
}

/** An import refused as a whole: every problem, one a line. */
export function reportImportErrors(ctx: CliContext, errors: readonly string[]): number {
  ctx.stderr.write(
    `导入失败，未做任何修改（共 ${errors.length} 处错误）：\n${errors.map((e) => `  ${e}`).join('\n')}\n`,
  );
  return 1;
}

/**
 * After a ledger import: start the tracking workflow of every open entry, not only this file's, so an earlier
 * import made without Temporal catches up here. Without Temporal the ledger is saved and the operator is told what
 * the next import will do.
 */
export async function startTracking(
  ctx: CliContext,
  start: (client: Client, taskQueue: string) => Promise<{ started: number }>,
): Promise<number> {
  if (!ctx.config.temporal.address) {
    ctx.stdout.write(
      '未设置 TEMPORAL_ADDRESS：台账已保存，提醒与督办流程未启动；设置后的下一次导入会为台账中全部未结项启动流程\n',
    );
    return 0;
  }
  const started = await start(await ctx.temporal(), ctx.config.temporal.taskQueue);
  ctx.stdout.write(`已启动跟踪流程 ${started.started} 个\n`);
  return 0;
}
