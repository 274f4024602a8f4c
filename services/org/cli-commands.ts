import type { Kysely } from 'kysely';
import { createLarkClient } from '../../bot/lark/client.js';
import type { Database } from '../../db/schema.js';
import { ConfigError, loadConfig } from '../../platform/config.js';
import { ACTOR_OPTION, ACTOR_USAGE, type CliCommand, type CliOut, defineCommand, runCommandOn } from '../shared/cli.js';
import { importOrgFile, OrgFileError } from './import-file.js';
import { syncOrgFromLark } from './lark-sync.js';

export const ORG_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'import-org',
    usage: `import-org <file.xlsx | csv folder> ${ACTOR_USAGE}`,
    summary: '导入单位、人员、职务、分管与代理（services/org/README.md） / import units, people, posts, 分管, 代理',
    options: ACTOR_OPTION,
    args: { min: 1, max: 1 },
    async run(ctx, { values, positionals: [path = ''] }) {
      const actor = await ctx.resolveActor(values.actor);
      try {
        const result = await importOrgFile(await ctx.db(), path, { actor: actor.id });
        if (!result.ok) {
          ctx.stderr.write(`导入失败，未做任何修改（共 ${result.errors.length} 处错误）：\n`);
          for (const m of result.messages) ctx.stderr.write(`  ${m}\n`);
          return 1;
        }
        const s = result.summary;
        ctx.stdout.write(
          `导入完成（记录 #${result.importId}）：单位 新增${s.units.created.length} 更新${s.units.updated.length}；` +
            `人员 新增${s.people.created.length} 更新${s.people.updated.length}；` +
            `职务 新增${s.posts.added.length} 删除${s.posts.removed.length} 改名${s.posts.retitled.length}；` +
            `分管 新增${s.leaderDomains.added.length} 删除${s.leaderDomains.removed.length}；` +
            `代理 新增${s.acting.added.length} 删除${s.acting.removed.length} 修改${s.acting.changed.length}\n`,
        );
        return 0;
      } catch (err) {
        if (!(err instanceof OrgFileError)) throw err;
        ctx.stderr.write(`${err.message}\n`);
        return 1;
      }
    },
  }),
  defineCommand({
    name: 'sync-org-lark',
    usage: `sync-org-lark ${ACTOR_USAGE}`,
    summary: '从飞书通讯录同步部门、负责人与成员（或 LARK_DOMAIN 的模拟器） / sync the org from the Lark contact API',
    options: ACTOR_OPTION,
    args: { min: 0, max: 0 },
    async run(ctx, { values }) {
      const { domain, appId, appSecret } = ctx.config.lark;
      if (!domain)
        throw new ConfigError('sync-org-lark needs LARK_APP_ID/LARK_APP_SECRET, or LARK_DOMAIN for the simulator');
      const actor = await ctx.resolveActor(values.actor);
      const result = await syncOrgFromLark(await ctx.db(), createLarkClient({ appId, appSecret, domain }), {
        actor: actor.id,
      });
      const { summary: s, report: r } = result;
      ctx.stdout.write(
        `同步完成（记录 #${result.importId}）：飞书部门 ${r.departments} 个、成员 ${r.users} 人；` +
          `单位 新增${s.units.created.length} 更新${s.units.updated.length}；人员 新增${s.people.created.length} 更新${s.people.updated.length}；` +
          `负责人职务 新增${s.posts.added.length} 删除${s.posts.removed.length}\n`,
      );
      for (const id of r.peopleNotInLark) {
        const open = r.openItemsOfMissing[id];
        ctx.stdout.write(`  飞书中已无此人员，已保留：${id}${open ? `（仍有 ${open} 件未办结事项）` : ''}\n`);
      }
      for (const u of r.skippedUsers) ctx.stdout.write(`  未同步成员 ${u.name}：${u.reason}\n`);
      for (const l of r.skippedLeaders) ctx.stdout.write(`  单位 ${l.unitId} 的负责人未同步：${l.reason}\n`);
      return 0;
    },
  }),
];

/** `import-org` on a database the caller holds (the org import tests drive the CLI this way). */
export function runImportOrg(db: Kysely<Database>, args: readonly string[], out: CliOut): Promise<number> {
  return runCommandOn(ORG_COMMANDS, 'import-org', args, { db, config: loadConfig({}), out });
}
