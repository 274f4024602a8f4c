import type { Kysely } from 'kysely';
import { postsOn, workerOf } from '../../db/ledgers/ledger-org.js';
import { existingLoanIds, insertImportedLoans } from '../../db/loans/loans.js';
import type { Database } from '../../db/schema.js';
import {
  cell,
  type ImportedLoan,
  LOAN_SHEET,
  type LoanState,
  missingColumns,
  parseAmount,
  parseLoanRow,
  REQUIRED_LOAN_COLUMNS,
  rowError,
} from '../../domain/loans/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { loadWorkbook, readSheet, sheetNamed, type Workbook } from './sheet-reader.js';

export type LoanImportResult =
  | { ok: true; loans: LoanState[]; target?: { year: number; amountFen: number } }
  | { ok: false; errors: string[] };

export const TARGET_SHEET = '年度任务';
const TARGET_COLUMNS = { year: '年度', amount: '新增贷款任务（万元）' } as const;

/**
 * Imports the 小额信贷 ledger from Excel: sheet 贷款台账 (贷款编号, 户主, 村（社区）, 贷款金额（万元）, 发放日期, 到期日期,
 * 状态, optional 已还金额（万元） and 责任人), and optionally sheet 年度任务 (年度, 新增贷款任务（万元）). Every row is
 * checked first and every problem reported with sheet, row and reason; only a file without problems is written,
 * in one transaction. Loans already in the ledger are refused by number, so importing a file twice adds nothing.
 */
export async function importLoans(
  db: Kysely<Database>,
  file: Uint8Array,
  meta: { by: string; at: string },
): Promise<LoanImportResult> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return { ok: false, errors: [loaded.error] };
  const ws = sheetNamed(loaded.workbook, LOAN_SHEET);
  if (!ws) return { ok: false, errors: ['Excel 文件中没有工作表'] };
  const { headers, rows } = readSheet(ws);
  const missing = missingColumns(headers, REQUIRED_LOAN_COLUMNS);
  if (missing.length) return { ok: false, errors: [`「${ws.name}」第 1 行缺少列：${missing.join('、')}`] };

  const today = localDate(meta.at);
  const [villages, people, posts] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'parent_id']).where('kind', '=', 'village').execute(),
    db.selectFrom('people').select(['id', 'name']).execute(),
    postsOn(db, today),
  ]);
  const ctx = {
    villages: villages.map((v) => ({ id: v.id, name: v.name, townshipId: v.parent_id ?? v.id })),
    people,
    defaultCadre: (villageId: string) => workerOf(posts, villageId),
    today,
  };
  const errors: string[] = [];
  const loans: ImportedLoan[] = [];
  const rowOf = new Map<string, number>();
  for (const r of rows) {
    const parsed = parseLoanRow(r, ctx);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const id = parsed.value.loan.id;
    const first = rowOf.get(id);
    if (first !== undefined) errors.push(rowError(r, `贷款编号 ${id} 与第 ${first} 行重复`));
    else rowOf.set(id, r.row);
    loans.push(parsed.value);
  }
  for (const id of await existingLoanIds(db, [...rowOf.keys()])) {
    errors.push(rowError({ sheet: ws.name, row: rowOf.get(id)! }, `贷款编号 ${id} 已在台账中，不能重复导入`));
  }
  const target = readTarget(loaded.workbook, errors);
  if (errors.length) return { ok: false, errors };
  if (loans.length === 0) return { ok: false, errors: [`「${ws.name}」中没有贷款数据`] };
  const states = await insertImportedLoans(db, loans, { ...meta, ...(target ? { target } : {}) });
  return { ok: true, loans: states, ...(target ? { target } : {}) };
}

function readTarget(workbook: Workbook, errors: string[]) {
  const ws = workbook.worksheets.find((w) => w.name.trim() === TARGET_SHEET);
  if (!ws) return undefined;
  const { headers, rows } = readSheet(ws);
  const missing = missingColumns(headers, Object.values(TARGET_COLUMNS));
  if (missing.length) {
    errors.push(`「${ws.name}」第 1 行缺少列：${missing.join('、')}`);
    return undefined;
  }
  const [r, ...extra] = rows;
  if (!r) return undefined;
  if (extra.length) errors.push(rowError(extra[0]!, '年度任务只能填一行（本年度）'));
  const year = Number(cell(r, TARGET_COLUMNS.year).replace(/年$/, ''));
  const amountFen = parseAmount(cell(r, TARGET_COLUMNS.amount), 'wan');
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    errors.push(rowError(r, `年度“${cell(r, TARGET_COLUMNS.year)}”不正确`));
  if (!amountFen) errors.push(rowError(r, `新增贷款任务“${cell(r, TARGET_COLUMNS.amount)}”不是大于 0 的金额（万元）`));
  return amountFen && Number.isInteger(year) ? { year, amountFen } : undefined;
}
