import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { createLarkClient } from '../../bot/lark/client.js';
import type { Database } from '../../db/schema.js';
import { type Config, ConfigError } from '../../platform/config.js';
import { importOrgFile, OrgFileError } from './import-file.js';
import { syncOrgFromLark } from './lark-sync.js';

interface Out {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** `import-org <file.xlsx | csv folder> [--actor <id>]`; returns the exit code. */
export async function runImportOrg(db: Kysely<Database>, args: string[], out: Out): Promise<number> {
  const { positional, actor } = parseArgs(args);
  if (!positional) {
    out.stderr.write('用法：import-org <组织架构.xlsx | CSV 文件夹> [--actor 人员编号]\n');
    return 2;
  }
  try {
    const result = await importOrgFile(db, positional, { actor });
    if (!result.ok) {
      out.stderr.write(`导入失败，未做任何修改（共 ${result.errors.length} 处错误）：\n`);
      for (const m of result.messages) out.stderr.write(`  ${m}\n`);
      return 1;
    }
    const s = result.summary;
    out.stdout.write(
      `导入完成（记录 #${result.importId}）：单位 新增${s.units.created.length} 更新${s.units.updated.length}；` +
        `人员 新增${s.people.created.length} 更新${s.people.updated.length}；` +
        `职务 新增${s.posts.added.length} 删除${s.posts.removed.length} 改名${s.posts.retitled.length}；` +
        `分管 新增${s.leaderDomains.added.length} 删除${s.leaderDomains.removed.length}；` +
        `代理 新增${s.acting.added.length} 删除${s.acting.removed.length} 修改${s.acting.changed.length}\n`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof OrgFileError)) throw err;
    out.stderr.write(`${err.message}\n`);
    return 1;
  }
}

/** `sync-org-lark [--actor <id>]`: reads the Lark contact directory (or the simulator at LARK_DOMAIN). */
export async function runSyncOrgLark(db: Kysely<Database>, config: Config, args: string[], out: Out): Promise<number> {
  const { domain, appId, appSecret } = config.lark;
  if (!domain)
    throw new ConfigError('sync-org-lark needs LARK_APP_ID/LARK_APP_SECRET, or LARK_DOMAIN for the simulator');
  const result = await syncOrgFromLark(db, createLarkClient({ appId, appSecret, domain }), {
    actor: parseArgs(args).actor,
  });
  const { summary: s, report: r } = result;
  out.stdout.write(
    `同步完成（记录 #${result.importId}）：飞书部门 ${r.departments} 个、成员 ${r.users} 人；` +
      `单位 新增${s.units.created.length} 更新${s.units.updated.length}；人员 新增${s.people.created.length} 更新${s.people.updated.length}；` +
      `负责人职务 新增${s.posts.added.length} 删除${s.posts.removed.length}\n`,
  );
  for (const id of r.peopleNotInLark) {
    const open = r.openItemsOfMissing[id];
    out.stdout.write(`  飞书中已无此人员，已保留：${id}${open ? `（仍有 ${open} 件未办结事项）` : ''}\n`);
  }
  for (const u of r.skippedUsers) out.stdout.write(`  未同步成员 ${u.name}：${u.reason}\n`);
  for (const l of r.skippedLeaders) out.stdout.write(`  单位 ${l.unitId} 的负责人未同步：${l.reason}\n`);
  return 0;
}

function parseArgs(args: string[]): { positional: string | undefined; actor: string } {
  const at = args.indexOf('--actor');
  const actor = at >= 0 ? args[at + 1] : undefined;
  const positional = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  return { positional, actor: actor ?? `cli:${userInfo().username}` };
}
