import type { Kysely } from 'kysely';
import { type ItemListRow, listItems } from '../../db/items/dashboard-list.js';
import { loadSummary, rootUnit } from '../../db/items/summary-data.js';
import type { Database } from '../../db/schema.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { itemLight } from '../../domain/items/item-light.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { ChatCommand, ChatContext } from '../chat/router.js';
import { type ListedItem, overdueCard, progressCard, todoCard } from './chat-cards.js';

export interface BuiltinCommandDeps {
  db: Kysely<Database>;
  calendar: () => Promise<CalendarData>;
  /** The dashboard's public URL for links in cards; undefined when there is none. */
  dashboardUrl: () => string | undefined;
}

const OVERDUE_SHOWN = 15;

/** 我的待办, 进度 and 逾期: the leading group's and cadres' questions, answered from the ledger. */
export function builtinCommands(deps: BuiltinCommandDeps): ChatCommand[] {
  const link = (path: string) => {
    const base = deps.dashboardUrl();
    return base ? new URL(path, base).href : undefined;
  };
  const listed = async (ctx: ChatContext, rows: ItemListRow[]): Promise<ListedItem[]> => {
    const cal = await deps.calendar();
    const now = toShanghaiIso(ctx.now.getTime());
    return rows.map((row) => {
      const l = itemLight(
        cal,
        { createdAt: row.createdAt, dueAt: row.dueAt, progressPercent: row.progressPercent },
        now,
      );
      const when =
        l.workdaysLeft < 0
          ? `逾期 ${-l.workdaysLeft} 个工作日`
          : l.workdaysLeft === 0
            ? '今天到期'
            : `剩 ${l.workdaysLeft} 个工作日`;
      return { row, light: l.light, when };
    });
  };
  const nowOf = (ctx: ChatContext) => toShanghaiIso(ctx.now.getTime());

  return [
    {
      names: ['我的待办', '待办', '我的事项'],
      summary: '我负责办理和待我审核的事项',
      async run(ctx) {
        const own = { all: false, domains: [], unitIds: [], personId: ctx.person.id };
        const [doing, reviewing] = await Promise.all([
          listItems(
            deps.db,
            own,
            { view: 'open', assigneeId: ctx.person.id, sort: 'due', dir: 'asc', limit: 20 },
            nowOf(ctx),
          ),
          listItems(
            deps.db,
            own,
            { view: 'open', reviewerId: ctx.person.id, status: 'submitted', sort: 'due', dir: 'asc', limit: 20 },
            nowOf(ctx),
          ),
        ]);
        return todoCard(await listed(ctx, doing), await listed(ctx, reviewing), link);
      },
    },
    {
      names: ['进度', '进展', '督办进度'],
      summary: '我可见范围内各单位的在办、逾期、红黄绿灯和按时办结率',
      async run(ctx) {
        const parent = summaryParent(ctx);
        const summary = await loadSummary(deps.db, ctx.scope, ctx.units, parent, nowOf(ctx), await deps.calendar());
        return progressCard(summary, ctx.scopeLabel, link);
      },
    },
    {
      names: ['逾期', '逾期事项', '超期'],
      summary: '我可见范围内已超过办结期限的事项',
      async run(ctx) {
        const rows = await listItems(deps.db, ctx.scope, { view: 'overdue', sort: 'due', dir: 'asc' }, nowOf(ctx));
        return overdueCard(await listed(ctx, rows.slice(0, OVERDUE_SHOWN)), rows.length, link);
      },
    },
  ];
}

/** A township leader's 进度 is about their villages; everyone else's starts at the county. */
function summaryParent(ctx: ChatContext): string {
  const root = rootUnit(ctx.units)?.id ?? '';
  const { scope } = ctx;
  if (scope.all || scope.domains.length > 0 || scope.unitIds.length === 0) return root;
  const top = scope.unitIds.find((id) => {
    const parent = ctx.units.find((u) => u.id === id)?.parentId;
    return !parent || !scope.unitIds.includes(parent);
  });
  return top ?? root;
}
