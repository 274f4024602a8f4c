import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { upsertPeople } from '../../../db/org/org.js';
import { resolveActor, resolvePerson } from '../../../services/shared/actor.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/** The CLI's one rule for --actor (services/shared/actor.ts), against a real org in PostgreSQL. */
let empty: TestDatabase;
let county: TestDatabase;

beforeAll(async () => {
  [empty, county] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDemoOrg(county.db);
  // A namesake of the 督查室主任 in a village, so a name alone is ambiguous.
  await upsertPeople(county.db, [
    { id: 'p-namesake', name: '冯永永', open_id: null, mobile: null, unit_id: 'xiaojie-v1', title: '村民小组长' },
  ]);
});
afterAll(async () => {
  await Promise.all([empty?.drop(), county?.drop()]);
});

describe('--actor', () => {
  it('defaults to the 督查室主任', async () => {
    expect(await resolveActor(county.db, undefined)).toMatchObject({
      ok: true,
      actor: { id: 'p-ducha-head', person: { name: '冯永永', unitName: '县委督查室', title: '督查室主任' } },
    });
  });

  it('takes a person by id, or by a name only one person has', async () => {
    expect(await resolveActor(county.db, 'p-namesake')).toMatchObject({ ok: true, actor: { id: 'p-namesake' } });
    const staff = await county.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', 'p-ducha-staff')
      .executeTakeFirstOrThrow();
    expect(await resolveActor(county.db, staff.name)).toMatchObject({ ok: true, actor: { id: 'p-ducha-staff' } });
  });

  it('refuses a name two people have, listing both with their units', async () => {
    const r = await resolveActor(county.db, '冯永永');
    expect(r).toEqual({
      ok: false,
      message:
        '操作人「冯永永」有 2 人同名，请用人员编号指定：\n  p-ducha-head  冯永永（县委督查室 督查室主任）\n  p-namesake  冯永永（小街镇匡郎村 村民小组长）',
    });
  });

  it('refuses someone the org does not hold, with the nearest names, and an empty value', async () => {
    const r = await resolvePerson(county.db, 'p-ducha', '交办人');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/^组织架构中没有交办人「p-ducha」，相近的人员：\n {2}p-ducha-head {2}冯永永/);
    expect(await resolveActor(county.db, '无此人')).toEqual({ ok: false, message: '组织架构中没有操作人「无此人」' });
    expect(await resolveActor(county.db, ' ')).toMatchObject({ ok: false });
  });

  it('before the first org import, records what it is given, and the operator’s login by default', async () => {
    expect(await resolveActor(empty.db, 'p-ducha-head')).toEqual({ ok: true, actor: { id: 'p-ducha-head' } });
    expect(await resolveActor(empty.db, undefined)).toEqual({
      ok: true,
      actor: { id: `cli:${userInfo().username}` },
    });
  });
});
