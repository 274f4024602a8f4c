import { readFile, writeFile } from 'node:fs/promises';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { ConfigError } from '../../platform/config.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, type CliContext, defineCommand } from '../shared/cli.js';
import { exportRoundReport } from './export-report.js';
import { importFindings } from './import-findings.js';
import { startRound } from './start-round.js';

/** Starting a round and uploading findings go through its workflow. */
async function temporal(ctx: CliContext) {
  if (!ctx.config.temporal.address) throw new ConfigError('TEMPORAL_ADDRESS is required for this command');
  return ctx.temporal();
}

export const CROSSCHECK_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'crosscheck-start',
    usage: `crosscheck-start <round-id> [--title 名称] ${ACTOR_USAGE}`,
    summary: '开始一轮交叉检查（组织人即操作人），检查清单发给各组组长 / start a 交叉检查 round',
    options: { ...ACTOR_OPTION, title: { type: 'string' } },
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [roundId = ''] }) {
      const client = await temporal(ctx);
      const organizer = await ctx.resolveActor(values.actor);
      if (!organizer.person) {
        ctx.stderr.write('找不到督查室人员，请用 --actor 指定组织人\n');
        return 1;
      }
      const title = values.title ?? `${new Date().getFullYear()}年巩固拓展脱贫攻坚成果同乡村振兴有效衔接交叉检查`;
      const db = await ctx.db();
      const r = await startRound(client, ctx.config.temporal.taskQueue, db, {
        roundId,
        title,
        organizerId: organizer.id,
      });
      if (!r.ok) {
        ctx.stderr.write(`${r.message}\n`);
        return 1;
      }
      ctx.stdout.write(`交叉检查 ${roundId} 已开始（${r.workflowId}），检查清单将发送给各检查组组长\n`);
      return 0;
    },
  }),
  defineCommand({
    name: 'crosscheck-findings',
    usage: `crosscheck-findings <round-id> <file.xlsx> ${ACTOR_USAGE}`,
    summary: '上传检查发现的问题（清单编号, 问题描述, 严重程度, 整改时限（工作日）） / upload findings',
    options: ACTOR_OPTION,
    args: { min: 2, max: 2 },
    async run(ctx, { values, positionals: [roundId = '', path = ''] }) {
      const client = await temporal(ctx);
      const file = await readFile(path).catch(() => undefined);
      if (!file) {
        ctx.stderr.write(`无法读取文件：${path}\n`);
        return 1;
      }
      const actor = await ctx.resolveActor(values.actor);
      const r = await importFindings(client, roundId, file, actor.id);
      if (!r.ok) {
        ctx.stderr.write(
          `导入失败，未做任何修改（共 ${r.errors.length} 处错误）：\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`,
        );
        return 1;
      }
      ctx.stdout.write(
        `导入完成：${r.findings.length} 个问题，已交办整改事项 ${r.findings.map((f) => f.itemId).join('、')}\n`,
      );
      return 0;
    },
  }),
  defineCommand({
    name: 'crosscheck-report',
    usage: 'crosscheck-report <round-id> <out.xlsx>',
    summary: '导出一轮的报告（各乡镇问题、销号与未销号） / export the round report',
    args: { min: 2, max: 2 },
    async run(ctx, { positionals: [roundId = '', path = ''] }) {
      const exported = await exportRoundReport(await ctx.db(), roundId, toShanghaiIso(Date.now()));
      if (!exported) {
        ctx.stderr.write(`没有交叉检查轮次 ${roundId}\n`);
        return 1;
      }
      await writeFile(path, exported.xlsx);
      const t = exported.report.totals;
      ctx.stdout.write(
        `已导出 ${path}：发现问题 ${t.findings} 个，已销号 ${t.done}，整改中 ${t.open}（逾期 ${t.overdue}），已撤销 ${t.cancelled}\n`,
      );
      return 0;
    },
  }),
];
