import type { Kysely } from 'kysely';
import { unitsByIds } from '../../db/ledgers/ledger-org.js';
import { findPeople } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';

/** The names a ledger card (a loan's, a project's) shows for its people and units. */
export interface LedgerCardNames {
  /** Person id → name, for the ids asked for that the org knows. */
  names: Record<string, string>;
  /** A unit's name, or its id when the org no longer has it (the card still says which unit). */
  unitName(id: string): string;
}

/** Loads the names of `personIds` and `unitIds` from the org, both at once. */
export async function ledgerCardNames(
  db: Kysely<Database>,
  personIds: readonly string[],
  unitIds: readonly string[],
): Promise<LedgerCardNames> {
  const [people, units] = await Promise.all([
    findPeople(db, [...new Set(personIds)]),
    unitsByIds(db, [...new Set(unitIds)]),
  ]);
  return {
    names: Object.fromEntries(people.map((p) => [p.id, p.name])),
    unitName: (id) => units.find((u) => u.id === id)?.name ?? id,
  };
}
