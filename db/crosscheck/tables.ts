import type { ColumnType, Generated } from 'kysely';
import type { LineType, RoundPhase, Severity } from '../../domain/crosscheck/index.js';

type Json<T> = ColumnType<T, string, string>;

export interface CrosscheckRoundsTable {
  id: string;
  title: string;
  organizer_id: string;
  phase: RoundPhase;
  workflow_id: string;
  started_at: string;
  checking_closed_at: string | null;
  closed_at: string | null;
}

/** One team per township; the table's constraints refuse a team on its own township. */
export interface CrosscheckTeamsTable {
  round_id: string;
  team_no: number;
  from_township_id: string;
  inspects_township_id: string;
  lead_id: string;
  member_ids: Json<string[]>;
  done_at: string | null;
}

export interface CrosscheckLinesTable {
  round_id: string;
  line_id: string;
  team_no: number;
  type: LineType;
  unit_id: string;
  subject: string;
  check_text: string;
}

/** A finding and its 整改 item; whether it is closed is the item's status in `items`. */
export interface CrosscheckFindingsTable {
  id: string;
  round_id: string;
  no: number;
  line_id: string;
  team_no: number;
  unit_id: string;
  problem: string;
  severity: Severity;
  workdays: number;
  due_at: string;
  item_id: string;
  assignee_id: string;
  reviewer_id: string;
  source: 'card' | 'excel';
  recorded_by: string;
  recorded_at: string;
}

/** The round's audit trail; `dedup_key` makes activity retries write once. */
export interface CrosscheckEventsTable {
  id: Generated<string>;
  dedup_key: string;
  round_id: string;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
}

/** Lark messages a round sent, by key ('team:3', 'organizer', 'report:<person>:<n>'), so later steps patch them. */
export interface CrosscheckMessagesTable {
  round_id: string;
  key: string;
  message_id: string;
}

export interface CrosscheckTables {
  crosscheck_rounds: CrosscheckRoundsTable;
  crosscheck_teams: CrosscheckTeamsTable;
  crosscheck_lines: CrosscheckLinesTable;
  crosscheck_findings: CrosscheckFindingsTable;
  crosscheck_events: CrosscheckEventsTable;
  crosscheck_messages: CrosscheckMessagesTable;
}

declare module '../schema.js' {
  interface Database extends CrosscheckTables {}
}
