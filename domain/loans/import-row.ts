import { type Fen, parseAmount } from './money.js';
import { cell, findByName, LEDGER_ID_RE, parseDateText, rowError, type SheetRow } from './sheet.js';
import type { Loan, LoanStatus } from './types.js';

export const LOAN_SHEET = '贷款台账';

export const LOAN_COLUMNS = {
  id: '贷款编号',
  household: '户主',
  village: '村（社区）',
  amount: '贷款金额（万元）',
  issuedOn: '发放日期',
  dueOn: '到期日期',
  status: '状态',
  repaid: '已还金额（万元）',
  cadre: '责任人',
} as const;

export const REQUIRED_LOAN_COLUMNS = [
  LOAN_COLUMNS.id,
  LOAN_COLUMNS.household,
  LOAN_COLUMNS.village,
  LOAN_COLUMNS.amount,
  LOAN_COLUMNS.issuedOn,
  LOAN_COLUMNS.dueOn,
  LOAN_COLUMNS.status,
];

const STATUS_TEXT: Record<string, LoanStatus> = { 正常: 'active', 展期: 'active', 逾期: 'overdue', 已结清: 'repaid' };

/** What the import needs to know about the org; the app loads it once per file. */
export interface LoanImportContext {
  villages: { id: string; name: string; townshipId: string }[];
  people: { id: string; name: string }[];
  /** The village's collection cadre when the row names none (its staff, not the 驻村第一书记). */
  defaultCadre(villageId: string): string | undefined;
  /** The day of the import: an 逾期 loan must be past due, a 正常 one may not be. */
  today: string;
}

export interface ImportedLoan {
  loan: Loan;
  status: LoanStatus;
  repaidFen: Fen;
}

/** One row of the loan ledger checked and turned into a loan; every problem is named with sheet, row and reason. */
export function parseLoanRow(
  r: SheetRow,
  ctx: LoanImportContext,
): { ok: true; value: ImportedLoan } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const fail = (reason: string) => errors.push(rowError(r, reason));
  const id = cell(r, LOAN_COLUMNS.id);
  if (!LEDGER_ID_RE.test(id)) fail(id ? `贷款编号“${id}”只能包含字母、数字和 - _ .，最长 40 个字符` : '缺少贷款编号');
  const household = cell(r, LOAN_COLUMNS.household);
  if (!household) fail('缺少户主姓名');
  else if (household.length > 20) fail(`户主姓名“${household}”过长`);
  const villageText = cell(r, LOAN_COLUMNS.village);
  const villages = villageText ? findByName(ctx.villages, villageText) : [];
  if (villages.length !== 1) {
    fail(
      villageText
        ? `${villages.length ? '村（社区）名称不唯一' : '找不到村（社区）'}“${villageText}”`
        : '缺少村（社区）',
    );
  }
  const amountText = cell(r, LOAN_COLUMNS.amount);
  const amountFen = parseAmount(amountText, 'wan');
  if (amountFen === undefined || amountFen <= 0) fail(`贷款金额“${amountText}”不是大于 0 的数字（单位：万元）`);
  const issuedOn = parseDateText(cell(r, LOAN_COLUMNS.issuedOn));
  if (!issuedOn) fail(`发放日期“${cell(r, LOAN_COLUMNS.issuedOn)}”不是有效日期`);
  const dueOn = parseDateText(cell(r, LOAN_COLUMNS.dueOn));
  if (!dueOn) fail(`到期日期“${cell(r, LOAN_COLUMNS.dueOn)}”不是有效日期`);
  if (issuedOn && dueOn && dueOn <= issuedOn) fail(`到期日期 ${dueOn} 须晚于发放日期 ${issuedOn}`);
  if (issuedOn && issuedOn > ctx.today) fail(`发放日期 ${issuedOn} 晚于今天`);
  const statusText = cell(r, LOAN_COLUMNS.status);
  const status = STATUS_TEXT[statusText];
  if (!status) fail(`状态“${statusText}”应为 正常、展期、逾期 或 已结清`);
  const repaidText = cell(r, LOAN_COLUMNS.repaid);
  let repaidFen = repaidText ? parseAmount(repaidText, 'wan') : 0;
  if (repaidFen === undefined) fail(`已还金额“${repaidText}”不是有效数字（单位：万元）`);
  if (status === 'repaid' && !repaidText && amountFen) repaidFen = amountFen;
  if (amountFen && repaidFen !== undefined && status) {
    if (repaidFen > amountFen) fail('已还金额超过贷款金额');
    else if (status === 'repaid' && repaidFen !== amountFen) fail('状态为已结清，但已还金额不等于贷款金额');
    else if (status !== 'repaid' && repaidFen === amountFen) fail('已还金额等于贷款金额，状态应为已结清');
  }
  if (status === 'overdue' && dueOn && dueOn >= ctx.today) fail(`状态为逾期，但到期日期 ${dueOn} 还未过`);
  const village = villages.length === 1 ? villages[0]! : undefined;
  const cadreId = village ? cadreOf(r, ctx, village.id, fail) : undefined;
  if (
    errors.length ||
    !village ||
    !cadreId ||
    !amountFen ||
    !issuedOn ||
    !dueOn ||
    !status ||
    repaidFen === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      loan: {
        id,
        household,
        villageId: village.id,
        townshipId: village.townshipId,
        cadreId,
        amountFen,
        issuedOn,
        dueOn,
      },
      status,
      repaidFen,
    },
  };
}

function cadreOf(r: SheetRow, ctx: LoanImportContext, villageId: string, fail: (reason: string) => void) {
  const text = cell(r, LOAN_COLUMNS.cadre);
  if (!text) {
    const id = ctx.defaultCadre(villageId);
    if (!id) fail('该村没有可负责催收的村干部，请在“责任人”列填写');
    return id;
  }
  const found = ctx.people.filter((p) => p.id === text || p.name === text);
  if (found.length !== 1) {
    fail(found.length ? `责任人“${text}”重名，请填写人员编号` : `找不到责任人“${text}”`);
    return undefined;
  }
  return found[0]!.id;
}
