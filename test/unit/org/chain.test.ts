import { describe, expect, it } from 'vitest';
import { type ChainSlot, resolveChain } from '../../../domain/org/index.js';
import { demoSnapshot, villageItem } from './fixtures.js';

const who = (slots: ChainSlot[]) => slots.map((s) => (s.status === 'person' ? s.personId : s.status));

describe('resolveChain over the 嵩明县 org', () => {
  it('walks a village item up 责任人 → 村书记 → 镇书记 → 分管县领导 → 县委书记', () => {
    const slots = resolveChain(demoSnapshot(), villageItem(), '2024-06-12');
    expect(slots).toEqual([
      { level: 0, status: 'person', personId: 'p-xiaojie-v1-cadre', role: '责任人', unitId: 'xiaojie-v1' },
      { level: 1, status: 'person', personId: 'p-xiaojie-v1-secretary', role: '村党总支书记', unitId: 'xiaojie-v1' },
      { level: 2, status: 'person', personId: 'p-xiaojie-secretary', role: '小街镇党（工）委书记', unitId: 'xiaojie' },
      { level: 3, status: 'person', personId: 'p-vice-agri', role: '分管县领导', unitId: 'songming' },
      { level: 4, status: 'person', personId: 'p-county-secretary', role: '县委书记', unitId: 'songming' },
    ]);
  });

  it('takes L3 from the item domain: a 金融 item goes to p-vice-finance, never p-vice-agri', () => {
    const slots = resolveChain(demoSnapshot(), villageItem({ domain: '金融' }), '2024-06-12');
    expect(slots[3]).toMatchObject({ status: 'person', personId: 'p-vice-finance' });
    expect(who(slots)).not.toContain('p-vice-agri');
  });

  it('reports L3 vacant when no county leader has the domain, rather than picking another', () => {
    const slots = resolveChain(demoSnapshot(), villageItem({ domain: '文旅' }), '2024-06-12');
    expect(slots[3]).toEqual({ level: 3, status: 'vacant', reason: 'L3 空缺：没有分管「文旅」领域的县领导' });
    expect(slots[4]).toMatchObject({ status: 'person', personId: 'p-county-secretary' });
  });

  it('reports a vacant L2 when the township leader post is gone, and goes on above it', () => {
    const org = demoSnapshot();
    org.posts = org.posts.filter((p) => !(p.unitId === 'xiaojie' && p.role === 'leader'));
    const slots = resolveChain(org, villageItem(), '2024-06-12');
    expect(slots[2]).toEqual({ level: 2, status: 'vacant', reason: 'L2 空缺：小街镇未设负责人（书记）' });
    expect(who(slots)).toEqual([
      'p-xiaojie-v1-cadre',
      'p-xiaojie-v1-secretary',
      'vacant',
      'p-vice-agri',
      'p-county-secretary',
    ]);
  });

  it('skips L1 as same_person when the assignee is the village secretary', () => {
    const slots = resolveChain(demoSnapshot(), villageItem({ assigneeId: 'p-xiaojie-v1-secretary' }), '2024-06-12');
    expect(slots[1]).toMatchObject({ level: 1, status: 'same_person' });
    expect(slots[1]).toHaveProperty('reason', expect.stringContaining('与 L0 为同一人'));
    expect(slots[2]).toMatchObject({ status: 'person', personId: 'p-xiaojie-secretary' });
  });

  it('uses the acting official inside the leave window and the regular one outside it', () => {
    const org = demoSnapshot([
      {
        personId: 'p-xiaojie-mayor',
        actingForPersonId: 'p-xiaojie-secretary',
        from: '2024-06-10',
        to: '2024-06-14',
        reason: '参加省委党校培训',
      },
    ]);
    for (const day of ['2024-06-10', '2024-06-14']) {
      expect(resolveChain(org, villageItem(), day)[2]).toEqual({
        level: 2,
        status: 'person',
        personId: 'p-xiaojie-mayor',
        standsInFor: 'p-xiaojie-secretary',
        role: '小街镇党（工）委书记',
        unitId: 'xiaojie',
      });
    }
    for (const day of ['2024-06-09', '2024-06-15']) {
      const l2 = resolveChain(org, villageItem(), day)[2];
      expect(l2).toMatchObject({ status: 'person', personId: 'p-xiaojie-secretary' });
      expect(l2).not.toHaveProperty('standsInFor');
    }
  });

  it('treats an acting official who already sits lower in the chain as the same person', () => {
    const org = demoSnapshot([
      {
        personId: 'p-xiaojie-v1-cadre',
        actingForPersonId: 'p-xiaojie-v1-secretary',
        from: '2024-06-01',
        to: '2024-06-30',
        reason: '病假',
      },
    ]);
    const slots = resolveChain(org, villageItem(), '2024-06-12');
    expect(slots[1]).toMatchObject({ status: 'same_person' });
    expect(slots[2]).toMatchObject({ status: 'person', personId: 'p-xiaojie-secretary' });
  });

  it('sends a township item to the bureau of its domain at L2', () => {
    const slots = resolveChain(
      demoSnapshot(),
      { ownerUnitId: 'xiaojie', domain: '金融', assigneeId: 'p-xiaojie-staff' },
      '2024-06-12',
    );
    expect(slots.slice(1)).toEqual([
      { level: 1, status: 'person', personId: 'p-xiaojie-secretary', role: '小街镇党（工）委书记', unitId: 'xiaojie' },
      { level: 2, status: 'person', personId: 'p-caizheng-head', role: '县财政局局长', unitId: 'caizheng' },
      { level: 3, status: 'person', personId: 'p-vice-finance', role: '分管县领导', unitId: 'songming' },
      { level: 4, status: 'person', personId: 'p-county-secretary', role: '县委书记', unitId: 'songming' },
    ]);
    const noBureau = resolveChain(
      demoSnapshot(),
      { ownerUnitId: 'xiaojie', domain: '文旅', assigneeId: 'p-xiaojie-staff' },
      '2024-06-12',
    );
    expect(noBureau[2]).toEqual({ level: 2, status: 'vacant', reason: 'L2 空缺：没有主管「文旅」领域的县直部门' });
  });

  it('leaves L2 vacant for a department item (our bureaus have no parent bureau)', () => {
    const slots = resolveChain(
      demoSnapshot(),
      { ownerUnitId: 'nongye', domain: '农业农村', assigneeId: 'p-nongye-staff' },
      '2024-06-12',
    );
    expect(who(slots)).toEqual(['p-nongye-staff', 'p-nongye-head', 'vacant', 'p-vice-agri', 'p-county-secretary']);
    expect(slots[1]).toMatchObject({ role: '县农业农村局局长' });
  });

  it('uses a parent department leader at L2 when a department has one', () => {
    const org = demoSnapshot();
    org.units.push({
      id: 'nongye-jingguan',
      name: '县农村经营管理站',
      kind: 'department',
      parentId: 'nongye',
      domain: null,
    });
    org.people.push({ id: 'p-jingguan-head', name: '周建华', openId: null, unitId: 'nongye-jingguan', title: '站长' });
    org.posts.push({ unitId: 'nongye-jingguan', personId: 'p-jingguan-head', role: 'leader', title: '站长' });
    const slots = resolveChain(
      org,
      { ownerUnitId: 'nongye-jingguan', domain: '农业农村', assigneeId: 'p-jingguan-head' },
      '2024-06-12',
    );
    expect(who(slots)).toEqual([
      'p-jingguan-head',
      'same_person',
      'p-nongye-head',
      'p-vice-agri',
      'p-county-secretary',
    ]);
  });

  it('always returns five slots in level order, even for an unknown unit', () => {
    const slots = resolveChain(
      demoSnapshot(),
      { ownerUnitId: 'nowhere', domain: '农业农村', assigneeId: 'p-x' },
      '2024-06-12',
    );
    expect(slots.map((s) => s.level)).toEqual([0, 1, 2, 3, 4]);
    expect(who(slots)).toEqual(['p-x', 'vacant', 'vacant', 'p-vice-agri', 'p-county-secretary']);
    expect(slots[1]).toHaveProperty('reason', 'L1 空缺：单位 nowhere 不在组织架构中');
  });

  it('reports L4 vacant without a 县委书记, and a county leader who is also secretary as the same person', () => {
    const org = demoSnapshot();
    org.posts = org.posts.filter((p) => p.role !== 'secretary');
    expect(resolveChain(org, villageItem(), '2024-06-12')[4]).toEqual({
      level: 4,
      status: 'vacant',
      reason: 'L4 空缺：未设县委书记',
    });
    org.posts.push({ unitId: 'songming', personId: 'p-vice-agri', role: 'secretary', title: '县委书记' });
    expect(resolveChain(org, villageItem(), '2024-06-12')[4]).toMatchObject({ status: 'same_person' });
  });
});
