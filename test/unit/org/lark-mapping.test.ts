import { describe, expect, it } from 'vitest';
import type { LarkDepartment, LarkDirectory } from '../../../services/org/lark-directory.js';
import { planLarkSync, type StoredOrg } from '../../../services/org/lark-mapping.js';
import { inferKind } from '../../../services/org/lark-matching.js';

const dept = (
  openId: string,
  name: string,
  parentOpenId = '0',
  leaderOpenId: string | null = null,
): LarkDepartment => ({
  openId,
  customId: openId,
  name,
  parentOpenId,
  leaderOpenId,
});
const user = (
  openId: string,
  name: string,
  departmentOpenIds: string[],
  extra: { mobile?: string; jobTitle?: string } = {},
) => ({
  openId,
  name,
  mobile: extra.mobile ?? null,
  jobTitle: extra.jobTitle ?? null,
  departmentOpenIds,
});
const EMPTY: StoredOrg = { units: [], people: [], posts: [] };

describe('inferKind', () => {
  it.each([
    ['嵩明县', '0', 'county'],
    ['嵩明县委', '0', 'county'],
    ['嵩明县人民政府', '0', 'county'],
    ['县农业农村局', 'od-c', 'department'],
    ['县委督查室', 'od-c', 'department'],
    ['小街镇', 'od-c', 'township'],
    ['嵩阳街道', 'od-c', 'township'],
    ['小街镇匡郎村', 'od-t', 'village'],
    ['北街社区', 'od-t', 'village'],
    ['嵩明县', 'od-x', 'department'], // a county name below the root is not a second county
  ])('%s under %s is a %s', (name, parent, kind) => {
    expect(inferKind(dept('od-1', name, parent))).toBe(kind);
  });
});

describe('planLarkSync', () => {
  const lark: LarkDirectory = {
    departments: [
      dept('od-c', '嵩明县', '0', 'ou_sec'),
      dept('od-b', '县乡村振兴局', '0', 'ou_head'),
      dept('od-t', '小街镇', 'od-c', 'ou_out'),
      dept('od-v', '小街镇匡郎村', 'od-t', 'ou_v'),
    ],
    users: [
      user('ou_sec', '李建国', ['od-c'], { jobTitle: '县委书记' }),
      user('ou_head', '王海燕', ['od-b'], { mobile: '13800000002' }),
      user('ou_v', '刘洋', ['od-v', 'od-t'], { jobTitle: '村党总支书记' }),
      user('ou_lost', '陈伟', ['od-elsewhere']),
    ],
  };

  it('builds a new org: kinds from names, root departments under the county, leaders as posts', () => {
    const { changes, report } = planLarkSync(lark, EMPTY);
    expect(changes.units.map((u) => [u.id, u.kind, u.parentId])).toEqual([
      ['od-c', 'county', null],
      ['od-b', 'department', 'od-c'],
      ['od-t', 'township', 'od-c'],
      ['od-v', 'village', 'od-t'],
    ]);
    expect(changes.posts?.rows).toEqual([
      { unitId: 'od-c', personId: 'lark-ou_sec', role: 'secretary', title: '县委书记' },
      { unitId: 'od-b', personId: 'lark-ou_head', role: 'leader', title: '负责人' },
      { unitId: 'od-v', personId: 'lark-ou_v', role: 'leader', title: '村党总支书记' },
    ]);
    // 小街镇's leader is outside the synced users: its stored leader post must not be touched.
    expect(changes.posts?.unitIds).toEqual(['od-c', 'od-b', 'od-v']);
    expect(report.skippedLeaders).toEqual([
      { unitId: 'od-t', leaderOpenId: 'ou_out', reason: '负责人不在通讯录同步范围内' },
    ]);
    expect(report.skippedUsers).toEqual([{ openId: 'ou_lost', name: '陈伟', reason: '不属于任何已同步的部门' }]);
    expect(changes.people.find((p) => p.openId === 'ou_v')?.unitId).toBe('od-v');
  });

  it('adopts an imported org: units by custom id or unique name keep kind and domain; people by mobile', () => {
    const stored: StoredOrg = {
      units: [
        { id: 'songming', name: '嵩明县', kind: 'county', parentId: null, domain: null, larkDepartmentId: null },
        {
          id: 'xczx',
          name: '县乡村振兴局',
          kind: 'department',
          parentId: 'songming',
          domain: '农业农村',
          larkDepartmentId: null,
        },
      ],
      people: [{ id: 'p-head', name: '王海燕', openId: null, mobile: '13800000002', unitId: 'xczx', title: '局长' }],
      posts: [{ unitId: 'xczx', personId: 'p-head', role: 'leader', title: '局长' }],
    };
    const { changes, report } = planLarkSync(lark, stored);
    expect(changes.units.find((u) => u.larkDepartmentId === 'od-b')).toEqual({
      id: 'xczx',
      name: '县乡村振兴局',
      kind: 'department',
      parentId: 'songming',
      domain: '农业农村',
      larkDepartmentId: 'od-b',
    });
    expect(changes.people.find((p) => p.openId === 'ou_head')).toEqual({
      id: 'p-head',
      name: '王海燕',
      openId: 'ou_head',
      mobile: '13800000002',
      unitId: 'xczx',
      title: '局长',
    });
    expect(changes.posts?.rows).toContainEqual({ unitId: 'xczx', personId: 'p-head', role: 'leader', title: '局长' });
    expect(report.newUnits.map((u) => u.id)).toEqual(['od-t', 'od-v']);
  });

  it('reports stored people and linked units Lark no longer lists, and never plans to delete them', () => {
    const stored: StoredOrg = {
      units: [
        { id: 'old', name: '县扶贫办', kind: 'department', parentId: null, domain: null, larkDepartmentId: 'od-old' },
      ],
      people: [{ id: 'p-old', name: '退休干部', openId: 'ou_old', mobile: null, unitId: 'old', title: null }],
      posts: [],
    };
    const { changes, report } = planLarkSync(lark, stored);
    expect(report.unitsNotInLark).toEqual(['old']);
    expect(report.peopleNotInLark).toEqual(['p-old']);
    expect(changes.people.map((p) => p.id)).not.toContain('p-old');
    expect(changes.posts?.unitIds).not.toContain('old');
  });
});
