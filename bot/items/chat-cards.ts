import type { ItemListRow } from '../../db/items/dashboard-list.js';
import type { Summary } from '../../domain/items/summary.js';
import type { Light } from '../../domain/lights.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Card, card, header, hr, markdown } from '../cards/elements.js';

/** Reply cards of the chat commands (JSON 2.0, Chinese). Pure: data and links in, card out. */

const LIGHT_ICON: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };
const STATUS_TEXT: Record<string, string> = { assigned: '待签收', in_progress: '办理中', submitted: '待审核' };

export interface ListedItem {
  row: ItemListRow;
  light?: Light;
  /** e.g. "剩 3 个工作日" or "逾期 2 个工作日". */
  when: string;
}

export function todoCard(
  doing: ListedItem[],
  reviewing: ListedItem[],
  link: (path: string) => string | undefined,
): Card {
  const total = doing.length + reviewing.length;
  const elements = [
    markdown(`**待我办理（${doing.length}）**\n${lines(doing, link, (i) => STATUS_TEXT[i.row.status] ?? '')}`),
    hr(),
    markdown(`**待我审核（${reviewing.length}）**\n${lines(reviewing, link, (i) => `责任人 ${i.row.assigneeName}`)}`),
    ...footer(link('/items?view=open&mine=1'), '在看板中查看我的事项'),
  ];
  return card(
    header(`我的待办（${total} 项）`, '按办结期限排序', total ? 'blue' : 'green'),
    elements,
    `我的待办 ${total} 项`,
  );
}

export function progressCard(summary: Summary, scopeText: string, link: (path: string) => string | undefined): Card {
  const t = summary.total;
  const rate = t.onTimeRate === null ? '—' : `${t.onTimeRate}%`;
  const head = [
    `**事项** ${t.total}　**在办** ${t.open}　**已办结** ${t.done}　**逾期** ${t.overdue}`,
    `**灯色** 🔴 ${t.lights.red}　🟡 ${t.lights.yellow}　🟢 ${t.lights.green}　**按时办结率** ${rate}　**升级督办** ${t.escalated}`,
  ].join('\n');
  const rows = summary.rows.slice(0, 25).map((r) => {
    const rr = r.onTimeRate === null ? '—' : `${r.onTimeRate}%`;
    return `**${r.name}**　在办 ${r.open} · 逾期 ${r.overdue} · 🔴${r.lights.red} 🟡${r.lights.yellow} 🟢${r.lights.green} · 按时率 ${rr}`;
  });
  const elements = [
    markdown(head),
    hr(),
    markdown(rows.length ? rows.join('\n') : '暂无事项。'),
    ...footer(link('/'), '打开督办看板'),
  ];
  return card(header(`督办进度：${summary.total.name}`, `可见范围：${scopeText}`, 'wathet'), elements, '督办进度');
}

export function overdueCard(items: ListedItem[], total: number, link: (path: string) => string | undefined): Card {
  const body = items.length
    ? lines(
        items,
        link,
        (i) =>
          `${i.row.unitName} · ${i.row.assigneeName}${i.row.escalationLevel ? ` · 已升级至 L${i.row.escalationLevel}` : ''}`,
      )
    : '没有逾期事项。';
  const more = total > items.length ? `\n……另有 ${total - items.length} 项，请在看板中查看。` : '';
  return card(
    header(`逾期事项（${total} 项）`, '按逾期时间由长到短', total ? 'red' : 'green'),
    [markdown(body + more), ...footer(link('/overdue'), '在看板中查看全部逾期事项')],
    `逾期事项 ${total} 项`,
  );
}

function lines(
  items: ListedItem[],
  link: (path: string) => string | undefined,
  extra: (i: ListedItem) => string,
): string {
  if (items.length === 0) return '暂无。';
  return items
    .map((i) => {
      const url = link(`/items/${encodeURIComponent(i.row.id)}`);
      const title = url ? `[${i.row.title}](${url})` : i.row.title;
      const icon = i.light ? `${LIGHT_ICON[i.light]} ` : '';
      return `${icon}${title}\n　期限 ${localDate(i.row.dueAt)}（${i.when}）· ${extra(i)}`;
    })
    .join('\n');
}

function footer(url: string | undefined, text: string) {
  return url ? [markdown(`[${text}](${url})`)] : [];
}
