import { isValidDate } from '../shanghai-time.js';
import {
  type ImportError,
  type ImportPerson,
  OPTIONAL_SHEETS,
  type RawSheet,
  type RawWorkbook,
  SHEET_COLUMNS,
  type SheetName,
} from './import-format.js';
import { KIND_BY_LABEL, ROLE_BY_LABEL } from './import-labels.js';
import type { ActingAssignment, OrgPost, OrgUnit } from './snapshot.js';

export interface Located<T> {
  row: number;
  value: T;
}

export interface ParsedBook {
  units: Located<OrgUnit>[];
  people: Located<ImportPerson>[];
  posts: Located<OrgPost>[];
  domains: Located<{ personId: string; domain: string }>[];
  acting: Located<ActingAssignment>[];
}

type Cell = (column: string) => string;
type Fail = (row: number, message: string) => void;

/** Row-local checks: required cells, id and date formats, known 类型/角色, duplicates within a sheet. */
export function parseBook(book: RawWorkbook, errors: ImportError[]): ParsedBook {
  const parse = <T>(sheet: SheetName, one: (cell: Cell, fail: (m: string) => void) => T | undefined) =>
    parseSheet(sheet, book[sheet], errors, one);

  const units = parse('单位', (cell, fail) => {
    const id = ident(cell('编号'), '编号', fail);
    const name = required(cell('名称'), '名称', fail);
    const kindLabel = required(cell('类型'), '类型', fail);
    const kind = kindLabel ? KIND_BY_LABEL[kindLabel] : undefined;
    if (kindLabel && !kind) fail(`类型「${kindLabel}」无效，应为 县/部门/乡镇/村`);
    const domain = cell('分管领域') || null;
    if (domain && kind && kind !== 'department') fail('只有「部门」可以填写分管领域');
    const parentId = cell('上级编号') || null;
    if (!id || !name || !kind) return undefined;
    return { id, name, kind, parentId, domain };
  });
  const people = parse('人员', (cell, fail) => {
    const id = ident(cell('编号'), '编号', fail);
    const name = required(cell('姓名'), '姓名', fail);
    const unitId = ident(cell('所属单位编号'), '所属单位编号', fail);
    const openId = cell('飞书open_id') || null;
    if (openId && !/^ou_[0-9A-Za-z]+$/.test(openId)) fail(`飞书open_id「${openId}」格式不对，应以 ou_ 开头`);
    const mobile = cell('手机').replace(/[\s-]/g, '') || null;
    if (mobile && !/^\+?\d{5,15}$/.test(mobile)) fail(`手机号「${cell('手机')}」格式不对`);
    if (!id || !name || !unitId) return undefined;
    return { id, name, openId, mobile, unitId, title: cell('职务') || null };
  });
  const posts = parse('职务', (cell, fail) => {
    const unitId = ident(cell('单位编号'), '单位编号', fail);
    const personId = ident(cell('人员编号'), '人员编号', fail);
    const roleLabel = required(cell('角色'), '角色', fail);
    const role = roleLabel ? ROLE_BY_LABEL[roleLabel] : undefined;
    if (roleLabel && !role) fail(`角色「${roleLabel}」无效，应为 书记/副职/工作人员/督查/分管县领导/县委书记`);
    const title = required(cell('职务名称'), '职务名称', fail);
    if (!unitId || !personId || !role || !title) return undefined;
    return { unitId, personId, role, title };
  });
  const domains = parse('分管', (cell, fail) => {
    const personId = ident(cell('人员编号'), '人员编号', fail);
    const domain = required(cell('领域'), '领域', fail);
    return personId && domain ? { personId, domain } : undefined;
  });
  const acting = parse('代理', (cell, fail) => {
    const personId = ident(cell('代理人编号'), '代理人编号', fail);
    const actingForPersonId = ident(cell('被代理人编号'), '被代理人编号', fail);
    const from = date(cell('开始日期'), '开始日期', fail);
    const to = date(cell('结束日期'), '结束日期', fail);
    const reason = required(cell('事由'), '事由', fail);
    if (from && to && from > to) fail(`结束日期 ${to} 早于开始日期 ${from}`);
    if (personId && personId === actingForPersonId) fail('代理人与被代理人不能是同一人');
    if (!personId || !actingForPersonId || !from || !to || !reason || from > to) return undefined;
    return { personId, actingForPersonId, from, to, reason };
  });

  const fail: (sheet: SheetName) => Fail = (sheet) => (row, message) => errors.push({ sheet, row, message });
  unique(
    units,
    (u) => u.id,
    (id) => `单位编号 ${id} 重复`,
    fail('单位'),
  );
  unique(
    people,
    (p) => p.id,
    (id) => `人员编号 ${id} 重复`,
    fail('人员'),
  );
  unique(
    people.filter((p) => p.value.openId),
    (p) => p.openId ?? '',
    (o) => `飞书open_id ${o} 重复`,
    fail('人员'),
  );
  unique(
    posts,
    (p) => `${p.unitId}|${p.personId}|${p.role}`,
    () => '同一单位、人员、角色的职务重复',
    fail('职务'),
  );
  unique(
    domains,
    (d) => `${d.personId}|${d.domain}`,
    () => '同一人员的分管领域重复',
    fail('分管'),
  );
  return { units, people, posts, domains, acting };
}

