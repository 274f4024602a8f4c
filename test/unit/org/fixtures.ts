import { buildDemoOrg } from '../../../app/demo/county.js';
import { snapshotFromRows } from '../../../db/org/snapshot.js';
import type { ActingAssignment, OrgSnapshot } from '../../../domain/org/index.js';

/** The 嵩明县 demo org as a snapshot, exactly as the seed writes it. */
export function demoSnapshot(acting: ActingAssignment[] = []): OrgSnapshot {
  const org = buildDemoOrg();
  const snapshot = snapshotFromRows({
    units: org.units.map((u) => ({ ...u, parent_id: u.parent_id ?? null, domain: u.domain ?? null })),
    people: org.people.map((p) => ({ ...p, open_id: p.open_id ?? null, title: p.title ?? null })),
    posts: org.posts,
    leaderDomains: org.leaderDomains,
  });
  return { ...snapshot, acting };
}

/** A village item of 小街镇匡郎村 (xiaojie-v1), as in the seed report's rectification of its party branch. */
export const villageItem = (overrides: { domain?: string; assigneeId?: string } = {}) => ({
  ownerUnitId: 'xiaojie-v1',
  domain: '农业农村',
  assigneeId: 'p-xiaojie-v1-cadre',
  ...overrides,
});
