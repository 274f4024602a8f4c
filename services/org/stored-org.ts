import type { OrgPost, OrgUnitKind } from '../../domain/org/index.js';

/** The org as stored, with the columns a Lark sync matches on. */
export interface StoredOrg {
  units: {
    id: string;
    name: string;
    kind: OrgUnitKind;
    parentId: string | null;
    domain: string | null;
    larkDepartmentId: string | null;
  }[];
  people: {
    id: string;
    name: string;
    openId: string | null;
    mobile: string | null;
    unitId: string;
    title: string | null;
  }[];
  posts: OrgPost[];
}
