import { inMonth, type Month, monthBounds } from '../month.js';
import type { ScoreLine, VillageFacts } from './breakdown.js';
import { dayLabel, LEVEL_LABELS, pts } from './format.js';
import type { ItemOutcome } from './inputs.js';
import type { DeductionRule, RuleSet } from './rules.js';

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/** The item part of a village's breakdown; fills the item counts of `facts` as it goes. */
export function itemLines(items: ItemOutcome[], rules: RuleSet, month: Month, facts: VillageFacts): ScoreLine[] {
  return [...onTimeLines(items, rules, month, facts), ...deductionLines(items, rules, month, facts)];
}

/**
 * Each item due in the month holds an equal share of the on-time weight and earns it only if it was completed by
 * its original deadline. Shares are rounded cumulatively, so the earned lines sum to round(weight × rate).
 */
function onTimeLines(items: ItemOutcome[], rules: RuleSet, month: Month, facts: VillageFacts): ScoreLine[] {
  const weight = rules.items.onTimeWeight * 10;
  const due = items
    .filter((i) => inMonth(i.originalDueAt, month))
    .sort((a, b) => byTime(a.originalDueAt, b.originalDueAt));
  facts.due = due.length;
  if (due.length === 0) {
    if (weight === 0) return [];
    const detail = '本月无到期督办事项，按期办结一项按满分计';
    return [
      {
        id: 'no_items',
        kind: 'no_items',
        label: '按期办结',
        detail,
        tenths: weight,
        maxTenths: weight,
        appealable: false,
      },
    ];
  }
  const share = (k: number) => Math.round((weight * k) / due.length);
  let earned = 0;
  return due.map((item) => {
    const deadline = `期限${dayLabel(item.originalDueAt)}`;
    const max = share(earned + 1) - share(earned);
    const onTime =
      item.status === 'done' && item.closedAt !== undefined && byTime(item.closedAt, item.originalDueAt) <= 0;
    let detail: string;
    let tenths = 0;
    if (onTime) {
      tenths = max;
      earned += 1;
      facts.onTime += 1;
      detail = `《${item.title}》按期办结（${deadline}，${dayLabel(item.closedAt!)}办结）`;
    } else if (item.status === 'done' && item.closedAt) {
      facts.lateDone += 1;
      detail = `《${item.title}》逾期办结（${deadline}，${dayLabel(item.closedAt)}办结），不得分（应得 ${pts(max)} 分）`;
    } else {
      facts.notDone += 1;
      detail = `《${item.title}》到期未办结（${deadline}），不得分（应得 ${pts(max)} 分）`;
    }
    return {
      id: `item:${item.id}:on_time`,
      kind: 'on_time' as const,
      label: '按期办结',
      detail,
      tenths,
      maxTenths: max,
      ref: { kind: 'item' as const, id: item.id },
      appealable: !onTime,
    };
  });
}

interface Occurrence {
  id: string;
  at: string;
  item: ItemOutcome;
  seq?: number;
  detail: string;
}

function deductionLines(items: ItemOutcome[], rules: RuleSet, month: Month, facts: VillageFacts): ScoreLine[] {
  const { end } = monthBounds(month);
  const lines: ScoreLine[] = [];
  for (const rule of rules.items.deductions) {
    const found = occurrences(rule, items, month, end).sort((a, b) => byTime(a.at, b.at));
    if (rule.measure === 'overdue_open') {
      facts.overdueOpen = found.length;
      facts.overdueTitles = found.map((o) => o.item.title);
    }
    if (rule.measure === 'returned') facts.returns = found.length;
    if (rule.measure === 'escalated_l3') facts.escalatedL3 = found.length;
    let taken = 0;
    for (const o of found) {
      const room = Math.max(0, rule.cap * 10 - taken);
      const tenths = Math.min(rule.points * 10, room);
      taken += tenths;
      const capped = tenths < rule.points * 10 ? `（已达本项扣分上限 ${rule.cap} 分）` : '';
      lines.push({
        id: o.id,
        kind: 'deduction',
        label: rule.label,
        detail: `${o.detail}${capped}`,
        tenths: tenths === 0 ? 0 : -tenths,
        ref: { kind: 'item', id: o.item.id, ...(o.seq !== undefined ? { seq: o.seq } : {}) },
        appealable: true,
      });
    }
  }
  return lines;
}

function occurrences(rule: DeductionRule, items: ItemOutcome[], month: Month, end: string): Occurrence[] {
  switch (rule.measure) {
    case 'overdue_open':
      // Open at the end of the month although its original deadline had passed (carried over months included).
      return items
        .filter((i) => byTime(i.originalDueAt, end) < 0 && !(i.closedAt && byTime(i.closedAt, end) < 0))
        .map((i) => ({
          id: `item:${i.id}:overdue`,
          at: i.originalDueAt,
          item: i,
          detail: `《${i.title}》期限${dayLabel(i.originalDueAt)}，月末仍未办结`,
        }));
    case 'returned':
      return items.flatMap((i) =>
        i.returns
          .filter((r) => inMonth(r.at, month))
          .map((r) => ({
            id: `item:${i.id}:returned:${r.seq}`,
            at: r.at,
            item: i,
            seq: r.seq,
            detail: `《${i.title}》${dayLabel(r.at)}被退回：${r.reason}`,
          })),
      );
    case 'escalated_l3':
      // Once per item: the first escalation in the month that reached a county leader.
      return items.flatMap((i) => {
        const e = i.escalations
          .filter((x) => x.level >= 3 && inMonth(x.at, month))
          .sort((a, b) => byTime(a.at, b.at))[0];
        if (!e) return [];
        const to = LEVEL_LABELS[e.level] ?? `L${e.level}`;
        return [
          {
            id: `item:${i.id}:escalated`,
            at: e.at,
            item: i,
            seq: e.seq,
            detail: `《${i.title}》${dayLabel(e.at)}升级至${to}督办`,
          },
        ];
      });
  }
}
