import { describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../../../app/demo/county.js';
import {
  type AccessScope,
  type ItemAccessFacts,
  isPersonalScope,
  mayImportItems,
  mayViewItem,
  mayViewUnit,
  type OrgRole,
  type OrgUnit,
  scopeLabel,
  scopeOf,
  subtreeIds,
} from '../../../domain/org/access.js';

const org = buildDemoOrg();
const units: OrgUnit[] = org.units.map((u) => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  parentId: u.parent_id ?? null,
}));

function scopeFor(personId: string): AccessScope {
  return scopeOf(
    {
      personId,
      posts: org.posts
        .filter((p) => p.person_id === personId)
        .map((p) => ({ unitId: p.unit_id, role: p.role as OrgRole })),
      domains: org.leaderDomains.filter((d) => d.person_id === personId).map((d) => d.domain),
    },
    units,
  );
}

const item = (over: Partial<ItemAccessFacts> = {}): ItemAccessFacts => ({
  domain: '农业农村',
  ownerUnitId: 'yanglin-v2',
  assigneeId: 'p-yanglin-v2-cadre',
  reviewerId: 'p-ducha-staff',
  issuerId: 'p-ducha-head',
  ...over,
});

describe('who sees what (domain/access)', () => {
  it('the county party secretary and the 督查室 see every item and unit, and may import', () => {
    for (const id of ['p-county-secretary', 'p-ducha-head', 'p-ducha-staff']) {
      const s = scopeFor(id);
      expect(s.all).toBe(true);
      expect(mayViewItem(s, item({ domain: '住建', ownerUnitId: 'niulanjiang-v3' }))).toBe(true);
      expect(mayViewUnit(s, 'aziying-v1')).toBe(true);
      expect(mayImportItems(s)).toBe(true);
      expect(scopeLabel(s, units)).toBe('全县');
    }
  });

  it('a 分管县领导 sees the items of their domains in every unit, and nothing else', () => {
    const s = scopeFor('p-vice-finance');
    expect(s).toMatchObject({ all: false, domains: ['金融'], unitIds: [] });
    expect(mayViewItem(s, item({ domain: '金融', ownerUnitId: 'xiaojie-v3' }))).toBe(true);
    expect(mayViewItem(s, item({ domain: '金融', ownerUnitId: 'caizheng' }))).toBe(true);
    expect(mayViewItem(s, item({ domain: '农业农村', ownerUnitId: 'xiaojie-v3' }))).toBe(false);
    // Unit pages open everywhere (filtered to the domain), but bulk import is the 督查室's.
    expect(mayViewUnit(s, 'yanglin')).toBe(true);
    expect(mayImportItems(s)).toBe(false);
    expect(scopeLabel(s, units)).toBe('分管：金融；及本人经办事项');
  });

  it('a vice county head with several domains sees all of them', () => {
    const s = scopeFor('p-vice-social');
    expect(s.domains).toEqual(['人社', '教育', '民政']);
    expect(mayViewItem(s, item({ domain: '民政' }))).toBe(true);
    expect(mayViewItem(s, item({ domain: '住建' }))).toBe(false);
  });

  it('a township 书记 and 镇长 see their township and its villages, not the neighbours', () => {
    for (const id of ['p-xiaojie-secretary', 'p-xiaojie-mayor']) {
      const s = scopeFor(id);
      expect(s.all).toBe(false);
      expect(s.domains).toEqual([]);
      expect(s.unitIds).toEqual(['xiaojie', 'xiaojie-v1', 'xiaojie-v2', 'xiaojie-v3']);
      expect(mayViewItem(s, item({ ownerUnitId: 'xiaojie-v2' }))).toBe(true);
      expect(mayViewItem(s, item({ ownerUnitId: 'xiaojie' }))).toBe(true);
      expect(mayViewItem(s, item({ ownerUnitId: 'yanglin-v2' }))).toBe(false);
      expect(mayViewUnit(s, 'xiaojie-v1')).toBe(true);
      expect(mayViewUnit(s, 'yanglin')).toBe(false);
      expect(mayViewUnit(s, 'songming')).toBe(false);
      expect(mayImportItems(s)).toBe(false);
      expect(scopeLabel(s, units)).toBe('小街镇；及本人经办事项');
    }
  });

  it('a township leader still sees an item elsewhere that they review', () => {
    const s = scopeFor('p-xiaojie-secretary');
    expect(mayViewItem(s, item({ ownerUnitId: 'yanglin-v2', reviewerId: 'p-xiaojie-secretary' }))).toBe(true);
  });

  it('a department head sees their department; a village 书记 their village', () => {
    const dept = scopeFor('p-nongye-head');
    expect(dept.unitIds).toEqual(['nongye']);
    expect(mayViewItem(dept, item({ ownerUnitId: 'nongye' }))).toBe(true);
    expect(mayViewItem(dept, item({ ownerUnitId: 'shuiwu' }))).toBe(false);
    const village = scopeFor('p-xiaojie-v1-secretary');
    expect(village.unitIds).toEqual(['xiaojie-v1']);
    expect(mayViewUnit(village, 'xiaojie')).toBe(false);
  });

  it('a village cadre sees only the items they are 责任人, 审核人 or 交办人 of', () => {
    const s = scopeFor('p-xiaojie-v1-cadre');
    expect(isPersonalScope(s)).toBe(true);
    expect(mayViewItem(s, item({ ownerUnitId: 'xiaojie-v1', assigneeId: 'p-xiaojie-v1-cadre' }))).toBe(true);
    expect(mayViewItem(s, item({ ownerUnitId: 'xiaojie-v1', assigneeId: 'p-xiaojie-v1-first' }))).toBe(false);
    expect(mayViewItem(s, item({ ownerUnitId: 'yanglin-v2', issuerId: 'p-xiaojie-v1-cadre' }))).toBe(true);
    expect(mayViewUnit(s, 'xiaojie-v1')).toBe(false);
    expect(scopeLabel(s, units)).toBe('本人经办事项');
  });

  it('someone with no post at all sees only their own items', () => {
    const s = scopeOf({ personId: 'p-new', posts: [], domains: ['金融'] }, units);
    expect(isPersonalScope(s)).toBe(true);
    expect(mayViewItem(s, item({ domain: '金融' }))).toBe(false);
  });

  it('a leader of the county unit itself covers everything', () => {
    const s = scopeOf(
      { personId: 'p-county-head', posts: [{ unitId: 'songming', role: 'leader' }], domains: [] },
      units,
    );
    expect(s.all).toBe(true);
    expect(mayImportItems(s)).toBe(true);
  });

  it('subtrees ignore unknown roots and keep tree order', () => {
    expect(subtreeIds(units, ['nowhere'])).toEqual([]);
    expect(subtreeIds(units, ['niulanjiang'])).toEqual([
      'niulanjiang',
      'niulanjiang-v1',
      'niulanjiang-v2',
      'niulanjiang-v3',
    ]);
  });
});
