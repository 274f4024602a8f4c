import type { Kysely } from 'kysely';
import { DEFAULT_POLICY, type EscalationPolicy, policyProblems } from '../../domain/escalation/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface StoredPolicy {
  id: number;
  policy: EscalationPolicy;
}

/** The newest version of a policy; the default policy is stored as version 1 on first use. */
export async function activePolicy(db: Db, name = DEFAULT_POLICY.name): Promise<StoredPolicy> {
  const row = await latest(db, name);
  if (row) return row;
  if (name !== DEFAULT_POLICY.name) throw new Error(`escalation policy "${name}" does not exist`);
  await db
    .insertInto('escalation_policies')
    .values({ name, version: 1, body: JSON.stringify(DEFAULT_POLICY), created_by: 'system' })
    .onConflict((oc) => oc.columns(['name', 'version']).doNothing())
    .execute();
  return (await latest(db, name))!;
}

export class PolicyRejected extends Error {
  constructor(readonly problems: string[]) {
    super(`策略未保存：${problems.join('；')}`);
  }
}

/** Saves an edit as a new version; items already running keep the version they started with. */
export async function savePolicyVersion(
  db: Db,
  policy: Omit<EscalationPolicy, 'version'>,
  by: string,
): Promise<StoredPolicy> {
  const current = await latest(db, policy.name);
  const next: EscalationPolicy = { ...policy, version: (current?.policy.version ?? 0) + 1 };
  const problems = policyProblems(next);
  if (problems.length) throw new PolicyRejected(problems);
  await db
    .insertInto('escalation_policies')
    .values({ name: next.name, version: next.version, body: JSON.stringify(next), created_by: by })
    .execute();
  return (await latest(db, policy.name))!;
}

async function latest(db: Db, name: string): Promise<StoredPolicy | undefined> {
  const row = await db
    .selectFrom('escalation_policies')
    .select(['id', 'body'])
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, policy: row.body as EscalationPolicy } : undefined;
}
