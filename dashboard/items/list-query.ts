import type { ItemListFilter, ItemListSort, ItemListView } from '../../db/items/dashboard-list.js';
import { KIND_LABELS } from '../../domain/items/index.js';
import { type AccessScope, type OrgUnit, subtreeIds } from '../../domain/org/access.js';
import { HttpError } from '../http.js';

/** The filters and sort of an item list, as they travel in the URL (the same query drives the Excel export). */
export interface ListQuery {
  view: ItemListView;
  kind?: string;
  domain?: string;
  township?: string;
  unit?: string;
  level?: number;
  mine?: boolean;
  sort: ItemListSort;
  dir: 'asc' | 'desc';
}

const VIEWS: readonly ItemListView[] = ['all', 'open', 'overdue', 'escalated', 'done'];
const SORTS: readonly ItemListSort[] = ['due', 'level', 'unit', 'created', 'title'];

export const VIEW_TITLES: Record<ItemListView, string> = {
  all: '全部事项',
  open: '在办事项',
  overdue: '逾期事项',
  escalated: '升级督办事项',
  done: '已办结事项',
};

/** Parses and checks the query; anything unexpected is a 400 with the reason, never silently ignored. */
export function parseListQuery(
  params: URLSearchParams,
  units: readonly OrgUnit[],
  fallbackView: ItemListView,
): ListQuery {
  const get = (k: string) => {
    const v = params.get(k)?.trim();
    return v ? v : undefined;
  };
  const view = (get('view') ?? fallbackView) as ItemListView;
  if (!VIEWS.includes(view)) throw new HttpError(400, `未知的列表：${view}`);
  const kind = get('kind');
  if (kind && !(kind in KIND_LABELS)) throw new HttpError(400, `未知的事项类型：${kind}`);
  const township = get('township');
  if (township && !units.some((u) => u.id === township && u.kind === 'township'))
    throw new HttpError(400, `未知的乡镇：${township}`);
  const unit = get('unit');
  if (unit && !units.some((u) => u.id === unit)) throw new HttpError(400, `未知的单位：${unit}`);
  const levelText = get('level');
  const level = levelText === undefined ? undefined : Number(levelText);
  if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 4))
    throw new HttpError(400, '督办层级应为 1–4');
  const sort = (get('sort') ?? (view === 'escalated' ? 'level' : 'due')) as ItemListSort;
  if (!SORTS.includes(sort)) throw new HttpError(400, `未知的排序方式：${sort}`);
  const dirText = get('dir') ?? (sort === 'level' ? 'desc' : 'asc');
  if (dirText !== 'asc' && dirText !== 'desc') throw new HttpError(400, '排序方向应为 asc 或 desc');
  const domain = get('domain');
  return {
    view,
    sort,
    dir: dirText,
    ...(kind ? { kind } : {}),
    ...(domain ? { domain } : {}),
    ...(township ? { township } : {}),
    ...(unit ? { unit } : {}),
    ...(level !== undefined ? { level } : {}),
    ...(get('mine') === '1' ? { mine: true } : {}),
  };
}

export function toFilter(q: ListQuery, units: readonly OrgUnit[], scope: AccessScope, limit?: number): ItemListFilter {
  const roots = [q.township, q.unit].filter((x): x is string => x !== undefined);
  let unitIds: string[] | undefined;
  for (const root of roots) {
    const ids = subtreeIds(units, [root]);
    unitIds = unitIds ? unitIds.filter((id) => ids.includes(id)) : ids;
  }
  return {
    view: q.view,
    sort: q.sort,
    dir: q.dir,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.domain ? { domain: q.domain } : {}),
    ...(unitIds ? { unitIds } : {}),
    ...(q.level !== undefined ? { minLevel: q.level } : {}),
    ...(q.mine ? { assigneeId: scope.personId } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/** The query string for a list, with some fields changed (sort links, export link). */
export function listSearch(
  q: ListQuery,
  changes: Partial<Record<keyof ListQuery, string | number | undefined>> = {},
): string {
  const merged: Record<string, string | number | boolean | undefined> = { ...q, ...changes };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === false || v === '') continue;
    p.set(k, v === true ? '1' : String(v));
  }
  return p.toString();
}
