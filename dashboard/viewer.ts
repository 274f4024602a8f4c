import type { Kysely } from 'kysely';
import { loadOrgUnits, loadViewer } from '../db/org/viewer.js';
import type { Database, Person } from '../db/schema.js';
import { type AccessScope, type OrgUnit, scopeLabel, scopeOf } from '../domain/org/access.js';

/** The logged-in person, what they may see, and the org tree pages draw from. */
export interface Viewer {
  person: Person;
  scope: AccessScope;
  units: OrgUnit[];
  /** What the scope covers, in Chinese, for the header. */
  label: string;
}

/** Loaded on every request: a changed post or 分管 takes effect on the next page. */
export async function loadViewerContext(db: Kysely<Database>, personId: string): Promise<Viewer | undefined> {
  const [found, units] = await Promise.all([loadViewer(db, personId), loadOrgUnits(db)]);
  if (!found) return undefined;
  const scope = scopeOf(found.facts, units);
  return { person: found.person, scope, units, label: scopeLabel(scope, units) };
}
