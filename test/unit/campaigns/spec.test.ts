import { describe, expect, it } from 'vitest';
import {
  type CampaignDef,
  campaignDeadlines,
  campaignItemId,
  campaignItemSpec,
  checkCampaign,
} from '../../../domain/campaigns/index.js';
import { DEFAULT_POLICY } from '../../../domain/escalation/index.js';
import { checkSpec, initialState, plan } from '../../../domain/items/index.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';
import { calendar } from '../calendar/fixtures.js';

const def: CampaignDef = {
  id: 'CP-20250930-a1b2c3',
  title: '防返贫动态监测集中排查',
  description: '对照监测标准线（年人均纯收入 9500 元）开展一次集中排查，报送排查结果。',
  urgency: 'important',
  domain: '农业农村',
  issuerId: 'p-ducha-head',
  reviewerId: 'p-ducha-staff',
  target: { kind: 'village' },
  signWorkdays: 1,
  dueWorkdays: 3,
  evidenceRequired: false,
};
const unit = {
  unitId: 'niulanjiang-v1',
  unitName: '牛栏江镇大箐村',
  assigneeId: 'p-niulanjiang-v1-cadre',
  itemId: campaignItemId(def.id, 'niulanjiang-v1'),
};

describe('a campaign’s items', () => {
  it('have deterministic ids: campaign id + unit id', () => {
    expect(unit.itemId).toBe('CP-20250930-a1b2c3-niulanjiang-v1');
  });

  it('count their deadlines in working days across 国庆 (the 调休 Saturday counts)', () => {
    // Dispatched Tuesday 30 September 2025: 1 working day → Thursday 9 October, 3 → Saturday 11 October.
    expect(campaignDeadlines(calendar, '2025-09-30T10:00:00+08:00', def)).toEqual({
      signBy: '2025-10-09T18:00:00+08:00',
      dueAt: '2025-10-11T18:00:00+08:00',
    });
  });

  it('are ordinary, valid items marked with their campaign, carrying the policy snapshot', () => {
    const times = {
      createdAt: '2025-09-30T10:00:00+08:00',
      ...campaignDeadlines(calendar, '2025-09-30T10:00:00+08:00', def),
    };
    const spec = campaignItemSpec(def, unit, times, { policy: DEFAULT_POLICY, id: 1 });
    expect(checkSpec(spec)).toBeUndefined();
    expect(spec).toMatchObject({
      id: unit.itemId,
      kind: 'task',
      ownerUnitId: 'niulanjiang-v1',
      assigneeId: 'p-niulanjiang-v1-cadre',
      reviewerId: 'p-ducha-staff',
      campaignId: def.id,
      policyId: 1,
    });
  });

  it('send the issuer no card of their own: the roll-up card stands in for all of them', () => {
    const times = {
      createdAt: '2025-09-30T10:00:00+08:00',
      signBy: '2025-10-09T18:00:00+08:00',
      dueAt: '2025-10-11T18:00:00+08:00',
    };
    const spec = campaignItemSpec(def, unit, times);
    const created = { type: 'created' as const, spec, seq: 1, actorId: spec.issuerId, at: spec.createdAt };
    expect(plan(initialState(spec), created)).toEqual({ cards: [unit.assigneeId], notices: [] });
    // An item outside any campaign keeps the old behaviour: the issuer gets a card too.
    const single = kuanglangSpec();
    expect(plan(initialState(single), { ...created, spec: single }).cards).toEqual([
      single.assigneeId,
      single.issuerId,
    ]);
  });
});

describe('checking a campaign before dispatch', () => {
  it('accepts a sound one', () => {
    expect(checkCampaign(def)).toBeUndefined();
  });

  it('refuses bad ids, empty titles and impossible time limits with a Chinese reason', () => {
    expect(checkCampaign({ ...def, id: 'campaign 1' })?.message).toContain('编号不合法');
    expect(checkCampaign({ ...def, id: `CP-${'x'.repeat(40)}` })?.message).toContain('编号不合法');
    expect(checkCampaign({ ...def, title: '  ' })?.message).toBe('请填写督办事项标题');
    expect(checkCampaign({ ...def, dueWorkdays: 0 })?.message).toContain('办结时限');
    expect(checkCampaign({ ...def, dueWorkdays: 2.5 })?.message).toContain('办结时限');
    expect(checkCampaign({ ...def, signWorkdays: 5 })?.message).toContain('签收时限');
    expect(checkCampaign({ ...def, target: { kind: 'units', unitIds: [] } })?.message).toBe('请指定督办单位');
  });
});
