import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { URGENCY_LABELS, type Urgency } from '../../domain/items/index.js';
import { type Config, ConfigError } from '../../platform/config.js';
import { pauseCadence, resumeCadence } from '../cadence/cadence-service.js';
import { startCampaign, withdrawCampaign } from './campaign-service.js';

interface Out {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const CAMPAIGN_USAGE = `  campaign <title> <target> <due-workdays> [--description text] [--issuer id] [--reviewer id] [--urgency 一般|重要|紧急] [--domain 农业农村] [--sign-workdays n]
               dispatch one instruction to many units; target: villages | villages:<township,…> | townships | departments | units:<id,…>
  campaign-withdraw <campaign-id> <reason> --actor <issuer id>   withdraw a campaign: its open items are cancelled
  cadence-pause <cadence> <unit> <reason> [--actor id]   pause a cadence (village-weekly | township-halfmonth | county-monthly) for a unit
  cadence-resume <cadence> <unit> [reason] [--actor id]   resume it from the next period`;

export type CampaignCommand = 'campaign' | 'campaign-withdraw' | 'cadence-pause' | 'cadence-resume';

/** The campaign and cadence CLI commands; returns the exit code. Messages are Chinese, for 督查室 operators. */
export async function runCampaignCommand(
  db: Kysely<Database>,
  config: Config,
  command: CampaignCommand,
  args: string[],
  out: Out,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    out.stderr.write(`参数错误：${err instanceof Error ? err.message : String(err)}\n${CAMPAIGN_USAGE}\n`);
    return 2;
  }
  const { values: v, positionals: p } = parsed;
  const report = (r: { ok: boolean; message: string }) => {
    (r.ok ? out.stdout : out.stderr).write(`${r.message}\n`);
    return r.ok ? 0 : 1;
  };
  if (command === 'cadence-pause' || command === 'cadence-resume') {
    const [cadenceId, unitId, ...words] = p;
    if (!cadenceId || !unitId || (command === 'cadence-pause' && words.length === 0)) {
      out.stderr.write(`用法：\n${CAMPAIGN_USAGE}\n`);
      return 2;
    }
    const req = { cadenceId, unitId, reason: words.join(' '), actorId: v.actor ?? 'cli' };
    return report(command === 'cadence-pause' ? await pauseCadence(db, req) : await resumeCadence(db, req));
  }
  return withTemporal(config, async (client) => {
    if (command === 'campaign-withdraw') {
      const [campaignId, ...words] = p;
      if (!campaignId || words.length === 0 || !v.actor) {
        out.stderr.write('用法：campaign-withdraw <督办活动编号> <撤回理由> --actor <交办人编号>\n');
        return 2;
      }
      return report(await withdrawCampaign(client, campaignId, v.actor, words.join(' ')));
    }
    const [title, target, due] = p;
    const urgency = urgencyOf(v.urgency);
    if (!title || !target || !due || !/^\d+$/.test(due) || urgency === null) {
      out.stderr.write(`用法：\n${CAMPAIGN_USAGE}\n`);
      return 2;
    }
    const r = await startCampaign(client, config.temporal.taskQueue, db, {
      title,
      target,
      dueWorkdays: Number(due),
      ...(v.description ? { description: v.description } : {}),
      ...(v.issuer ? { issuerId: v.issuer } : {}),
      ...(v.reviewer ? { reviewerId: v.reviewer } : {}),
      ...(urgency ? { urgency } : {}),
      ...(v.domain ? { domain: v.domain } : {}),
      ...(v['sign-workdays'] ? { signWorkdays: Number(v['sign-workdays']) } : {}),
    });
    if (!r.ok) return report(r);
    const unstaffed = r.unstaffed.length ? `；无人可交办、未交办：${r.unstaffed.join('、')}` : '';
    return report({ ok: true, message: `已交办督办活动 ${r.campaignId}：${r.units} 个单位${unstaffed}` });
  });
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      actor: { type: 'string' },
      description: { type: 'string' },
      issuer: { type: 'string' },
      reviewer: { type: 'string' },
      urgency: { type: 'string' },
      domain: { type: 'string' },
      'sign-workdays': { type: 'string' },
    },
  });
}

/** undefined: not given; null: not a known urgency. */
function urgencyOf(text: string | undefined): Urgency | undefined | null {
  if (text === undefined) return undefined;
  const hit = (Object.entries(URGENCY_LABELS) as [Urgency, string][]).find(
    ([k, label]) => text === k || text === label,
  );
  return hit ? hit[0] : null;
}

async function withTemporal(config: Config, fn: (client: Client) => Promise<number>): Promise<number> {
  if (!config.temporal.address) throw new ConfigError('TEMPORAL_ADDRESS is required: campaigns run as workflows');
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    return await fn(new Client({ connection, namespace: config.temporal.namespace }));
  } finally {
    await connection.close();
  }
}
