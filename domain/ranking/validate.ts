import { ITEM_MEASURES, type ItemMeasure, type RuleSet } from './rules.js';
import { usageMetricMessage, usageTermIn } from './usage-guard.js';

export interface RuleProblem {
  /** usage_metric: the compliance guard; unknown_metric: a measure Duban does not compute; invalid: anything else. */
  code: 'usage_metric' | 'unknown_metric' | 'invalid';
  path: string;
  message: string;
}

export type RuleCheck = { ok: true; rules: RuleSet } | { ok: false; problems: RuleProblem[] };

const TOP_KEYS = [
  'name',
  'version',
  'title',
  'domain',
  'dimensions',
  'items',
  'minimum',
  'lists',
  'exit',
  'appealWindowWorkdays',
  'rectificationWorkdays',
  'schedule',
];
const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a rule set that arrives as data (a JSON file, an admin form). Reports every problem at once, in Chinese.
 * Unknown properties are errors: a metric smuggled in under a new key must not be silently ignored.
 */
export function checkRuleSet(input: unknown): RuleCheck {
  const problems: RuleProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ code: 'invalid', path, message });
  if (!isObj(input)) return { ok: false, problems: [{ code: 'invalid', path: '', message: '评分规则必须是一个对象' }] };
  scanUnknownKeys(input, TOP_KEYS, '', problems);

  text(input.name, 'name', '规则名称', bad);
  text(input.title, 'title', '规则标题', bad);
  text(input.domain, 'domain', '分管领域', bad);
  int(input.version, 'version', '版本号', 1, 1_000_000, bad);
  const dimensionWeight = checkDimensions(input.dimensions, problems);
  const itemsWeight = checkItems(input.items, problems);
  if (dimensionWeight !== undefined && itemsWeight !== undefined && dimensionWeight + itemsWeight !== 100) {
    bad('dimensions', `各项权重之和须为 100 分，现为 ${dimensionWeight + itemsWeight} 分`);
  }
  const dimensionCount = Array.isArray(input.dimensions) ? input.dimensions.length : 0;
  const minimum = isObj(input.minimum) ? input.minimum : {};
  int(minimum.inspectedDimensions, 'minimum.inspectedDimensions', '参评最少检查项数', 1, dimensionCount || 1, bad);
  checkLists(input.lists, bad);
  const exit = isObj(input.exit) ? input.exit : {};
  int(exit.compliantMonths, 'exit.compliantMonths', '出榜所需连续达标月数', 1, 12, bad);
  num(exit.compliantScore, 'exit.compliantScore', '达标分数线', bad);
  int(input.appealWindowWorkdays, 'appealWindowWorkdays', '申诉期（工作日）', 1, 20, bad);
  int(input.rectificationWorkdays, 'rectificationWorkdays', '整改期限（工作日）', 1, 60, bad);
  const schedule = isObj(input.schedule) ? input.schedule : {};
  int(schedule.workdayOfMonth, 'schedule.workdayOfMonth', '每月第几个工作日运行', 1, 15, bad);
  if (typeof schedule.time !== 'string' || !HHMM_RE.test(schedule.time)) bad('schedule.time', '运行时间须为 HH:MM');

  return problems.length ? { ok: false, problems } : { ok: true, rules: input as unknown as RuleSet };
}

function checkDimensions(value: unknown, problems: RuleProblem[]): number | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ code: 'invalid', path: 'dimensions', message: '至少需要一个检查维度' });
    return undefined;
  }
  const keys = new Set<string>();
  let total = 0;
  for (const [i, d] of (value as unknown[]).entries()) {
    const path = `dimensions[${i}]`;
    const bad = (message: string) => problems.push({ code: 'invalid', path, message });
    if (!isObj(d)) {
      bad('检查维度格式不正确');
      continue;
    }
    scanUnknownKeys(d, ['key', 'label', 'weight'], path, problems);
    const term = usageTermIn(`${String(d.key)} ${String(d.label)}`);
    if (term) problems.push({ code: 'usage_metric', path, message: usageMetricMessage(`检查维度“${d.label}”`, term) });
    if (typeof d.key !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(d.key)) bad('维度代码须为小写字母、数字或下划线');
    else if (keys.has(d.key)) bad(`维度代码重复：${d.key}`);
    else keys.add(d.key);
    if (typeof d.label !== 'string' || d.label.trim() === '') bad('请填写维度名称');
    if (typeof d.weight !== 'number' || !(d.weight > 0) || d.weight > 100) bad('维度权重须在 0–100 之间');
    else total += d.weight;
  }
  return total;
}

