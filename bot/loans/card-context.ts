import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LoanState } from '../../domain/loans/index.js';
import type { Card } from '../cards/elements.js';
import { ledgerCardNames } from '../ledgers/card-names.js';
import { loanCard } from './loan-card.js';

/** A loan's card as it stands, with the names it shows loaded from the org. */
export async function renderLoanCard(db: Kysely<Database>, state: LoanState, now: string): Promise<Card> {
  const ids = [state.loan.cadreId, ...state.repayments.map((r) => r.by)];
  const { names, unitName } = await ledgerCardNames(db, ids, [state.loan.villageId]);
  return loanCard({ state, villageName: unitName(state.loan.villageId), names, now });
}
