import { type ImportError, type ImportPerson, type RawWorkbook, SHEET_NAMES, type SheetName } from './import-format.js';
import { parseBook } from './import-parse.js';
import { checkReferences } from './import-refs.js';
import type { ActingAssignment, OrgPost, OrgSnapshot, OrgUnit } from './snapshot.js';

// The format (sheet names, columns, error shape) lives in import-format.ts so that the parse and reference checks
// can use it without importing this module back (which imports them).
export * from './import-format.js';

/**
 * What a valid file says. The file is authoritative for what it names and leaves the rest alone:
 * its units and people are upserted; the posts of its units are replaced by its 职务 rows; the 分管
 * domains and the 代理 assignments (by the absent person) of its people are replaced by its rows.
 */
export interface OrgImportPlan {
  /** Parents before children, so rows can be written in order. */
  units: OrgUnit[];
  people: ImportPerson[];
  posts: OrgPost[];
  leaderDomains: { personId: string; domain: string }[];
  acting: ActingAssignment[];
}

export type ImportValidation = { ok: true; plan: OrgImportPlan } | { ok: false; errors: ImportError[] };

/** Checks every row against the file and the org already stored; any error rejects the whole file. */
export function validateOrgImport(book: RawWorkbook, existing: OrgSnapshot): ImportValidation {
  const errors: ImportError[] = [];
  const parsed = parseBook(book, errors);
  checkReferences(parsed, existing, errors);
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  const depth = unitDepths(
    parsed.units.map((u) => u.value),
    existing.units,
  );
  return {
    ok: true,
    plan: {
      units: parsed.units.map((u) => u.value).sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0)),
      people: parsed.people.map((p) => p.value),
      posts: parsed.posts.map((p) => p.value),
      leaderDomains: parsed.domains.map((d) => d.value),
      acting: parsed.acting.map((a) => a.value),
    },
  };
}

/** 「人员」第7行：所属单位编号 nowhere 不存在 */
export function formatImportError(e: ImportError): string {
  return e.row === null ? `「${e.sheet}」：${e.message}` : `「${e.sheet}」第${e.row}行：${e.message}`;
}

function sortErrors(errors: ImportError[]): ImportError[] {
  const order = (s: SheetName) => SHEET_NAMES.indexOf(s);
  return [...errors].sort((a, b) => order(a.sheet) - order(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}

/** Distance from the root in the tree the import produces (validated acyclic by then). */
function unitDepths(fileUnits: OrgUnit[], stored: OrgUnit[]): Map<string, number> {
  const parentOf = new Map<string, string | null>(stored.map((u) => [u.id, u.parentId]));
  for (const u of fileUnits) parentOf.set(u.id, u.parentId);
  const depth = new Map<string, number>();
  for (const u of fileUnits) {
    let d = 0;
    for (let p = parentOf.get(u.id); p && d <= parentOf.size; p = parentOf.get(p)) d += 1;
    depth.set(u.id, d);
  }
  return depth;
}
