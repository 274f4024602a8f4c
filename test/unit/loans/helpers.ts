import { buildDemoOrg } from '../../../app/demo/county.js';
import {
  type ImportedLoan,
  initialLoanState,
  type LoanImportContext,
  type LoanState,
  parseLoanRow,
} from '../../../domain/loans/index.js';
import { sheetRows } from '../projects/helpers.js';
import { LOAN_HEADER, LOAN_ROWS } from './fixture-loans.js';

const org = buildDemoOrg();

/** The demo county as the loan import sees it on 2024-06-03. */
export const loanImportContext: LoanImportContext = {
  villages: org.units
    .filter((u) => u.kind === 'village')
    .map((u) => ({ id: u.id, name: u.name, townshipId: u.parent_id! })),
  people: org.people.map((p) => ({ id: p.id, name: p.name })),
  defaultCadre: (villageId) => `p-${villageId}-cadre`,
  today: '2024-06-03',
};

export function fixtureLoans(): ImportedLoan[] {
  return sheetRows([LOAN_HEADER, ...LOAN_ROWS], '贷款台账').map((r) => {
    const parsed = parseLoanRow(r, loanImportContext);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.value;
  });
}

/** A fixture loan right after its import on 2024-06-03. */
export function loanState(index = 0, at = '2024-06-03T09:00:00+08:00'): LoanState {
  const l = fixtureLoans()[index]!;
  return initialLoanState({ type: 'imported', ...l, seq: 1, actorId: 'cli', at });
}
