import { describe, expect, it } from 'vitest';
import { allClosed, type CampaignItemFacts, rollUp, rollupSignature } from '../../../domain/campaigns/index.js';

const NOW = '2025-10-13T10:00:00+08:00';
const due = '2025-10-11T18:00:00+08:00';
const signBy = '2025-10-09T18:00:00+08:00';
const later = '2025-10-20T18:00:00+08:00';

function item(unitId: string, facts: Partial<CampaignItemFacts> = {}): CampaignItemFacts {
  return { unitId, unitName: `${unitId}村`, itemId: `CP-1-${unitId}`, signBy: later, dueAt: later, ...facts };
}

describe('rolling a campaign up from its items', () => {
  it('counts 签收, 办理中, 待审核, 办结, 撤销 and overdue, and lists the laggards (overdue first)', () => {
    const r = rollUp(
      [
        item('a', { status: 'assigned' }),
        item('b', { status: 'assigned', signBy }), // late to 签收
        item('c', { status: 'in_progress', signedAt: '2025-10-09T10:00:00Z' }),
        item('d', { status: 'in_progress', signedAt: '2025-10-09T10:00:00Z', dueAt: due }), // overdue
        item('e', { status: 'submitted', signedAt: '2025-10-09T10:00:00Z' }),
        item('f', { status: 'done', signedAt: '2025-10-09T10:00:00Z', dueAt: due }), // done late: not lagging now
        item('g', { status: 'cancelled', dueAt: due }),
        item('h'), // still being dispatched
      ],
      NOW,
    );
    expect(r).toMatchObject({
      total: 8,
      dispatched: 7,
      signed: 4,
      waitingSign: 3,
      inProgress: 2,
      submitted: 1,
      done: 1,
      cancelled: 1,
      overdue: 1,
    });
    expect(r.lagging).toEqual([
      { unitId: 'd', unitName: 'd村', reason: 'overdue', since: due },
      { unitId: 'b', unitName: 'b村', reason: 'sign_late', since: signBy },
    ]);
    expect(allClosed(r)).toBe(false);
  });

  it('an unsigned item past its deadline is overdue, not merely late to sign', () => {
    const r = rollUp([item('a', { status: 'assigned', signBy, dueAt: due })], NOW);
    expect(r.lagging.map((l) => l.reason)).toEqual(['overdue']);
    expect(r.overdue).toBe(1);
  });

  it('is closed when every unit is 办结 or 撤销', () => {
    expect(allClosed(rollUp([item('a', { status: 'done' }), item('b', { status: 'cancelled' })], NOW))).toBe(true);
    expect(allClosed(rollUp([], NOW))).toBe(false);
  });

  it('changes its signature exactly when the card would change', () => {
    const before = rollUp([item('a', { status: 'assigned' })], NOW);
    const same = rollUp([item('a', { status: 'assigned' })], '2025-10-13T11:00:00+08:00');
    const signed = rollUp([item('a', { status: 'in_progress', signedAt: NOW })], NOW);
    const overdueLater = rollUp([item('a', { status: 'assigned' })], '2025-10-21T09:00:00+08:00');
    expect(rollupSignature(same)).toBe(rollupSignature(before));
    expect(rollupSignature(signed)).not.toBe(rollupSignature(before));
    expect(rollupSignature(overdueLater)).not.toBe(rollupSignature(before));
  });
});
