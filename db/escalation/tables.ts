import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

export interface CalendarOverridesTable {
  id: Generated<number>;
  kind: 'rest' | 'work' | 'emergency';
  date_from: string;
  date_to: string;
  reason: string;
  created_by: string;
  created_at: Generated<string>;
}

export interface OfficialNoticesTable {
  year: number;
  body: Json<unknown>;
  loaded_by: string;
  loaded_at: Generated<string>;
}

export interface DigestEntriesTable {
  id: Generated<string>;
  dedup_key: string;
  person_id: string;
  item_id: string;
  text: string;
  created_at: string;
  sent_at: string | null;
}

export interface EscalationTables {
  calendar_overrides: CalendarOverridesTable;
  official_notices: OfficialNoticesTable;
  digest_entries: DigestEntriesTable;
}

declare module '../schema.js' {
  interface Database extends EscalationTables {}
}
