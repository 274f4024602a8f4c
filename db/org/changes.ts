import type { ActingAssignment, OrgPost, OrgUnitKind } from '../../domain/org/index.js';
import type { PostRole } from '../schema.js';

/**
 * A desired state for part of the org. Units and people are upserted; posts, 分管 domains and
 * 代理 assignments are made equal to `rows` within their scope (units, or people), so a source is
 * authoritative for exactly what it names. Fields left undefined keep their stored value.
 */
export interface OrgChanges {
  /** Parents before children. */
  units: {
    id: string;
    name: string;
    kind: OrgUnitKind;
    parentId: string | null;
    domain: string | null;
    larkDepartmentId?: string | null;
  }[];
  people: {
    id: string;
    name: string;
    openId: string | null;
    mobile: string | null;
    unitId: string;
    title: string | null;
  }[];
  posts?: { unitIds: string[]; roles?: PostRole[]; rows: OrgPost[] };
  leaderDomains?: { personIds: string[]; rows: { personId: string; domain: string }[] };
  /** Scoped by the absent person (acting_for_person_id). */
  acting?: { personIds: string[]; rows: ActingAssignment[] };
}
