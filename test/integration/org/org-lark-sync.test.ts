import type * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoName, demoOpenId } from '../../../app/demo/county.js';
import { demoLarkDirectory, seedDemoOrg } from '../../../app/demo/seed.js';
import { createLarkClient } from '../../../bot/lark/client.js';
import { recordTransition } from '../../../db/items/items.js';
import { loadOrgSnapshot } from '../../../db/org/snapshot.js';
import { type ItemEvent, initialState } from '../../../domain/items/index.js';
import { cmp, resolveChain } from '../../../domain/org/index.js';
import { type LarkSim, type LarkSimDepartment, type LarkSimUser, startLarkSim } from '../../../larksim/index.js';
import { syncOrgFromLark } from '../../../services/org/lark-sync.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { kuanglangSpec } from '../../support/item-fixtures.js';
import { TEST_APP } from '../../support/test-app.js';

/** 16 more villages under 杨林镇 (53 departments: two pages of 50), one of them with 55 grid workers. */
const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
];
const NEW_VILLAGES = NUMERALS.map((n, i) => ({ id: `yanglin-n${i + 1}`, name: `杨林镇新${n}村` }));
const GRID_WORKERS = Array.from({ length: 55 }, (_, i) => `ou_9${String(i).padStart(31, '0')}`);
const GONE = 'p-xiaojie-v2-cadre';

function directory(): { users: LarkSimUser[]; departments: LarkSimDepartment[] } {
  const demo = demoLarkDirectory();
  const departments: LarkSimDepartment[] = [...demo.departments];
  const users = demo.users.filter((u) => u.openId !== demoOpenId(GONE));
  for (const v of NEW_VILLAGES) {
    const leader = demoOpenId(`p-${v.id}-secretary`);
    departments.push({
      openDepartmentId: `od-${v.id}`,
      departmentId: v.id,
      name: v.name,
      parentOpenDepartmentId: 'od-yanglin',
      leaderOpenId: leader,
    });
    users.push({ openId: leader, name: demoName(v.id), departmentIds: [`od-${v.id}`], jobTitle: '村党总支书记' });
  }
  for (const [i, openId] of GRID_WORKERS.entries()) {
    users.push({ openId, name: demoName(openId), departmentIds: ['od-yanglin-n1'], jobTitle: `网格员${i + 1}` });
  }
  return { users, departments };
}

let db: TestDatabase;
let sim: LarkSim;
let client: lark.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
  const dir = directory();
  sim = await startLarkSim({ app: TEST_APP, users: dir.users, departments: dir.departments });
  client = createLarkClient({ appId: TEST_APP.appId, appSecret: TEST_APP.appSecret, domain: sim.url });
  // The person Lark no longer lists still owns an open item: it must survive the sync.
  const spec = kuanglangSpec({ id: 'DB-2024-0101', ownerUnitId: 'xiaojie-v2', assigneeId: GONE });
  const created: ItemEvent = { type: 'created', spec, seq: 1, actorId: spec.issuerId, at: spec.createdAt };
  await recordTransition(db.db, initialState(spec), created, spec.createdAt);
});
afterAll(async () => {
  await sim.close();
  await db.drop();
});

async function dump() {
  const tables = ['units', 'people', 'posts', 'leader_domains'] as const;
  const rows = await Promise.all(tables.map((t) => db.db.selectFrom(t).selectAll().execute()));
  return rows.map((r) => r.map((x) => JSON.stringify(x)).sort(cmp));
}

