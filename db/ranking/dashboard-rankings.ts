import type { Kysely } from 'kysely';
import type { Ranking } from '../../domain/ranking/index.js';
import type { Database } from '../schema.js';

export interface PublishedRanking {
  month: string;
  publishedAt: string;
  rule: string;
  ranking: Ranking;
}

/** Published 红黑榜 months, newest first, with the snapshot that was published (its full per-village breakdown). */
export async function publishedRankings(db: Kysely<Database>, limit = 24): Promise<PublishedRanking[]> {
  const rows = await db
    .selectFrom('ranking_publications as p')
    .innerJoin('ranking_snapshots as s', 's.id', 'p.snapshot_id')
    .select(['p.month', 'p.published_at', 'p.rule_name', 'p.rule_version', 's.body'])
    .where('p.published_at', 'is not', null)
    .orderBy('p.month', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    month: r.month,
    publishedAt: r.published_at!,
    rule: `${r.rule_name} v${r.rule_version}`,
    ranking: r.body,
  }));
}
