import { describe, expect, it } from 'vitest';
import { CADENCES, cadenceDeadlines, cadenceItemSpec, cadenceRoster, periodOf } from '../../../domain/cadence/index.js';
import { checkSpec } from '../../../domain/items/index.js';
import { indexOrg } from '../../../domain/org/index.js';
import { calendar, sh } from '../calendar/fixtures.js';
import { demoSnapshot } from '../org/fixtures.js';

const org = indexOrg(demoSnapshot());

describe('who reports under each cadence: 村排查、乡审核、县审定', () => {
  it('every village reports weekly to its township’s 乡村振兴专干', () => {
    const r = cadenceRoster(CADENCES['village-weekly'], org);
    expect(r.issuerId).toBe('p-ducha-head');
    expect(r.units).toHaveLength(21);
    expect(r.units.find((u) => u.unitId === 'xiaojie-v1')).toEqual({
      unitId: 'xiaojie-v1',
      unitName: '小街镇匡郎村',
      assigneeId: 'p-xiaojie-v1-cadre',
      reviewerId: 'p-xiaojie-staff',
    });
  });

  it('every township reports half-monthly to the 农业农村 department; the county monthly to 督查室', () => {
    const towns = cadenceRoster(CADENCES['township-halfmonth'], org);
    expect(towns.units).toHaveLength(7);
    expect(towns.units.every((u) => u.reviewerId === 'p-nongye-staff')).toBe(true);
    const county = cadenceRoster(CADENCES['county-monthly'], org);
    expect(county.units).toEqual([
      { unitId: 'nongye', unitName: '县农业农村局', assigneeId: 'p-nongye-staff', reviewerId: 'p-ducha-staff' },
    ]);
  });

  it('a village whose township has nobody to review is on record as unstaffed', () => {
    const snap = demoSnapshot();
    const bare = { ...snap, posts: snap.posts.filter((p) => p.unitId !== 'yanglin') };
    const r = cadenceRoster(CADENCES['village-weekly'], indexOrg(bare));
    expect(r.units).toHaveLength(18);
    expect(r.unstaffed.map((u) => [u.unitId, u.missing])).toEqual([
      ['yanglin-v1', 'reviewer'],
      ['yanglin-v2', 'reviewer'],
      ['yanglin-v3', 'reviewer'],
    ]);
  });

  it('gives valid 常态化监测 items that spare the issuer a card per unit', () => {
    const def = CADENCES['village-weekly'];
    const period = periodOf(def, '2026-02-16', calendar);
    const [unit] = cadenceRoster(def, org).units;
    const spec = cadenceItemSpec(def, period, unit!, {
      issuerId: 'p-ducha-head',
      createdAt: sh('2026-02-16 08:30'),
      ...cadenceDeadlines(calendar, period, sh('2026-02-16 08:30')),
    });
    expect(checkSpec(spec)).toBeUndefined();
    expect(spec).toMatchObject({
      id: 'CD-village-weekly-2026-W08-aziying-v1',
      kind: 'monitoring',
      title: '村每周动态排查分析：2026年第8周（2月16日—2月22日）',
      dueAt: '2026-02-24T18:00:00+08:00',
      signBy: '2026-02-24T18:00:00+08:00',
      campaignId: 'CD-village-weekly-2026-W08',
    });
  });
});