describe('org sync from the Lark contact API (larksim through the SDK)', () => {
  it('links the seeded org, adds new villages with their leaders and members, keeps who Lark dropped', async () => {
    const result = await syncOrgFromLark(db.db, client, { actor: 'p-ducha-head' });
    expect(sim.requests({ path: /\/departments\/0\/children/ })).toHaveLength(2);
    expect(
      sim.requests({ path: /find_by_department/ }).filter((r) => r.query.department_id === 'od-yanglin-n1'),
    ).toHaveLength(2);
    expect(sim.rateLimitViolations()).toEqual([]);

    expect(result.summary.units.created).toEqual(NEW_VILLAGES.map((v) => v.id).sort(cmp));
    expect(result.summary.units.updated).toHaveLength(37); // every seeded unit gets its Lark department id
    expect(result.summary.people.created).toHaveLength(16 + 55);
    expect(result.summary.people.updated).toEqual([]);
    expect(result.summary.posts).toEqual({
      added: NEW_VILLAGES.map((v) => `${v.id}/lark-${demoOpenId(`p-${v.id}-secretary`)}/leader`).sort(cmp),
      removed: [],
      retitled: [],
    });
    expect(result.report).toMatchObject({
      departments: 53,
      peopleNotInLark: [GONE],
      openItemsOfMissing: { [GONE]: 1 },
      skippedUsers: [],
      skippedLeaders: [],
    });

    const unit = await db.db.selectFrom('units').selectAll().where('id', '=', 'yanglin-n1').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      name: '杨林镇新一村',
      kind: 'village',
      parent_id: 'yanglin',
      lark_department_id: 'od-yanglin-n1',
      domain: null,
    });
    const members = await db.db.selectFrom('people').select('open_id').where('unit_id', '=', 'yanglin-n1').execute();
    expect(members.map((m) => m.open_id ?? '').sort(cmp)).toEqual(
      [...GRID_WORKERS, demoOpenId('p-yanglin-n1-secretary')].sort(cmp),
    );
    expect(await db.db.selectFrom('people').select('id').where('id', '=', GONE).executeTakeFirst()).toEqual({
      id: GONE,
    });
    expect(await db.db.selectFrom('units').select('domain').where('id', '=', 'caizheng').executeTakeFirst()).toEqual({
      domain: '金融',
    });

    const org = await loadOrgSnapshot(db.db, '2024-06-12');
    const chain = resolveChain(
      org,
      { ownerUnitId: 'yanglin-n3', domain: '水务', assigneeId: 'p-yanglin-staff' },
      '2024-06-12',
    );
    expect(chain.map((s) => (s.status === 'person' ? s.personId : s.status))).toEqual([
      'p-yanglin-staff',
      `lark-${demoOpenId('p-yanglin-n3-secretary')}`,
      'p-yanglin-secretary',
      'p-vice-agri',
      'p-county-secretary',
    ]);
    const audit = await db.db
      .selectFrom('org_imports')
      .selectAll()
      .where('id', '=', result.importId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ source: 'lark', actor: 'p-ducha-head' });
    expect(audit.summary).toMatchObject({ changes: result.changes, report: { peopleNotInLark: [GONE] } });
  });

  it('changes nothing when Lark has not changed', async () => {
    const before = await dump();
    const result = await syncOrgFromLark(db.db, client, { actor: 'p-ducha-head' });
    expect(result.changes).toBe(0);
    expect(await dump()).toEqual(before);
  });

  it('moves the leader post when the township leader changes in Lark, keeping its title', async () => {
    const town = directory().departments.find((d) => d.openDepartmentId === 'od-xiaojie')!;
    sim.upsertDepartments([{ ...town, leaderOpenId: demoOpenId('p-xiaojie-mayor') }]);
    const result = await syncOrgFromLark(db.db, client, { actor: 'p-ducha-head' });
    expect(result.summary.posts).toEqual({
      added: ['xiaojie/p-xiaojie-mayor/leader'],
      removed: ['xiaojie/p-xiaojie-secretary/leader'],
      retitled: [],
    });
    expect(result.changes).toBe(2);
    const posts = await db.db
      .selectFrom('posts')
      .select(['person_id', 'role', 'title'])
      .where('unit_id', '=', 'xiaojie')
      .orderBy('role')
      .execute();
    expect(posts).toEqual([
      { person_id: 'p-xiaojie-mayor', role: 'deputy', title: '镇长' },
      { person_id: 'p-xiaojie-mayor', role: 'leader', title: '党（工）委书记' },
      { person_id: 'p-xiaojie-staff', role: 'staff', title: '乡村振兴专干' },
    ]);
    const chain = resolveChain(
      await loadOrgSnapshot(db.db),
      { ownerUnitId: 'xiaojie-v1', domain: '金融', assigneeId: 'p-xiaojie-v1-cadre' },
      '2024-06-12',
    );
    expect(chain[2]).toEqual({
      level: 2,
      status: 'person',
      personId: 'p-xiaojie-mayor',
      role: '小街镇党（工）委书记',
      unitId: 'xiaojie',
    });
    expect(chain.flatMap((s) => (s.status === 'person' ? [s.personId] : []))).not.toContain('p-xiaojie-secretary');
  });
});
