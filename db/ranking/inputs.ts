import type { Kysely } from 'kysely';
import {
  type ItemOutcome,
  type Month,
  monthBounds,
  type Roster,
  type VillageInput,
} from '../../domain/ranking/index.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface VillageUnit {
  id: string;
  name: string;
  townshipId: string;
  townshipName: string;
}

export async function listVillages(db: Db): Promise<VillageUnit[]> {
  const rows = await db
    .selectFrom('units as v')
    .innerJoin('units as t', 't.id', 'v.parent_id')
    .select(['v.id', 'v.name', 't.id as townshipId', 't.name as townshipName'])
    .where('v.kind', '=', 'village')
    .orderBy('t.id')
    .orderBy('v.id')
    .execute();
  return rows;
}

/**
 * Everything the scoring reads for a month, straight from the ledger: each village's inspections, and its items
 * that could matter — due in the month, still open at its start, or closed during it — with their returns and
 * escalations in the month. Cancelled items come along and the domain leaves them out, so the rule is in one place.
 */
export async function loadVillageInputs(db: Db, month: Month): Promise<VillageInput[]> {
  const { start, end } = monthBounds(month);
  const villages = await listVillages(db);
  const inspections = await db
    .selectFrom('ranking_inspections as i')
    .innerJoin('people as p', 'p.id', 'i.inspector_id')
    .select(['i.id', 'i.village_id', 'i.dimension', 'i.score', 'i.problems', 'i.inspected_on', 'p.name'])
    .select((eb) =>
      eb
        .selectFrom('ranking_photos as ph')
        .whereRef('ph.inspection_id', '=', 'i.id')
        .select((e) => e.fn.countAll<string>().as('n'))
        .as('photos'),
    )
    .where('i.month', '=', month)
    .execute();
  const items = await db
    .selectFrom('items')
    .innerJoin('units', 'units.id', 'items.owner_unit_id')
    .select([
      'items.id',
      'items.title',
      'items.status',
      'items.original_due_at',
      'items.closed_at',
      'items.owner_unit_id',
    ])
    .where('units.kind', '=', 'village')
    .where('items.created_at', '<', end)
    .where((eb) =>
      eb.or([
        eb('items.closed_at', 'is', null),
        eb('items.closed_at', '>=', start),
        eb('items.original_due_at', '>=', start),
      ]),
    )
    .execute();
  const events = items.length
    ? await db
        .selectFrom('item_events')
        .select(['item_id', 'seq', 'type', 'at', 'payload'])
        .where(
          'item_id',
          'in',
          items.map((i) => i.id),
        )
        .where('type', 'in', ['returned', 'escalated'])
        .where('at', '>=', start)
        .where('at', '<', end)
        .orderBy('seq')
        .execute()
    : [];

  return villages.map((v) => ({
    villageId: v.id,
    name: v.name,
    townshipId: v.townshipId,
    townshipName: v.townshipName,
    inspections: inspections
      .filter((i) => i.village_id === v.id)
      .map((i) => ({
        id: i.id,
        dimension: i.dimension,
        score: i.score,
        inspectorName: i.name,
        inspectedOn: i.inspected_on,
        problems: i.problems,
        photoCount: Number(i.photos ?? 0),
      })),
    items: items
      .filter((i) => i.owner_unit_id === v.id)
      .map((i): ItemOutcome => {
        const mine = events.filter((e) => e.item_id === i.id);
        return {
          id: i.id,
          title: i.title,
          status: i.status,
          originalDueAt: i.original_due_at,
          ...(i.closed_at && i.status === 'done' ? { closedAt: i.closed_at } : {}),
          returns: mine
            .filter((e) => e.type === 'returned')
            .map((e) => ({ seq: e.seq, at: e.at, reason: String(e.payload.reason ?? '') })),
          escalations: mine
            .filter((e) => e.type === 'escalated')
            .map((e) => ({ seq: e.seq, at: e.at, level: Number(e.payload.level ?? 0) })),
        };
      }),
  }));
}

/**
 * Who may act in a month's run: each village's leaders appeal for it; 督查 staff (supervisor posts) decide appeals;
 * 县委书记 and the county leaders holding the rules' 分管 domain approve.
 */
export async function loadRoster(db: Db, domain: string): Promise<Roster> {
  const posts = await db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .select(['posts.person_id', 'posts.role', 'units.id as unit_id', 'units.kind'])
    .orderBy('posts.person_id')
    .execute();
  const domainLeaders = await db
    .selectFrom('leader_domains')
    .select('person_id')
    .where('domain', '=', domain)
    .execute();
  const villageLeaders: Record<string, string[]> = {};
  for (const p of posts.filter((x) => x.kind === 'village' && x.role === 'leader')) {
    villageLeaders[p.unit_id] = [...(villageLeaders[p.unit_id] ?? []), p.person_id];
  }
  const supervisors = [...new Set(posts.filter((p) => p.role === 'supervisor').map((p) => p.person_id))];
  const countyHeads = posts.filter((p) => p.kind === 'county' && p.role === 'secretary').map((p) => p.person_id);
  const domainIds = new Set(domainLeaders.map((d) => d.person_id));
  const countyLeaders = posts
    .filter((p) => p.kind === 'county' && p.role === 'county_leader' && domainIds.has(p.person_id))
    .map((p) => p.person_id);
  return { villageLeaders, supervisors, approvers: [...new Set([...countyHeads, ...countyLeaders])] };
}

/** Members of the two group chats: the leading group (county leaders and 督查室); the work chat adds units' leaders. */
export async function chatMemberIds(db: Db, purpose: 'leading_group' | 'county_work'): Promise<string[]> {
  const rows = await db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .select(['posts.person_id', 'posts.role', 'units.kind'])
    .execute();
  const leading = rows.filter(
    (r) => (r.kind === 'county' && (r.role === 'secretary' || r.role === 'county_leader')) || r.role === 'supervisor',
  );
  const units = rows.filter((r) => (r.kind === 'township' || r.kind === 'village') && r.role === 'leader');
  const picked = purpose === 'leading_group' ? leading : [...leading, ...units];
  return [...new Set(picked.map((r) => r.person_id))].sort((a, b) => (a < b ? -1 : 1));
}

export async function peopleByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').select(['id', 'name', 'open_id', 'title', 'unit_id']).where('id', 'in', ids).execute();
}
