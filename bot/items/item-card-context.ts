import type { Kysely } from 'kysely';
import { createCalendarCache } from '../../db/calendar/calendar-cache.js';
import { findPeople, findUnit, unitMembers } from '../../db/org/org.js';
import type { Database } from '../../db/schema.js';
import type { CalendarData } from '../../domain/calendar/index.js';
import { type ItemState, rolesOf } from '../../domain/items/index.js';
import { type LightResult, lightOf, plannedPercent } from '../../domain/lights.js';
import type { Card } from '../cards/elements.js';
import { itemCard } from './item-card.js';

/** Everything an item card shows besides the state itself, loaded once per render batch. */
export interface ItemCardContext {
  /** For the card's light (红黄绿灯); absent, the card shows no light. */
  calendar?: CalendarData;
  names: Record<string, string>;
  openIds: Record<string, string | null>;
  unitName: string;
  transferCandidates: { id: string; name: string }[];
}

export async function loadItemCardContext(
  db: Kysely<Database>,
  state: ItemState,
  extraPeople: string[] = [],
): Promise<ItemCardContext> {
  const { spec } = state;
  const ids = [...new Set([spec.issuerId, spec.reviewerId, spec.assigneeId, state.assigneeId, ...extraPeople])];
  const [people, unit, members, calendar] = await Promise.all([
    findPeople(db, ids),
    findUnit(db, spec.ownerUnitId),
    unitMembers(db, spec.ownerUnitId),
    calendarOf(db)(),
  ]);
  const names: Record<string, string> = {};
  const openIds: Record<string, string | null> = {};
  for (const p of [...people, ...members]) {
    names[p.id] = p.name;
    openIds[p.id] = p.open_id;
  }
  return {
    calendar,
    names,
    openIds,
    unitName: unit?.name ?? spec.ownerUnitId,
    transferCandidates: members.filter((m) => m.id !== state.assigneeId).map((m) => ({ id: m.id, name: m.name })),
  };
}

export function renderItemCard(state: ItemState, viewerId: string, ctx: ItemCardContext, now: string): Card {
  const mayTransfer = rolesOf(state, viewerId).includes('assignee');
  return itemCard({
    state,
    viewerId,
    ...(ctx.calendar ? { light: itemLight(ctx.calendar, state, now) } : {}),
    names: ctx.names,
    unitName: ctx.unitName,
    transferCandidates: mayTransfer ? ctx.transferCandidates : [],
    now,
  });
}

const caches = new WeakMap<Kysely<Database>, () => Promise<CalendarData>>();

function calendarOf(db: Kysely<Database>): () => Promise<CalendarData> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createCalendarCache(db, () => new Date());
    caches.set(db, cache);
  }
  return cache;
}

/** 红黄绿灯 of an open item: the deadline, and 序时进度 once progress has been reported. */
export function itemLight(cal: CalendarData, state: ItemState, now: string): LightResult | undefined {
  if (state.status === 'done' || state.status === 'cancelled') return undefined;
  const actual = state.progress?.percent;
  return lightOf(cal, {
    now,
    dueAt: state.dueAt,
    ...(actual === undefined
      ? {}
      : { actualPercent: actual, plannedPercent: plannedPercent(cal, state.spec.createdAt, state.dueAt, now) }),
  });
}
