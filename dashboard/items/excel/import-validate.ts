import { createHash } from 'node:crypto';
import { addWorkdays, type CalendarData } from '../../../domain/calendar/index.js';
import { checkSpec, type ItemSpec, KIND_LABELS, URGENCY_LABELS } from '../../../domain/items/index.js';
import { compareInstants, endOfDay, isValidDate } from '../../../domain/shanghai-time.js';
import type { LedgerHeader } from './columns.js';
import { findMember, findReviewer, findUnit, type ImportOrg } from './import-lookup.js';
import type { CellValue, ImportRow } from './import-parse.js';

export interface RowError {
  row: number;
  message: string;
}

export type Validation = { ok: true; specs: ItemSpec[] } | { ok: false; errors: RowError[] };

export interface ImportContext {
  org: ImportOrg;
  /** The importing 督查 staff member: the items' 交办人 and the audit trail's actor. */
  issuerId: string;
  now: string;
  cal: CalendarData;
}

/** Checks every row; the file is accepted only when all rows pass (nothing is ever half-imported). */
export function validateRows(rows: readonly ImportRow[], ctx: ImportContext): Validation {
  const errors: RowError[] = [];
  const specs: ItemSpec[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const result = rowSpec(r, ctx);
    if (typeof result === 'string') {
      errors.push({ row: r.row, message: result });
      continue;
    }
    const earlier = seen.get(result.id);
    if (earlier !== undefined) {
      errors.push({ row: r.row, message: `事项编号 ${result.id} 与第 ${earlier} 行重复` });
      continue;
    }
    seen.set(result.id, r.row);
    specs.push(result);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, specs };
}

function rowSpec(r: ImportRow, ctx: ImportContext): ItemSpec | string {
  const v = r.values;
  const text = (h: LedgerHeader) => {
    const x = v[h];
    return x instanceof Date ? undefined : x;
  };
  const title = text('事项名称');
  if (!title) return '事项名称不能为空';
  const kind = fromLabel(KIND_LABELS, text('事项类型'));
  if (!kind) return `事项类型「${text('事项类型') ?? ''}」无效，应为：${Object.values(KIND_LABELS).join('、')}`;
  const urgency = fromLabel(URGENCY_LABELS, text('紧急程度'));
  if (!urgency) return `紧急程度「${text('紧急程度') ?? ''}」无效，应为：一般、重要、紧急`;
  const domain = text('分管领域');
  if (!domain || !ctx.org.domains.includes(domain))
    return `分管领域「${domain ?? ''}」无效，应为：${ctx.org.domains.join('、')}`;
  const unit = findUnit(ctx.org, text('责任单位') ?? '');
  if (!unit.ok) return text('责任单位') ? unit.message : '责任单位不能为空';
  const assignee = findMember(ctx.org, unit.value, text('责任人') ?? '');
  if (!assignee.ok) return text('责任人') ? assignee.message : '责任人不能为空';
  const reviewer = findReviewer(ctx.org, text('审核人') ?? '');
  if (!reviewer.ok) return text('审核人') ? reviewer.message : '审核人不能为空';
  const due = dateOf(v['办结期限']);
  if (!due) return `办结期限「${show(v['办结期限'])}」不是有效日期（例如 2026-06-30）`;
  const signText = v['签收期限'];
  const signDate = signText === undefined ? undefined : dateOf(signText);
  if (signText !== undefined && !signDate) return `签收期限「${show(signText)}」不是有效日期`;
  const evidence = text('需要佐证');
  if (evidence && evidence !== '是' && evidence !== '否') return '需要佐证应填「是」或「否」';
  const dueAt = endOfDay(due);
  const defaultSign = addWorkdays(ctx.cal, ctx.now, 1);
  const signBy = signDate ? endOfDay(signDate) : compareInstants(defaultSign, dueAt) > 0 ? dueAt : defaultSign;
  const spec: ItemSpec = {
    id: text('事项编号') ?? derivedId([kind, title, unit.value.id, assignee.value, due]),
    kind,
    title,
    description: text('事项内容') ?? '',
    urgency,
    domain,
    ownerUnitId: unit.value.id,
    issuerId: ctx.issuerId,
    reviewerId: reviewer.value,
    assigneeId: assignee.value,
    createdAt: ctx.now,
    signBy,
    dueAt,
    evidenceRequired: evidence === '是',
  };
  const refusal = checkSpec(spec);
  return refusal ? refusal.message : spec;
}

/** The same row imported twice gets the same id, so a re-import starts nothing new. */
function derivedId(parts: string[]): string {
  return `IMP-${createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, 12).toUpperCase()}`;
}

function fromLabel<K extends string>(labels: Record<K, string>, text: string | undefined): K | undefined {
  if (!text) return undefined;
  const entry = (Object.entries(labels) as [K, string][]).find(([k, l]) => l === text || k === text);
  return entry?.[0];
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A calendar date from an Excel date cell (UTC midnight of the day) or text such as 2026-06-30 / 2026年6月30日. */
export function dateOf(v: CellValue | undefined): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  const m = v ? DATE_TEXT.exec(v) : null;
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(d) ? d : undefined;
}

function show(v: CellValue | undefined): string {
  return v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? '');
}
