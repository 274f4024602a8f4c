import { type Fen, parseAmount } from '../loans/money.js';
import { cell, findByName, LEDGER_ID_RE, parseDateText, parseYesNo, rowError, type SheetRow } from '../loans/sheet.js';
import { parseMilestones } from './milestones.js';
import type { Project, ProjectProgress } from './types.js';

export const PROJECT_SHEET = '项目台账';

export const PROJECT_COLUMNS = {
  id: '项目编号',
  name: '项目名称',
  township: '乡镇（街道）',
  unit: '责任单位',
  industry: '产业项目',
  central: '中央衔接资金（万元）',
  provincial: '省级衔接资金（万元）',
  county: '县级衔接资金（万元）',
  plannedStart: '计划开工日期',
  plannedFinish: '计划完工日期',
  milestones: '里程碑',
  started: '是否开工',
  startedOn: '开工日期',
  percent: '完成进度（%）',
  paid: '累计支付（万元）',
  reporter: '填报人',
  adjustBehind: '调整阈值（百分点）',
} as const;

export const REQUIRED_PROJECT_COLUMNS = [
  PROJECT_COLUMNS.id,
  PROJECT_COLUMNS.name,
  PROJECT_COLUMNS.township,
  PROJECT_COLUMNS.unit,
  PROJECT_COLUMNS.industry,
  PROJECT_COLUMNS.central,
  PROJECT_COLUMNS.provincial,
  PROJECT_COLUMNS.plannedStart,
  PROJECT_COLUMNS.plannedFinish,
];

export interface ProjectImportContext {
  townships: { id: string; name: string }[];
  /** Townships and 县直部门 that may be responsible. */
  units: { id: string; name: string }[];
  people: { id: string; name: string }[];
  /** Who reports for a unit when the row names nobody (its staff). */
  defaultReporter(unitId: string): string | undefined;
  defaultAdjustBehindPoints: number;
  today: string;
}

export interface ImportedProject {
  project: Project;
  progress: ProjectProgress;
}

type Result = { ok: true; value: ImportedProject } | { ok: false; errors: string[] };

/** One row of the project ledger checked and turned into a project; every problem names sheet, row and reason. */
export function parseProjectRow(r: SheetRow, ctx: ProjectImportContext): Result {
  const errors: string[] = [];
  const fail = (reason: string) => errors.push(rowError(r, reason));
  const id = cell(r, PROJECT_COLUMNS.id);
  if (!LEDGER_ID_RE.test(id)) fail(id ? `项目编号“${id}”只能包含字母、数字和 - _ .，最长 40 个字符` : '缺少项目编号');
  const name = cell(r, PROJECT_COLUMNS.name);
  if (!name || name.length > 60) fail(name ? '项目名称不能超过 60 个字' : '缺少项目名称');
  const township = one(ctx.townships, cell(r, PROJECT_COLUMNS.township), '乡镇（街道）', fail);
  const unit = one(ctx.units, cell(r, PROJECT_COLUMNS.unit), '责任单位', fail);
  const industry = parseYesNo(cell(r, PROJECT_COLUMNS.industry));
  if (industry === undefined) fail(`产业项目“${cell(r, PROJECT_COLUMNS.industry)}”应填 是 或 否`);
  const money = (header: string, optional: boolean): Fen | undefined => {
    const text = cell(r, header);
    if (!text && optional) return 0;
    const fen = parseAmount(text, 'wan');
    if (fen === undefined) fail(`${header}“${text}”不是有效金额`);
    return fen;
  };
  const funds = {
    central: money(PROJECT_COLUMNS.central, false),
    provincial: money(PROJECT_COLUMNS.provincial, false),
    county: money(PROJECT_COLUMNS.county, true),
  };
  const fundsRead = Object.values(funds).every((f) => f !== undefined);
  // Unreadable funds were reported above; comparing payments with a partial total would only add noise.
  const total = fundsRead ? (funds.central ?? 0) + (funds.provincial ?? 0) + (funds.county ?? 0) : undefined;
  if (total !== undefined && total <= 0) fail('项目资金合计须大于 0');
  const plannedStart = date(r, PROJECT_COLUMNS.plannedStart, fail);
  const plannedFinish = date(r, PROJECT_COLUMNS.plannedFinish, fail);
  if (plannedStart && plannedFinish && plannedFinish <= plannedStart) fail('计划完工日期须晚于计划开工日期');
  const milestones =
    plannedStart && plannedFinish
      ? parseMilestones(cell(r, PROJECT_COLUMNS.milestones), plannedStart, plannedFinish, fail)
      : [];
  const progress = progressOf(r, ctx, total, fail);
  const reporterId = unit ? reporterOf(r, ctx, unit.id, fail) : undefined;
  const thresholdText = cell(r, PROJECT_COLUMNS.adjustBehind);
  const adjustBehindPoints = thresholdText ? Number(thresholdText) : ctx.defaultAdjustBehindPoints;
  if (!Number.isInteger(adjustBehindPoints) || adjustBehindPoints < 1 || adjustBehindPoints > 100) {
    fail(`调整阈值“${thresholdText}”应为 1–100 的整数（百分点）`);
  }
  if (
    errors.length ||
    !township ||
    !unit ||
    !reporterId ||
    industry === undefined ||
    !plannedStart ||
    !plannedFinish ||
    !progress ||
    funds.central === undefined ||
    funds.provincial === undefined ||
    funds.county === undefined
  ) {
    return { ok: false, errors };
  }
  const project: Project = {
    id,
    name,
    townshipId: township.id,
    unitId: unit.id,
    reporterId,
    industry,
    funds: { central: funds.central, provincial: funds.provincial, county: funds.county },
    plannedStart,
    plannedFinish,
    milestones,
    adjustBehindPoints,
  };
  return { ok: true, value: { project, progress } };
}

