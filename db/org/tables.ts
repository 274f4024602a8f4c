import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** 代理: `person_id` stands in for `acting_for_person_id` from `starts_on` to `ends_on` inclusive. */
export interface ActingAssignmentsTable {
  id: Generated<number>;
  person_id: string;
  acting_for_person_id: string;
  starts_on: string;
  ends_on: string;
  reason: string;
  created_by: string;
  created_at: Generated<string>;
}

export type OrgImportSource = 'excel' | 'csv' | 'lark';

/** The audit trail of org changes: one row per import or sync that was applied, with what it changed. */
export interface OrgImportsTable {
  id: Generated<string>;
  source: OrgImportSource;
  actor: string;
  summary: Json<Record<string, unknown>>;
  at: Generated<string>;
}

export interface OrgTables {
  acting_assignments: ActingAssignmentsTable;
  org_imports: OrgImportsTable;
}

declare module '../schema.js' {
  interface Database extends OrgTables {}
}
