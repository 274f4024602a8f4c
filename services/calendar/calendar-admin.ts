import { readFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { addCountyOverride, saveOfficialNotice } from '../../db/calendar/calendar.js';
import type { Database } from '../../db/schema.js';
import { buildCalendarData } from '../../domain/calendar/build.js';
import { isIsoDate, parseOfficialNotice, provisionalYears } from '../../domain/calendar/index.js';
import { calendarChangedSignal } from '../../workflows/messages.js';
import { setUpRankingSchedule } from '../ranking/schedule.js';

export type AdminResult = { ok: true; message: string } | { ok: false; errors: string[] };

/**
 * What else follows the calendar: the monthly 红黑榜 schedule lists exact dates ("the 3rd working day"), so a
 * changed calendar recomputes them (production passes its task queue; tests their own schedule id).
 */
export interface CalendarFollowers {
  rankingSchedule?: { taskQueue: string; scheduleId?: string };
}

/**
 * Loads a year's official holiday notice (国务院办公厅放假通知, with its 调休 working days), then
 * tells every open item to re-plan on the new calendar.
 */
export async function loadOfficialNotice(
  db: Kysely<Database>,
  client: Client,
  file: string,
  actor: string,
  followers: CalendarFollowers = {},
): Promise<AdminResult> {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, errors: [`无法读取 ${file}：${err instanceof Error ? err.message : String(err)}`] };
  }
  const parsed = parseOfficialNotice(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  await saveOfficialNotice(db, parsed.notice, actor);
  const told = await signalOpenItems(db, client);
  const also = await followCalendar(db, client, followers);
  return {
    ok: true,
    message: `已加载 ${parsed.notice.year} 年放假通知，${told} 个在办事项已按新日历重新计算督办时间${also}`,
  };
}

/** A county rest day, working day or emergency period (e.g. 防汛), then re-plan open items. */
export async function addOverride(
  db: Kysely<Database>,
  client: Client,
  o: { kind: 'rest' | 'work' | 'emergency'; from: string; to: string; reason: string; actor: string },
  followers: CalendarFollowers = {},
): Promise<AdminResult> {
  const errors: string[] = [];
  if (!['rest', 'work', 'emergency'].includes(o.kind))
    errors.push('类型须为 rest（休息日）、work（工作日）或 emergency（应急期）');
  if (!isIsoDate(o.from) || !isIsoDate(o.to)) errors.push('日期须为有效的 YYYY-MM-DD');
  else if (o.to < o.from) errors.push('结束日期不能早于开始日期');
  if (!o.reason.trim()) errors.push('请填写原因');
  if (errors.length) return { ok: false, errors };
  await addCountyOverride(db, { ...o, createdBy: o.actor });
  const told = await signalOpenItems(db, client);
  const also = await followCalendar(db, client, followers);
  return {
    ok: true,
    message: `已登记 ${o.from}～${o.to}（${o.kind}：${o.reason}），${told} 个在办事项已重新计算${also}`,
  };
}

/** Years whose holidays are still the statutory fallback: operators should load the notice when it is out. */
export function provisionalYearsAround(now: Date): number[] {
  const year = now.getUTCFullYear();
  return provisionalYears(buildCalendarData({ fromYear: year - 1, toYear: year + 1 }));
}

async function followCalendar(db: Kysely<Database>, client: Client, followers: CalendarFollowers): Promise<string> {
  const ranking = followers.rankingSchedule;
  if (!ranking) return '';
  const { runs } = await setUpRankingSchedule(client, db, ranking.taskQueue, {
    ...(ranking.scheduleId ? { scheduleId: ranking.scheduleId } : {}),
  });
  return runs[0] ? `；红黑榜发布日程已更新，下次 ${runs[0].date}` : '；红黑榜发布日程已更新';
}

async function signalOpenItems(db: Kysely<Database>, client: Client): Promise<number> {
  const open = await db.selectFrom('items').select('id').where('status', 'not in', ['done', 'cancelled']).execute();
  let told = 0;
  for (const { id } of open) {
    try {
      await client.workflow.getHandle(id).signal(calendarChangedSignal);
      told += 1;
    } catch {
      // An item whose workflow has already finished has nothing to re-plan.
    }
  }
  return told;
}