function one<T extends { id: string; name: string }>(
  list: T[],
  text: string,
  label: string,
  fail: (r: string) => void,
) {
  const found = text ? findByName(list, text) : [];
  if (found.length === 1) return found[0];
  fail(text ? `${found.length ? `${label}名称不唯一` : `找不到${label}`}“${text}”` : `缺少${label}`);
  return undefined;
}

function date(r: SheetRow, header: string, fail: (reason: string) => void): string | undefined {
  const text = cell(r, header);
  const d = parseDateText(text);
  if (!d) fail(text ? `${header}“${text}”不是有效日期` : `缺少${header}`);
  return d;
}

function progressOf(r: SheetRow, ctx: ProjectImportContext, total: Fen | undefined, fail: (reason: string) => void) {
  const startedText = cell(r, PROJECT_COLUMNS.started);
  const started = startedText ? parseYesNo(startedText) : false;
  if (started === undefined) fail(`是否开工“${startedText}”应填 是 或 否`);
  const startedOnText = cell(r, PROJECT_COLUMNS.startedOn);
  const startedOn = startedOnText ? parseDateText(startedOnText) : undefined;
  if (startedOnText && !startedOn) fail(`开工日期“${startedOnText}”不是有效日期`);
  if (started && !startedOnText) fail('已开工的项目请填写开工日期');
  if (startedOn && startedOn > ctx.today) fail(`开工日期 ${startedOn} 晚于今天`);
  const percentText = cell(r, PROJECT_COLUMNS.percent).replace(/%$/, '');
  const percent = percentText ? Number(percentText) : 0;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) fail(`完成进度“${percentText}”应为 0–100 的整数`);
  else if (started === false && percent > 0) fail('未开工的项目完成进度应为 0');
  const paidText = cell(r, PROJECT_COLUMNS.paid);
  const paidFen = paidText ? parseAmount(paidText, 'wan') : 0;
  if (paidFen === undefined) fail(`累计支付“${paidText}”不是有效金额`);
  else if (total !== undefined && total > 0 && paidFen > total) fail('累计支付超过项目资金合计');
  if (started === undefined || paidFen === undefined || !Number.isInteger(percent)) return undefined;
  return { started, ...(started && startedOn ? { startedOn } : {}), percent, paidFen };
}

function reporterOf(r: SheetRow, ctx: ProjectImportContext, unitId: string, fail: (reason: string) => void) {
  const text = cell(r, PROJECT_COLUMNS.reporter);
  if (!text) {
    const id = ctx.defaultReporter(unitId);
    if (!id) fail('责任单位没有可填报月报的人员，请在“填报人”列填写');
    return id;
  }
  const found = ctx.people.filter((p) => p.id === text || p.name === text);
  if (found.length === 1) return found[0]!.id;
  fail(found.length ? `填报人“${text}”重名，请填写人员编号` : `找不到填报人“${text}”`);
  return undefined;
}
