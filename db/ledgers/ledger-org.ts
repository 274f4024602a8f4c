import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface PostRow {
  person_id: string;
  role: string;
  title: string;
  unit_id: string;
  kind: string;
  domain: string | null;
}

/** Posts held on `date` (open-ended posts always), with their unit's kind and 分管 domain; by person id. */
export async function postsOn(db: Db, date: string): Promise<PostRow[]> {
  return db
    .selectFrom('posts')
    .innerJoin('units', 'units.id', 'posts.unit_id')
    .select(['posts.person_id', 'posts.role', 'posts.title', 'posts.unit_id', 'units.kind', 'units.domain'])
    .where((eb) => eb.or([eb('posts.starts_on', 'is', null), eb('posts.starts_on', '<=', date)]))
    .where((eb) => eb.or([eb('posts.ends_on', 'is', null), eb('posts.ends_on', '>=', date)]))
    .orderBy('posts.person_id')
    .execute();
}

/**
 * Who does a unit's ledger work: its staff (for a village, not the 驻村第一书记, who is sent by the county and does
 * not keep the village's accounts), else its leader. Deterministic: the first by person id.
 */
export function workerOf(posts: PostRow[], unitId: string): string | undefined {
  const mine = posts.filter((p) => p.unit_id === unitId);
  const staff = mine.find((p) => p.role === 'staff' && !p.title.includes('第一书记'));
  return (staff ?? mine.find((p) => p.role === 'leader') ?? mine.find((p) => p.role === 'staff'))?.person_id;
}

/** The 金融 department's officer (县财政局 in the demo county), who issues overdue-loan items; else 督查室. */
export function financeOfficer(posts: PostRow[]): string | undefined {
  const finance = posts.filter((p) => p.kind === 'department' && p.domain === '金融');
  const staff = finance.find((p) => p.role === 'staff') ?? finance.find((p) => p.role === 'leader');
  return staff?.person_id ?? supervisorsOf(posts)[0];
}

/** 督查 staff (supervisor posts), in a stable order: the first issues, the last reviews. */
export function supervisorsOf(posts: PostRow[]): string[] {
  return [...new Set(posts.filter((p) => p.role === 'supervisor').map((p) => p.person_id))];
}

export async function unitsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('units').select(['id', 'name', 'kind', 'domain', 'parent_id']).where('id', 'in', ids).execute();
}
