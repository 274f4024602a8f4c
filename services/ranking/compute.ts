import type { Kysely } from 'kysely';
import { loadVillageInputs } from '../../db/ranking/inputs.js';
import {
  activeRuleSet,
  ensureRuleSet,
  findPublication,
  getRuleSet,
  getSnapshot,
  priorStatuses,
  recordRankingEvent,
  saveSnapshot,
} from '../../db/ranking/ranking.js';
import type { Database } from '../../db/schema.js';
import {
  compareRankings,
  DEFAULT_RULE_SET,
  type Month,
  type Overrides,
  parseMonth,
  type Ranking,
  type RankingDiff,
  type RuleRef,
  type RuleSet,
  rankMonth,
} from '../../domain/ranking/index.js';

type Db = Kysely<Database>;

/** The rule set a computation uses: the one named, else the family's latest (the built-in one on first use). */
export async function resolveRules(db: Db, ref?: RuleRef): Promise<RuleSet> {
  if (ref) {
    const rules = await getRuleSet(db, ref.name, ref.version);
    if (!rules) throw new Error(`ranking rules ${ref.name} v${ref.version} do not exist`);
    return rules;
  }
  return (await activeRuleSet(db, DEFAULT_RULE_SET.name)) ?? ensureRuleSet(db, DEFAULT_RULE_SET, 'system');
}

export interface Computed {
  snapshotId: string;
  ranking: Ranking;
  rules: RuleSet;
}

/**
 * Computes a month from the ledger and stores it as a snapshot (with its rule version), leaving an audit event.
 * Used by the approval run (kind 'draft'), and by the CLI and chat command (kind 'preview', never published).
 */
export async function computeAndStore(
  db: Db,
  p: {
    month: Month;
    kind: 'draft' | 'preview';
    overrides: Overrides;
    by: string;
    at: string;
    rule?: RuleRef;
    workflowId?: string;
  },
): Promise<Computed> {
  parseMonth(p.month);
  const rules = await resolveRules(db, p.rule);
  const [villages, priors] = await Promise.all([loadVillageInputs(db, p.month), priorStatuses(db, p.month)]);
  const ranking = rankMonth(p.month, villages, rules, priors, p.overrides);
  const snapshotId = await saveSnapshot(db, {
    month: p.month,
    kind: p.kind,
    ranking,
    by: p.by,
    at: p.at,
    ...(p.workflowId ? { workflowId: p.workflowId } : {}),
  });
  await recordRankingEvent(db, {
    dedupKey: `snapshot:${snapshotId}`,
    month: p.month,
    ...(p.workflowId ? { workflowId: p.workflowId } : {}),
    type: p.kind === 'draft' ? 'draft_computed' : 'preview_computed',
    actorId: p.by,
    at: p.at,
    payload: {
      snapshotId,
      rule: ranking.rule,
      red: ranking.selection.red.map((s) => s.villageId),
      black: ranking.selection.black.map((s) => s.villageId),
      overrides: p.overrides,
    },
  });
  return { snapshotId, ranking, rules };
}

/** For a month already published: the published computation and how a new one differs from it. */
export async function comparePublished(
  db: Db,
  month: Month,
  ranking: Ranking,
): Promise<{ diff: RankingDiff; publishedAt: string | undefined } | undefined> {
  const pub = await findPublication(db, month);
  const snap = pub ? await getSnapshot(db, pub.snapshot_id) : undefined;
  if (!pub || !snap) return undefined;
  return { diff: compareRankings(snap.ranking, ranking), publishedAt: pub.published_at ?? undefined };
}
