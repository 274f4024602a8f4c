import type { ColumnType, Generated } from 'kysely';
import type { LineRef, PriorStatus, Ranking, RuleSet } from '../../domain/ranking/index.js';

type Json<T> = ColumnType<T, string, string>;

/** Versioned scoring rules; a row is never changed, a new version is added. */
export interface RankingRuleSetsTable {
  name: string;
  version: number;
  body: Json<RuleSet>;
  created_by: string;
  created_at: Generated<string>;
}

/** One inspection of one dimension of one village in one month; re-entering it replaces the score (audited). */
export interface RankingInspectionsTable {
  id: string;
  month: string;
  village_id: string;
  dimension: string;
  score: number;
  problems: Json<string[]>;
  inspector_id: string;
  inspected_on: string;
  source: 'card' | 'excel';
  recorded_by: string;
  recorded_at: string;
}

/** Photos of problems found, kept here and uploaded to Lark (image_key) when a card first shows them. */
export interface RankingPhotosTable {
  inspection_id: string;
  seq: number;
  content_type: string;
  bytes: Buffer;
  image_key: string | null;
}

/** Every computation of a month (the approval run's drafts and on-demand previews), with its rule version. */
export interface RankingSnapshotsTable {
  id: Generated<string>;
  month: string;
  kind: 'draft' | 'preview';
  rule_name: string;
  rule_version: number;
  workflow_id: string | null;
  body: Json<Ranking>;
  computed_by: string;
  computed_at: string;
}

/** At most one per month (the primary key): the guard against publishing a month twice. */
export interface RankingPublicationsTable {
  month: string;
  snapshot_id: string;
  rule_name: string;
  rule_version: number;
  workflow_id: string;
  chat_id: string;
  message_id: string | null;
  image_key: string | null;
  approved_by: string;
  approved_at: string;
  published_at: string | null;
  statuses: Json<Record<string, PriorStatus>>;
}

export interface RankingAppealsTable {
  id: string;
  month: string;
  workflow_id: string;
  village_id: string;
  line_id: string;
  target: Json<LineRef>;
  reason: string;
  appellant_id: string;
  filed_at: string;
  status: 'pending' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}

/** The ranking's audit trail: who did what, when; `dedup_key` makes activity retries write once. */
export interface RankingEventsTable {
  id: Generated<string>;
  dedup_key: string;
  month: string;
  workflow_id: string | null;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
}

/** Lark messages a run sent, by purpose ('draft', 'village:<id>', …), so later steps patch instead of resend. */
export interface RankingMessagesTable {
  workflow_id: string;
  key: string;
  message_id: string;
  chat_id: string | null;
}

/** The group chats Duban created (the leading group's, the county work chat), by purpose. */
export interface RankingChatsTable {
  purpose: string;
  chat_id: string;
  name: string;
  created_at: Generated<string>;
}

export interface RankingTables {
  ranking_rule_sets: RankingRuleSetsTable;
  ranking_inspections: RankingInspectionsTable;
  ranking_photos: RankingPhotosTable;
  ranking_snapshots: RankingSnapshotsTable;
  ranking_publications: RankingPublicationsTable;
  ranking_appeals: RankingAppealsTable;
  ranking_events: RankingEventsTable;
  ranking_messages: RankingMessagesTable;
  ranking_chats: RankingChatsTable;
}

declare module '../schema.js' {
  interface Database extends RankingTables {}
}