function parseSheet<T>(
  sheet: SheetName,
  raw: RawSheet | undefined,
  errors: ImportError[],
  one: (cell: Cell, fail: (m: string) => void) => T | undefined,
): Located<T>[] {
  if (!raw) {
    if (!OPTIONAL_SHEETS.includes(sheet)) errors.push({ sheet, row: null, message: `缺少工作表「${sheet}」` });
    return [];
  }
  const header = raw.header.map(normalizeHeader);
  const index = new Map(SHEET_COLUMNS[sheet].map((c) => [c, header.indexOf(normalizeHeader(c))]));
  const missing = [...index].filter(([, i]) => i < 0).map(([c]) => c);
  if (missing.length > 0) {
    errors.push({ sheet, row: null, message: `缺少列：${missing.map((c) => `「${c}」`).join('')}` });
    return [];
  }
  const out: Located<T>[] = [];
  for (const { row, cells } of raw.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell: Cell = (column) => (cells[index.get(column) ?? -1] ?? '').trim();
    const value = one(cell, (message) => errors.push({ sheet, row, message }));
    if (value !== undefined) out.push({ row, value });
  }
  return out;
}

/** Headers match ignoring spaces and letter case ("飞书 Open_ID" is fine). */
function normalizeHeader(h: string): string {
  return h.replace(/\s+/g, '').toLowerCase();
}

function required(v: string, column: string, fail: (m: string) => void): string | undefined {
  if (v === '') fail(`${column}不能为空`);
  return v || undefined;
}

function ident(v: string, column: string, fail: (m: string) => void): string | undefined {
  if (!required(v, column, fail)) return undefined;
  if (/\s/.test(v) || v.length > 64) {
    fail(`${column}「${v}」无效：不能含空格，最长 64 个字符`);
    return undefined;
  }
  return v;
}

/** Dates as clerks type them: 2024-06-10, 2024/6/10, 2024.6.10 or 2024年6月10日. */
function date(v: string, column: string, fail: (m: string) => void): string | undefined {
  if (!required(v, column, fail)) return undefined;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  if (!isValidDate(iso)) {
    fail(`${column}「${v}」不是有效日期（例：2024-06-10）`);
    return undefined;
  }
  return iso;
}

function unique<T>(rows: Located<T>[], key: (v: T) => string, message: (k: string) => string, fail: Fail): void {
  const first = new Map<string, number>();
  for (const { row, value } of rows) {
    const k = key(value);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, row);
    else fail(row, `${message(k)}（与第${seen}行）`);
  }
}
