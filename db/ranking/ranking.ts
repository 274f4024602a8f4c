import type { Kysely } from 'kysely';
import {
  checkRuleSet,
  type Month,
  type PriorStatus,
  type Ranking,
  type RuleCheck,
  type RuleSet,
} from '../../domain/ranking/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The latest version of a rule family, or undefined when none is stored yet. */
export async function activeRuleSet(db: Db, name: string): Promise<RuleSet | undefined> {
  const row = await db
    .selectFrom('ranking_rule_sets')
    .select('body')
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row?.body;
}

export async function getRuleSet(db: Db, name: string, version: number): Promise<RuleSet | undefined> {
  const row = await db
    .selectFrom('ranking_rule_sets')
    .select('body')
    .where('name', '=', name)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.body;
}

/**
 * Stores a rule set as the next version of its family after checking it (the usage-metric guard included); a
 * refused rule set is returned with its problems and nothing is written.
 */
export async function saveRuleSet(db: Db, input: unknown, by: string, at: string): Promise<RuleCheck> {
  const check = checkRuleSet(input);
  if (!check.ok) return check;
  return db.transaction().execute(async (trx) => {
    const latest = await activeRuleSet(trx, check.rules.name);
    const rules = { ...check.rules, version: (latest?.version ?? 0) + 1 };
    await trx
      .insertInto('ranking_rule_sets')
      .values({ name: rules.name, version: rules.version, body: JSON.stringify(rules), created_by: by })
      .execute();
    await recordRankingEvent(trx, {
      dedupKey: `rules:${rules.name}:${rules.version}`,
      month: '*',
      type: 'rules_saved',
      actorId: by,
      at,
      payload: { name: rules.name, version: rules.version },
    });
    return { ok: true, rules };
  });
}

/** Stores the built-in rule set as version 1 of its family if the family has none yet. */
export async function ensureRuleSet(db: Db, rules: RuleSet, by: string): Promise<RuleSet> {
  const existing = await activeRuleSet(db, rules.name);
  if (existing) return existing;
  await db
    .insertInto('ranking_rule_sets')
    .values({ name: rules.name, version: rules.version, body: JSON.stringify(rules), created_by: by })
    .onConflict((oc) => oc.columns(['name', 'version']).doNothing())
    .execute();
  await recordRankingEvent(db, {
    dedupKey: `rules:${rules.name}:${rules.version}`,
    month: '*',
    type: 'rules_saved',
    actorId: by,
    at: new Date().toISOString(),
    payload: { name: rules.name, version: rules.version, builtIn: true },
  });
  return (await activeRuleSet(db, rules.name))!;
}

export interface SnapshotRow {
  id: string;
  month: Month;
  kind: 'draft' | 'preview';
  ranking: Ranking;
  computedAt: string;
  computedBy: string;
  workflowId: string | null;
}

export async function saveSnapshot(
  db: Db,
  s: { month: Month; kind: 'draft' | 'preview'; ranking: Ranking; workflowId?: string; by: string; at: string },
): Promise<string> {
  const row = await db
    .insertInto('ranking_snapshots')
    .values({
      month: s.month,
      kind: s.kind,
      rule_name: s.ranking.rule.name,
      rule_version: s.ranking.rule.version,
      workflow_id: s.workflowId ?? null,
      body: JSON.stringify(s.ranking),
      computed_by: s.by,
      computed_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getSnapshot(db: Db, id: string): Promise<SnapshotRow | undefined> {
  const r = await db.selectFrom('ranking_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      month: r.month,
      kind: r.kind,
      ranking: r.body,
      computedAt: r.computed_at,
      computedBy: r.computed_by,
      workflowId: r.workflow_id,
    }
  );
}

export type PublicationRow = Awaited<ReturnType<typeof findPublication>>;

export async function findPublication(db: Db, month: Month) {
  return db.selectFrom('ranking_publications').selectAll().where('month', '=', month).executeTakeFirst();
}

/**
 * Claims the month for one run. The month is the primary key, so a second run (a re-trigger, a manual start) can
 * never publish it again; the same run retrying its activity finds its own claim and carries on.
 */
export async function claimPublication(
  db: Db,
  p: {
    month: Month;
    snapshotId: string;
    ranking: Ranking;
    workflowId: string;
    chatId: string;
    approvedBy: string;
    approvedAt: string;
  },
): Promise<'claimed' | 'taken'> {
  await db
    .insertInto('ranking_publications')
    .values({
      month: p.month,
      snapshot_id: p.snapshotId,
      rule_name: p.ranking.rule.name,
      rule_version: p.ranking.rule.version,
      workflow_id: p.workflowId,
      chat_id: p.chatId,
      approved_by: p.approvedBy,
      approved_at: p.approvedAt,
      statuses: JSON.stringify(p.ranking.selection.statuses),
    })
    .onConflict((oc) => oc.column('month').doNothing())
    .execute();
  const row = await findPublication(db, p.month);
  return row?.workflow_id === p.workflowId ? 'claimed' : 'taken';
}

export async function completePublication(
  db: Db,
  month: Month,
  done: { messageId: string; imageKey: string; publishedAt: string },
): Promise<void> {
  await db
    .updateTable('ranking_publications')
    .set({ message_id: done.messageId, image_key: done.imageKey, published_at: done.publishedAt })
    .where('month', '=', month)
    .execute();
}

/** Where villages stood after the last list published before `month` (the black list is sticky). */
export async function priorStatuses(db: Db, month: Month): Promise<Record<string, PriorStatus>> {
  const row = await db
    .selectFrom('ranking_publications')
    .select('statuses')
    .where('month', '<', month)
    .orderBy('month', 'desc')
    .executeTakeFirst();
  return row?.statuses ?? {};
}

export interface RankingEventRecord {
  dedupKey: string;
  month: Month;
  workflowId?: string;
  type: string;
  actorId: string;
  at: string;
  payload: Record<string, unknown>;
}

export async function recordRankingEvent(db: Db, e: RankingEventRecord): Promise<void> {
  await db
    .insertInto('ranking_events')
    .values({
      dedup_key: e.dedupKey,
      month: e.month,
      workflow_id: e.workflowId ?? null,
      type: e.type,
      actor_id: e.actorId,
      at: e.at,
      payload: JSON.stringify(e.payload),
    })
    .onConflict((oc) => oc.column('dedup_key').doNothing())
    .execute();
}

export async function listRankingEvents(db: Db, month: Month) {
  return db.selectFrom('ranking_events').selectAll().where('month', '=', month).orderBy('id').execute();
}
