import { readFile } from 'node:fs/promises';
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
import { comparePublished, computeAndStore } from './compute.js';
import { importInspections } from './import-inspections.js';

interface Out {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const RANKING_USAGE = `  ranking-draft <YYYY-MM> [--explain] [--actor id]   compute a month's 红黑榜 draft now (not published)
  ranking-import <file.xlsx> [--actor id]   import a month's 人居环境 inspections (with photos)
  ranking-rules <rules.json> [--actor id]   store a new version of the scoring rules (usage metrics are refused)`;

/** The ranking's CLI commands; returns the exit code. */
export async function runRankingCommand(
  db: Kysely<Database>,
  command: string,
  args: string[],
  out: Out,
): Promise<number> {
  const actor = flag(args, '--actor') ?? 'cli';
  const [arg] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--actor');
  const at = toShanghaiIso(Date.now());
  if (command === 'ranking-draft') {
    if (!arg || !isMonth(arg)) {
      out.stderr.write('用法：ranking-draft <YYYY-MM> [--explain]，例如 ranking-draft 2024-06\n');
      return 2;
    }
    const { ranking } = await computeAndStore(db, {
      month: arg,
      kind: 'preview',
      overrides: NO_OVERRIDES,
      by: actor,
      at,
    });
    out.stdout.write(describe(ranking, args.includes('--explain')));
    const published = await comparePublished(db, arg, ranking);
    if (published) {
      const changes = describeDiff(published.diff);
      out.stdout.write(`\n与已发布榜单相比：${changes.length ? `\n  ${changes.join('\n  ')}` : '无变化'}\n`);
    }
    return 0;
  }
  if (!arg) {
    out.stderr.write(`用法：\n${RANKING_USAGE}\n`);
    return 2;
  }
  const file = await readFile(arg).catch(() => undefined);
  if (!file) {
    out.stderr.write(`无法读取文件：${arg}\n`);
    return 1;
  }
  if (command === 'ranking-import') {
    const r = await importInspections(db, file, { by: actor, at });
    if (!r.ok) {
      out.stderr.write(
        `导入失败，未做任何修改（共 ${r.errors.length} 处错误）：\n${r.errors.map((e) => `  ${e}`).join('\n')}\n`,
      );
      return 1;
    }
    out.stdout.write(`导入完成：${r.villages} 个村（社区），${r.inspections} 项检查，照片 ${r.photos} 张\n`);
    return 0;
  }
  let body: unknown;
  try {
    body = JSON.parse(file.toString('utf8'));
  } catch {
    out.stderr.write('评分规则文件不是有效的 JSON\n');
    return 1;
  }
  const saved = await saveRuleSet(db, body, actor, at);
  if (!saved.ok) {
    out.stderr.write(
      `评分规则未保存：\n${saved.problems.map((p) => `  ${p.path ? `${p.path}：` : ''}${p.message}`).join('\n')}\n`,
    );
    return 1;
  }
  out.stdout.write(`评分规则 ${saved.rules.name} 第 ${saved.rules.version} 版已保存，下次计算起使用\n`);
  return 0;
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

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
