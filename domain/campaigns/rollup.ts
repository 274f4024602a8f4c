import type { CampaignItemFacts, CampaignRollup, LaggingUnit } from './types.js';

const OPEN = new Set(['assigned', 'in_progress', 'submitted']);

/**
 * Counts a campaign's items as the ledger has them at `now`. A unit whose item is not in the ledger yet counts as
 * waiting for 签收 (it is being dispatched). Overdue is measured against the working deadline, as the item's own
 * light is; lateness to 签收 only shows while the unit still has not signed.
 */
export function rollUp(items: readonly CampaignItemFacts[], now: string): CampaignRollup {
  const t = Date.parse(now);
  const r: CampaignRollup = {
    total: items.length,
    dispatched: 0,
    signed: 0,
    waitingSign: 0,
    inProgress: 0,
    submitted: 0,
    done: 0,
    cancelled: 0,
    overdue: 0,
    lagging: [],
  };
  for (const item of items) {
    if (item.status) r.dispatched += 1;
    if (item.signedAt) r.signed += 1;
    switch (item.status ?? 'assigned') {
      case 'assigned':
        r.waitingSign += 1;
        break;
      case 'in_progress':
        r.inProgress += 1;
        break;
      case 'submitted':
        r.submitted += 1;
        break;
      case 'done':
        r.done += 1;
        break;
      case 'cancelled':
        r.cancelled += 1;
        break;
    }
    const lag = lagOf(item, t);
    if (lag) {
      r.lagging.push(lag);
      if (lag.reason === 'overdue') r.overdue += 1;
    }
  }
  r.lagging.sort(
    (a, b) =>
      (a.reason === b.reason ? 0 : a.reason === 'overdue' ? -1 : 1) ||
      Date.parse(a.since) - Date.parse(b.since) ||
      (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
  );
  return r;
}

function lagOf(item: CampaignItemFacts, t: number): LaggingUnit | undefined {
  if (!item.status || !OPEN.has(item.status)) return undefined;
  const base = { unitId: item.unitId, unitName: item.unitName };
  if (item.dueAt && Date.parse(item.dueAt) < t) return { ...base, reason: 'overdue', since: item.dueAt };
  if (item.status === 'assigned' && item.signBy && Date.parse(item.signBy) < t) {
    return { ...base, reason: 'sign_late', since: item.signBy };
  }
  return undefined;
}

/** Every unit's item is 办结 or 撤销. */
export function allClosed(r: CampaignRollup): boolean {
  return r.total > 0 && r.done + r.cancelled === r.total;
}

/**
 * What the roll-up card shows, as a comparable string: the card is patched only when this changes, which keeps
 * one card's patches far under Lark's 5-per-second limit however often the campaign looks at its items.
 */
export function rollupSignature(r: CampaignRollup): string {
  const { lagging, ...counts } = r;
  return JSON.stringify([counts, lagging.map((l) => `${l.unitId}:${l.reason}`)]);
}
