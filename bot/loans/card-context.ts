import type { Kysely } from 'kysely';
import { findPeople, findUnit } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import type { LoanState } from '../../domain/loans/index.js';
import type { Card } from '../cards/elements.js';
import { loanCard } from './loan-card.js';

/** A loan's card as it stands, with the names it shows loaded from the org. */
export async function renderLoanCard(db: Kysely<Database>, state: LoanState, now: string): Promise<Card> {
  const ids = [state.loan.cadreId, ...state.repayments.map((r) => r.by)];
  const [people, village] = await Promise.all([findPeople(db, [...new Set(ids)]), findUnit(db, state.loan.villageId)]);
  return loanCard({
    state,
    villageName: village?.name ?? state.loan.villageId,
    names: Object.fromEntries(people.map((p) => [p.id, p.name])),
    now,
  });
}
