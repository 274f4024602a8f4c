import type { Kysely } from 'kysely';
import { loadOrgSnapshot } from '../../db/org/snapshot.js';
import type { Database } from '../../db/schema.js';
import { type ChainItem, type ChainSlot, type OrgSnapshot, resolveChain } from '../../domain/org/index.js';
import { localDate } from '../../domain/shanghai-time.js';

export interface OrgActivityDeps {
  db: Kysely<Database>;
  clock: () => Date;
}

/**
 * The org for workflows. A workflow that escalates asks for the snapshot (or the resolved chain)
 * through these activities, so the answer is recorded in its history: a later org change affects
 * the next escalation, never a replay of an earlier one. Both only read, so retries are safe.
 */
export function createOrgActivities(deps: OrgActivityDeps) {
  const today = () => localDate(deps.clock().getTime());
  return {
    /** Posts valid on `date` (default: today in Asia/Shanghai), all units, people, 分管 and 代理. */
    async loadOrgSnapshot(input: { date?: string } = {}): Promise<OrgSnapshot> {
      return loadOrgSnapshot(deps.db, input.date ?? today());
    },

    /** The five chain slots for an item on `date` (default today); pass the current assignee. */
    async resolveChainFor(item: ChainItem & { date?: string }): Promise<ChainSlot[]> {
      const date = item.date ?? today();
      const org = await loadOrgSnapshot(deps.db, date);
      return resolveChain(
        org,
        { ownerUnitId: item.ownerUnitId, domain: item.domain, assigneeId: item.assigneeId },
        date,
      );
    },
  };
}

export type OrgActivities = ReturnType<typeof createOrgActivities>;
