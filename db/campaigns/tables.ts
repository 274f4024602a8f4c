import type { ColumnType, Generated } from 'kysely';
import type { CampaignDef, CampaignStatus } from '../../domain/campaigns/index.js';

type Json<T> = ColumnType<T, string, string>;

/** One instruction dispatched to many units; the issuer follows it on one roll-up card. */
export interface CampaignsTable {
  id: string;
  title: string;
  issuer_id: string;
  reviewer_id: string;
  /** The whole definition as dispatched (target, time limits, text), for the record. */
  definition: Json<CampaignDef>;
  unit_count: number;
  sign_by: string;
  due_at: string;
  status: CampaignStatus;
  /** The issuer's roll-up card, once sent. */
  card_message_id: string | null;
  /** What that card shows (domain/campaign rollupSignature): it is patched only when this changes. */
  card_signature: string | null;
  created_at: string;
  closed_at: string | null;
  close_reason: string | null;
}

/** The units a campaign reached, frozen at dispatch, and each unit's item (created by its own workflow). */
export interface CampaignUnitsTable {
  campaign_id: string;
  unit_id: string;
  unit_name: string;
  item_id: string;
  assignee_id: string;
}

/** Audit trail of campaigns: dispatched, withdrawn, closed; with actor and time. */
export interface CampaignEventsTable {
  id: Generated<string>;
  campaign_id: string;
  /** Makes each write idempotent under activity retries. */
  dedup_key: string;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
}

/** A cadence paused for one unit; lifting it fills resumed_*. At most one open pause per cadence and unit. */
export interface CadencePausesTable {
  id: Generated<number>;
  cadence_id: string;
  unit_id: string;
  paused_from: string;
  reason: string;
  paused_by: string;
  paused_at: string;
  resumed_at: string | null;
  resumed_by: string | null;
  resume_reason: string | null;
}

/** Audit trail of cadences: pauses, resumes, each period opened and each unit skipped, with actor and time. */
export interface CadenceEventsTable {
  id: Generated<string>;
  dedup_key: string;
  cadence_id: string;
  period_key: string | null;
  unit_id: string | null;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
}

export interface CampaignTables {
  campaigns: CampaignsTable;
  campaign_units: CampaignUnitsTable;
  campaign_events: CampaignEventsTable;
  cadence_pauses: CadencePausesTable;
  cadence_events: CadenceEventsTable;
}

declare module '../schema.js' {
  interface Database extends CampaignTables {}
}
