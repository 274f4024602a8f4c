import { describe, expect, it } from 'vitest';
import { describeTarget, parseTarget, responsibleOf, selectTargetUnits } from '../../../domain/campaigns/index.js';
import { indexOrg } from '../../../domain/org/index.js';
import { demoSnapshot } from '../org/fixtures.js';

const org = indexOrg(demoSnapshot());

describe('parsing a target as typed', () => {
  it('reads every form, English or Chinese', () => {
    expect(parseTarget('villages')).toEqual({ ok: true, target: { kind: 'village' } });
    expect(parseTarget('村：xiaojie，yanglin')).toEqual({
      ok: true,
      target: { kind: 'village', townshipIds: ['xiaojie', 'yanglin'] },
    });
    expect(parseTarget('townships')).toEqual({ ok: true, target: { kind: 'township' } });
    expect(parseTarget('部门')).toEqual({ ok: true, target: { kind: 'department' } });
    expect(parseTarget('units:nongye,xiaojie-v1,nongye')).toEqual({
      ok: true,
      target: { kind: 'units', unitIds: ['nongye', 'xiaojie-v1'] },
    });
  });

  it('refuses what it cannot read, in Chinese', () => {
    expect(parseTarget('everyone')).toMatchObject({
      ok: false,
      message: expect.stringContaining('无法识别的督办对象'),
    });
    expect(parseTarget('units:')).toEqual({ ok: false, message: '请在 units: 后列出单位编号' });
    expect(parseTarget('townships:xiaojie')).toMatchObject({ ok: false });
  });

  it('describes the target for the card', () => {
    expect(describeTarget({ kind: 'village' })).toBe('全县行政村（社区）');
    const names: Record<string, string> = { xiaojie: '小街镇' };
    expect(describeTarget({ kind: 'village', townshipIds: ['xiaojie'] }, (id) => names[id] ?? id)).toBe(
      '小街镇的行政村（社区）',
    );
  });
});

describe('selecting the units a campaign reaches in the demo county', () => {
  it('all 21 villages, each answered for by its 村委会副主任 (the secretary stays L1)', () => {
    const s = selectTargetUnits(org, { kind: 'village' });
    expect(s.units).toHaveLength(21);
    expect(s.unstaffed).toEqual([]);
    for (const u of s.units) expect(u.assigneeId).toBe(`p-${u.unitId}-cadre`);
    expect(s.units.find((u) => u.unitId === 'xiaojie-v1')?.unitName).toBe('小街镇匡郎村');
  });

  it('the villages of named townships only, and unknown townships are reported', () => {
    const s = selectTargetUnits(org, { kind: 'village', townshipIds: ['niulanjiang', 'nowhere'] });
    expect(s.units.map((u) => u.unitId)).toEqual(['niulanjiang-v1', 'niulanjiang-v2', 'niulanjiang-v3']);
    expect(s.unknown).toEqual(['nowhere']);
  });

  it('townships go to their 乡村振兴专干; departments leave out 督查室 itself', () => {
    const towns = selectTargetUnits(org, { kind: 'township' });
    expect(towns.units).toHaveLength(7);
    for (const u of towns.units) expect(u.assigneeId).toBe(`p-${u.unitId}-staff`);
    const depts = selectTargetUnits(org, { kind: 'department' });
    expect(depts.units.map((u) => u.unitId)).not.toContain('ducha');
    expect(depts.units).toHaveLength(7);
  });

  it('a unit with no post holder gets no item and is listed as unstaffed', () => {
    const snap = demoSnapshot();
    const bare = { ...snap, posts: snap.posts.filter((p) => p.unitId !== 'xiaojie-v2') };
    const s = selectTargetUnits(indexOrg(bare), { kind: 'units', unitIds: ['xiaojie-v2', 'xiaojie-v3', 'x'] });
    expect(s.units.map((u) => u.unitId)).toEqual(['xiaojie-v3']);
    expect(s.unstaffed).toEqual([{ unitId: 'xiaojie-v2', unitName: '小街镇墩白村' }]);
    expect(s.unknown).toEqual(['x']);
  });

  it('falls back from staff to deputy to leader', () => {
    const snap = demoSnapshot();
    const noStaff = { ...snap, posts: snap.posts.filter((p) => !(p.unitId === 'xiaojie' && p.role === 'staff')) };
    expect(responsibleOf(indexOrg(noStaff), 'xiaojie')).toBe('p-xiaojie-mayor');
    const onlyLeader = {
      ...snap,
      posts: noStaff.posts.filter((p) => !(p.unitId === 'xiaojie' && p.role === 'deputy')),
    };
    expect(responsibleOf(indexOrg(onlyLeader), 'xiaojie')).toBe('p-xiaojie-secretary');
  });
});
