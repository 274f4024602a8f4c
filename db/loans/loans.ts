import type { Kysely } from 'kysely';
import {
  datedRepayments,
  evolveLoan,
  type ImportedLoan,
  initialLoanState,
  type LoanEvent,
  type LoanFigureInput,
  type LoanState,
} from '../../domain/loans/index.js';
import {
  existingLedgerIds,
  findLedgerState,
  insertLedgerEntity,
  type LedgerEntity,
  ledgerStates,
  listLedgerEvents,
  recordLedgerTransition,
} from '../ledgers/ledger-repository.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

const LOANS: LedgerEntity = { table: 'loans', events: 'loan_events', key: 'loan_id' };

function loanColumns(state: LoanState) {
  return {
    household: state.loan.household,
    village_id: state.loan.villageId,
    township_id: state.loan.townshipId,
    cadre_id: state.loan.cadreId,
    amount_fen: state.loan.amountFen,
    issued_on: state.loan.issuedOn,
    due_on: state.dueOn,
    original_due_on: state.extension?.fromDueOn ?? state.loan.dueOn,
    repaid_fen: state.repaidFen,
    status: state.status,
    overdue_item_id: state.overdueItemId ?? null,
    closed_on: state.closedOn ?? null,
  };
}

/** The import, all or nothing: every loan with its 'imported' audit event, and the year's target if given. */
export async function insertImportedLoans(
  db: Db,
  loans: ImportedLoan[],
  meta: { by: string; at: string; target?: { year: number; amountFen: number } },
): Promise<LoanState[]> {
  return db.transaction().execute(async (trx) => {
    const states: LoanState[] = [];
    for (const l of loans) {
      const event: LoanEvent = { type: 'imported', ...l, seq: 1, actorId: meta.by, at: meta.at };
      const state = initialLoanState(event);
      await insertLedgerEntity(trx, LOANS, { id: l.loan.id, columns: loanColumns(state), state, event, at: meta.at });
      states.push(state);
    }
    if (meta.target) {
      const values = { amount_fen: meta.target.amountFen, set_by: meta.by, set_at: meta.at };
      await trx
        .insertInto('loan_targets')
        .values({ year: meta.target.year, ...values })
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
    }
    return states;
  });
}

/**
 * One transition: the audit event and the ledger row, in one transaction. Idempotent under activity retries: the
 * event is keyed by (loan, seq) and the row only moves forward.
 */
export async function recordLoanEvent(db: Db, state: LoanState, event: LoanEvent, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordLedgerTransition(trx, LOANS, { id: state.loan.id, columns: loanColumns(state), state, event, now });
  });
}

export async function existingLoanIds(db: Db, ids: string[]): Promise<string[]> {
  return existingLedgerIds(db, LOANS, ids);
}

export async function findLoanState(db: Db, id: string): Promise<LoanState | undefined> {
  return findLedgerState<LoanState>(db, LOANS, id);
}

/** Loans not yet repaid: each needs a running workflow. */
export async function openLoanStates(db: Db): Promise<LoanState[]> {
  return ledgerStates<LoanState>(db, LOANS, { status: 'repaid', not: true });
}

export async function listLoanEvents(db: Db, loanId: string): Promise<LoanEvent[]> {
  return listLedgerEvents<LoanEvent>(db, LOANS, loanId);
}

/** Rebuilds a loan from its audit trail: what the ledger row must equal. */
export async function replayLoan(db: Db, loanId: string): Promise<LoanState | undefined> {
  const [first, ...rest] = await listLoanEvents(db, loanId);
  if (first?.type !== 'imported') return undefined;
  return rest.reduce(evolveLoan, initialLoanState(first));
}

export async function loanFigureInputs(db: Db): Promise<LoanFigureInput[]> {
  const rows = await db.selectFrom('loans').select('state').orderBy('id').execute();
  return rows.map(({ state }) => ({
    id: state.loan.id,
    townshipId: state.loan.townshipId,
    household: state.loan.household,
    villageId: state.loan.villageId,
    amountFen: state.loan.amountFen,
    issuedOn: state.loan.issuedOn,
    dueOn: state.dueOn,
    status: state.status,
    repayments: datedRepayments(state),
  }));
}

export async function loanTarget(db: Db, year: number): Promise<number | undefined> {
  const row = await db.selectFrom('loan_targets').select('amount_fen').where('year', '=', year).executeTakeFirst();
  return row ? Number(row.amount_fen) : undefined;
}

export async function listTownships(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'township').orderBy('id').execute();
}