function checkItems(value: unknown, problems: RuleProblem[]): number | undefined {
  const bad = (path: string, message: string) => problems.push({ code: 'invalid', path, message });
  if (!isObj(value)) {
    bad('items', '缺少督办事项评分规则');
    return undefined;
  }
  scanUnknownKeys(value, ['onTimeWeight', 'deductions'], 'items', problems);
  const weight = value.onTimeWeight;
  if (typeof weight !== 'number' || weight < 0 || weight > 100)
    bad('items.onTimeWeight', '按期办结权重须在 0–100 之间');
  if (!Array.isArray(value.deductions)) bad('items.deductions', '扣分表须为列表');
  const seen = new Set<string>();
  for (const [i, d] of (Array.isArray(value.deductions) ? (value.deductions as unknown[]) : []).entries()) {
    const path = `items.deductions[${i}]`;
    if (!isObj(d)) {
      bad(path, '扣分项格式不正确');
      continue;
    }
    scanUnknownKeys(d, ['measure', 'label', 'points', 'cap'], path, problems);
    const term = usageTermIn(`${String(d.measure)} ${String(d.label)}`);
    if (term) {
      problems.push({ code: 'usage_metric', path, message: usageMetricMessage(`扣分项“${d.label}”`, term) });
    } else if (!ITEM_MEASURES.includes(d.measure as ItemMeasure)) {
      problems.push({ code: 'unknown_metric', path, message: `不支持的扣分指标：${String(d.measure)}` });
    } else if (seen.has(d.measure as string)) bad(path, `扣分指标重复：${String(d.measure)}`);
    else seen.add(d.measure as string);
    if (typeof d.label !== 'string' || d.label.trim() === '') bad(path, '请填写扣分项名称');
    if (typeof d.points !== 'number' || !(d.points > 0) || d.points > 100) bad(path, '每次扣分须在 0–100 之间');
    if (typeof d.cap !== 'number' || !(d.cap > 0) || d.cap > 100) bad(path, '扣分上限须在 0–100 之间');
  }
  return typeof weight === 'number' ? weight : undefined;
}

function checkLists(value: unknown, bad: (path: string, message: string) => void): void {
  if (!isObj(value)) {
    bad('lists', '缺少红黑榜名额规则');
    return;
  }
  if (value.scope !== 'county' && value.scope !== 'township')
    bad('lists.scope', '排名范围须为 county（全县）或 township（分乡镇）');
  const red = isObj(value.red) ? value.red : {};
  const black = isObj(value.black) ? value.black : {};
  int(red.size, 'lists.red.size', '红榜名额', 1, 100, bad);
  num(red.minScore, 'lists.red.minScore', '红榜最低分', bad);
  int(black.size, 'lists.black.size', '黑榜名额', 1, 100, bad);
  num(black.belowScore, 'lists.black.belowScore', '黑榜分数线', bad);
  if (typeof red.minScore === 'number' && typeof black.belowScore === 'number' && black.belowScore > red.minScore) {
    bad('lists', '黑榜分数线不能高于红榜最低分');
  }
}

/** Unknown keys are refused; one that names a usage metric is refused with the compliance message. */
function scanUnknownKeys(o: Obj, allowed: string[], path: string, problems: RuleProblem[]): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const where = path ? `${path}.${key}` : key;
    const term = usageTermIn(`${key} ${JSON.stringify(o[key])}`);
    problems.push(
      term
        ? { code: 'usage_metric', path: where, message: usageMetricMessage(`规则项“${key}”`, term) }
        : { code: 'invalid', path: where, message: `不认识的规则项：${where}` },
    );
  }
}

function text(v: unknown, path: string, label: string, bad: (p: string, m: string) => void): void {
  if (typeof v !== 'string' || v.trim() === '') bad(path, `请填写${label}`);
}

function int(v: unknown, path: string, label: string, min: number, max: number, bad: (p: string, m: string) => void) {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    bad(path, `${label}须为 ${min}–${max} 的整数`);
}

function num(v: unknown, path: string, label: string, bad: (p: string, m: string) => void): void {
  if (typeof v !== 'number' || v < 0 || v > 100) bad(path, `${label}须在 0–100 之间`);
}
