import type { Kysely } from 'kysely';
import { peopleByIds } from '../../db/ranking/inputs.js';
import { getRuleSet, getSnapshot } from '../../db/ranking/ranking.js';
import type { Database } from '../../db/schema.js';
import type { Ranking, RankingRun, RuleSet } from '../../domain/ranking/index.js';
import type { Card } from '../cards/elements.js';
import { rankingApprovalCard, rankingDraftCard, rankingRevisionCard } from './draft-card.js';
import { rankingAppealCard, rankingVillageCard } from './village-card.js';

/** What the run's cards are rendered from: the current draft's snapshot, its rules, and people's names. */
export interface RunContext {
  run: RankingRun;
  ranking: Ranking;
  rules: RuleSet;
  names: Record<string, string>;
}

export async function loadRunContext(db: Kysely<Database>, run: RankingRun): Promise<RunContext> {
  const [snapshot, rules] = await Promise.all([
    getSnapshot(db, run.draft.snapshotId),
    getRuleSet(db, run.rule.name, run.rule.version),
  ]);
  if (!snapshot || !rules) throw new Error(`ranking run ${run.workflowId}: snapshot or rules missing`);
  const ids = [
    ...run.appeals.flatMap((a) => [a.appellantId, a.decidedBy ?? '']),
    ...run.decisions.map((d) => d.by),
  ].filter(Boolean);
  const people = await peopleByIds(db, [...new Set(ids)]);
  return { run, ranking: snapshot.ranking, rules, names: Object.fromEntries(people.map((p) => [p.id, p.name])) };
}

export type RunCardKey = 'draft' | 'approval' | 'revision' | { village: string } | { appeal: string };

/** Renders one of the run's cards from the context; undefined when the village or appeal is unknown. */
export function renderRunCard(ctx: RunContext, key: RunCardKey): Card | undefined {
  const input = { run: ctx.run, ranking: ctx.ranking, names: ctx.names };
  if (key === 'draft') return rankingDraftCard(input);
  if (key === 'approval') return rankingApprovalCard(input);
  if (key === 'revision') return rankingRevisionCard(input);
  if ('village' in key) {
    const score = ctx.ranking.scores.find((s) => s.villageId === key.village);
    const sel = ctx.ranking.selection;
    const standing = [...sel.standings, ...sel.unranked].find((s) => s.villageId === key.village);
    if (!score || !standing) return undefined;
    const on = (list: { villageId: string }[]) => list.some((s) => s.villageId === key.village);
    const list = on(sel.red) ? 'red' : on(sel.black) ? 'black' : on(sel.exited) ? 'exited' : undefined;
    return rankingVillageCard({ run: ctx.run, score, standing, list, scope: ctx.rules.lists.scope });
  }
  const appeal = ctx.run.appeals.find((a) => a.id === key.appeal);
  if (!appeal) return undefined;
  const score = ctx.ranking.scores.find((s) => s.villageId === appeal.villageId);
  return rankingAppealCard({
    run: ctx.run,
    appeal,
    villageName: score?.name ?? appeal.villageId,
    names: ctx.names,
  });
}
