import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ItemState } from '../domain/items/index.js';
import type { OrgRole, OrgUnitKind } from '../domain/org/types.js';

/** Timestamps and dates travel as strings (see connection.ts type parsers). */
type Timestamp = ColumnType<string, string | undefined, string>;
type Json<T> = ColumnType<T, string, string>;

/** The domain's kinds and roles (domain/org/types.ts), under the names the db code has used for them. */
export type UnitKind = OrgUnitKind;
export type PostRole = OrgRole;

export interface UnitsTable {
  id: string;
  name: string;
  kind: UnitKind;
  parent_id: string | null;
  domain: string | null;
  lark_department_id: string | null;
  created_at: Generated<string>;
}

export interface PeopleTable {
  id: string;
  name: string;
  open_id: string | null;
  mobile: string | null;
  unit_id: string;
  title: string | null;
  created_at: Generated<string>;
}

export interface PostsTable {
  id: Generated<number>;
  unit_id: string;
  person_id: string;
  role: PostRole;
  title: string;
  acting: Generated<boolean>;
  starts_on: string | null;
  ends_on: string | null;
}

export interface LeaderDomainsTable {
  person_id: string;
  domain: string;
}

export interface EscalationPoliciesTable {
  id: Generated<number>;
  name: string;
  version: number;
  body: Json<unknown>;
  created_by: string;
  created_at: Generated<string>;
}

export interface ItemsTable {
  id: string;
  kind: string;
  title: string;
  urgency: string;
  domain: string;
  owner_unit_id: string;
  issuer_id: string;
  reviewer_id: string;
  assignee_id: string;
  status: string;
  sign_by: string;
  due_at: string;
  original_due_at: string;
  committed_date: string | null;
  progress_percent: number | null;
  return_count: number;
  extensions_granted: number;
  signed_at: string | null;
  submitted_at: string | null;
  closed_at: string | null;
  policy_id: number | null;
  state: Json<ItemState>;
  version: number;
  /** Highest chain level (0–4) an escalation has reached; see migration 002. */
  escalation_level: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ItemEventsTable {
  id: Generated<string>;
  item_id: string;
  seq: number;
  type: string;
  actor_id: string;
  at: string;
  payload: Json<Record<string, unknown>>;
  recorded_at: Generated<string>;
}

export interface ItemCardsTable {
  item_id: string;
  person_id: string;
  message_id: string;
  sent_at: Generated<string>;
}

export interface DeliveriesTable {
  id: Generated<string>;
  dedup_key: string;
  item_id: string | null;
  person_id: string | null;
  channel: string;
  message_id: string | null;
  ok: boolean;
  detail: string | null;
  at: Timestamp;
}

export interface InboundCallbacksTable {
  event_id: string;
  kind: string;
  received_at: Generated<string>;
}

/** The base tables (migrations 001–004): items, people and units, policies, cards and deliveries. */
export interface FoundationTables {
  units: UnitsTable;
  people: PeopleTable;
  posts: PostsTable;
  leader_domains: LeaderDomainsTable;
  escalation_policies: EscalationPoliciesTable;
  items: ItemsTable;
  item_events: ItemEventsTable;
  item_cards: ItemCardsTable;
  deliveries: DeliveriesTable;
  inbound_callbacks: InboundCallbacksTable;
}

/**
 * The whole ledger. Each feature declares its own tables in db/<feature>/tables.ts and merges them in there
 * (`declare module '../schema.js'`), so adding a feature's tables changes no central file.
 */
export interface Database extends FoundationTables {}

export type Unit = Selectable<UnitsTable>;
export type Person = Selectable<PeopleTable>;
export type NewUnit = Insertable<UnitsTable>;
export type NewPerson = Insertable<PeopleTable>;
export type NewPost = Insertable<PostsTable>;
export type ItemRow = Selectable<ItemsTable>;
export type ItemEventRow = Selectable<ItemEventsTable>;
