import type { Kysely } from 'kysely';
import { saveRuleSet } from '../../db/ranking/ranking.js';
import type { Database } from '../../db/schema.js';
import {
  describeDiff,
  isMonth,
  monthLabel,
  NO_OVERRIDES,
  pts,
  type Ranking,
  signedPts,
} from '../../domain/ranking/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { loadConfig } from '../../platform/config.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, type CliOut, defineCommand, runCommandOn } from '../shared/cli.js';
import { readFileArg, reportImportErrors } from '../shared/cli-import.js';
import { comparePublished, computeAndStore } from './compute.js';
import { importInspections } from './import-inspections.js';

export const RANKING_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'ranking-draft',
    usage: `ranking-draft <YYYY-MM> [--explain] ${ACTOR_USAGE}`,
    summary: "立即试算一个月的红黑榜（不发布） / compute a month's 红黑榜 draft now (not published)",
    options: { ...ACTOR_OPTION, explain: { type: 'boolean' } },
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [month = ''] }) {
      if (!isMonth(month)) {
        ctx.stderr.write('用法：ranking-draft <YYYY-MM> [--explain]，例如 ranking-draft 2024-06\n');
        return 2;
      }
      const actor = await ctx.resolveActor(values.actor);
      const db = await ctx.db();
      const { ranking } = await computeAndStore(db, {
        month,
        kind: 'preview',
        overrides: NO_OVERRIDES,
        by: actor.id,
        at: toShanghaiIso(Date.now()),
      });
      ctx.stdout.write(describe(ranking, values.explain === true));
      const published = await comparePublished(db, month, ranking);
      if (published) {
        const changes = describeDiff(published.diff);
        ctx.stdout.write(`\n与已发布榜单相比：${changes.length ? `\n  ${changes.join('\n  ')}` : '无变化'}\n`);
      }
      return 0;
    },
  }),
  defineCommand({
    name: 'ranking-import',
    usage: `ranking-import <file.xlsx> ${ACTOR_USAGE}`,
    summary: "导入一个月的人居环境检查（含照片） / import a month's 人居环境 inspections (with photos)",
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const file = await readFileArg(ctx, path);
      if (!file) return 1;
      const actor = await ctx.resolveActor(values.actor);
      const r = await importInspections(await ctx.db(), file, { by: actor.id, at: toShanghaiIso(Date.now()) });
      if (!r.ok) return reportImportErrors(ctx, r.errors);
      ctx.stdout.write(`导入完成：${r.villages} 个村（社区），${r.inspections} 项检查，照片 ${r.photos} 张\n`);
      return 0;
    },
  }),
  defineCommand({
    name: 'ranking-rules',
    usage: `ranking-rules <rules.json> ${ACTOR_USAGE}`,
    summary: '保存新版评分规则（使用类指标会被拒绝） / store a new version of the scoring rules',
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const file = await readFileArg(ctx, path);
      if (!file) return 1;
      let body: unknown;
      try {
        body = JSON.parse(file.toString('utf8'));
      } catch {
        ctx.stderr.write('评分规则文件不是有效的 JSON\n');
        return 1;
      }
      const actor = await ctx.resolveActor(values.actor);
      const saved = await saveRuleSet(await ctx.db(), body, actor.id, toShanghaiIso(Date.now()));
      if (!saved.ok) {
        ctx.stderr.write(
          `评分规则未保存：\n${saved.problems.map((p) => `  ${p.path ? `${p.path}：` : ''}${p.message}`).join('\n')}\n`,
        );
        return 1;
      }
      ctx.stdout.write(`评分规则 ${saved.rules.name} 第 ${saved.rules.version} 版已保存，下次计算起使用\n`);
      return 0;
    },
  }),
];

/** One of these commands on a database the caller holds (the ranking tests drive the CLI this way). */
export function runRankingCommand(
  db: Kysely<Database>,
  command: string,
  args: readonly string[],
  out: CliOut,
): Promise<number> {
  return runCommandOn(RANKING_COMMANDS, command, args, { db, config: loadConfig({}), out });
}

function describe(r: Ranking, explain: boolean): string {
  const lines = [`${monthLabel(r.month)}红黑榜试算（评分规则 ${r.rule.name} 第 ${r.rule.version} 版，未发布）`, ''];
  for (const s of r.selection.standings) {
    const tag = r.selection.red.some((x) => x.villageId === s.villageId)
      ? '　红榜'
      : r.selection.black.some((x) => x.villageId === s.villageId)
        ? '　黑榜'
        : '';
    lines.push(`${String(s.rank).padStart(3)}${s.tied ? '=' : ' '} ${pts(s.tenths).padStart(5)}  ${s.name}${tag}`);
    if (explain) {
      for (const l of r.scores.find((x) => x.villageId === s.villageId)?.lines ?? []) {
        lines.push(`          ${signedPts(l.tenths).padStart(5)}  ${l.label}：${l.detail}`);
      }
    }
  }
  for (const s of r.selection.unranked) {
    const missing = r.scores.find((x) => x.villageId === s.villageId)?.facts.missingDimensions ?? [];
    lines.push(`   —        ${s.name}　数据不全（缺${missing.join('、')}）`);
  }
  lines.push('', '通报文字：');
  for (const [id, text] of Object.entries(r.texts)) lines.push(`  [${id}] ${text}`);
  return `${lines.join('\n')}\n`;
}
