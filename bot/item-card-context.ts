import type { Kysely } from 'kysely';
import { findPeople, findUnit, unitMembers } from '../db/repositories/org.js';
import type { Database } from '../db/schema.js';
import { type ItemState, rolesOf } from '../domain/item/index.js';
import type { Card } from './cards/elements.js';
import { itemCard } from './cards/item-card.js';

/** Everything an item card shows besides the state itself, loaded once per render batch. */
export interface ItemCardContext {
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
  const [people, unit, members] = await Promise.all([
    findPeople(db, ids),
    findUnit(db, spec.ownerUnitId),
    unitMembers(db, spec.ownerUnitId),
  ]);
  const names: Record<string, string> = {};
  const openIds: Record<string, string | null> = {};
  for (const p of [...people, ...members]) {
    names[p.id] = p.name;
    openIds[p.id] = p.open_id;
  }
  return {
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
    names: ctx.names,
    unitName: ctx.unitName,
    transferCandidates: mayTransfer ? ctx.transferCandidates : [],
    now,
  });
}
