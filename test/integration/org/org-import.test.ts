import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoOrg } from '../../../app/demo/county.js';
import { loadOrgSnapshot } from '../../../db/org/snapshot.js';
import { cmp, type OrgSnapshot, resolveChain } from '../../../domain/org/index.js';
import { runImportOrg } from '../../../services/org/cli-commands.js';
import { importOrgFile } from '../../../services/org/import-file.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { DEMO_ACTING, demoOrgTables, orgWorkbook } from '../../support/org-fixtures.js';
import { demoSnapshot } from '../../unit/org/fixtures.js';

const SAMPLE_CSV = new URL('../../fixtures/org/sample/', import.meta.url).pathname;

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'duban-org-'));
});
afterAll(async () => {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

async function writeXlsx(name: string, tables: ReturnType<typeof demoOrgTables>): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, await orgWorkbook(tables));
  return path;
}

/** Every org row, ids and timestamps included, to prove "nothing changed" literally. */
async function dump() {
  const tables = ['units', 'people', 'posts', 'leader_domains', 'acting_assignments'] as const;
  const rows = await Promise.all(tables.map((t) => db.db.selectFrom(t).selectAll().execute()));
  return rows.map((r) => [...r].map((x) => JSON.stringify(x)).sort(cmp));
}

const sorted = (s: OrgSnapshot) => ({
  units: [...s.units].sort((a, b) => a.id.localeCompare(b.id)),
  people: [...s.people].sort((a, b) => a.id.localeCompare(b.id)),
  posts: [...s.posts].map((p) => JSON.stringify(p)).sort(cmp),
  leaderDomains: [...s.leaderDomains].map((d) => `${d.personId}/${d.domain}`).sort(cmp),
  acting: s.acting,
});

describe('org import from Excel', () => {
  it('imports the whole county into an empty database, with an audit row', async () => {
    const path = await writeXlsx('嵩明县组织架构.xlsx', demoOrgTables());
    const result = await importOrgFile(db.db, path, { actor: 'p-ducha-head' });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    const demo = buildDemoOrg();
    expect(result.summary.units.created).toHaveLength(demo.units.length);
    expect(result.summary.people.created).toHaveLength(demo.people.length);
    expect(result.summary.posts.added).toHaveLength(demo.posts.length);

    const [, , from, to, reason] = DEMO_ACTING as [string, string, string, string, string];
    const expected = demoSnapshot([
      { personId: 'p-xiaojie-mayor', actingForPersonId: 'p-xiaojie-secretary', from, to, reason },
    ]);
    const stored = await loadOrgSnapshot(db.db);
    expect(sorted(stored)).toEqual(sorted(expected));

    const acting = await db.db.selectFrom('acting_assignments').selectAll().executeTakeFirstOrThrow();
    expect(acting).toMatchObject({ starts_on: '2024-06-10', ends_on: '2024-06-14', created_by: 'p-ducha-head' });
    const audit = await db.db
      .selectFrom('org_imports')
      .selectAll()
      .where('id', '=', result.importId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ source: 'excel', actor: 'p-ducha-head' });
    expect(audit.summary).toMatchObject({ file: '嵩明县组织架构.xlsx', changes: result.changes });
    expect(Date.now() - Date.parse(audit.at)).toBeLessThan(60_000);

    // The imported org drives the chain: 金融 goes to the finance vice-magistrate, the mayor stands in on 6-12.
    const chain = resolveChain(
      stored,
      { ownerUnitId: 'xiaojie-v1', domain: '金融', assigneeId: 'p-xiaojie-v1-cadre' },
      '2024-06-12',
    );
    expect(chain.map((s) => (s.status === 'person' ? s.personId : s.status))).toEqual([
      'p-xiaojie-v1-cadre',
      'p-xiaojie-v1-secretary',
      'p-xiaojie-mayor',
      'p-vice-finance',
      'p-county-secretary',
    ]);
  });

  it('imports the same file again without changing a single row', async () => {
    const before = await dump();
    const result = await importOrgFile(db.db, join(dir, '嵩明县组织架构.xlsx'), { actor: 'p-ducha-staff' });
    expect(result).toMatchObject({ ok: true, changes: 0 });
    expect(await dump()).toEqual(before);
    const audits = await db.db.selectFrom('org_imports').select(['actor', 'summary']).orderBy('id').execute();
    expect(audits.map((a) => [a.actor, (a.summary as { changes: number }).changes])).toEqual([
      ['p-ducha-head', expect.any(Number)],
      ['p-ducha-staff', 0],
    ]);
  });

  it('rejects a file with one bad row as a whole and names sheet, row and reason', async () => {
    const tables = demoOrgTables();
    tables.单位.push(['xiaojie-v4', '小街镇新村', '村', 'xiaojie', '']); // a good change that must not land
    tables.人员[0]![1] = '改名测试';
    tables.人员[5]![4] = 'nowhere'; // spreadsheet row 7 of 人员
    const before = await dump();
    const audits = await db.db.selectFrom('org_imports').select('id').execute();
    const result = await importOrgFile(db.db, await writeXlsx('bad.xlsx', tables), { actor: 'p-ducha-head' });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.messages).toEqual(['「人员」第7行：所属单位编号 nowhere 不存在']);
    expect(await dump()).toEqual(before);
    expect(await db.db.selectFrom('org_imports').select('id').execute()).toHaveLength(audits.length);

    const out = { stdout: capture(), stderr: capture() };
    expect(await runImportOrg(db.db, [join(dir, 'bad.xlsx'), '--actor', 'p-ducha-head'], out)).toBe(1);
    expect(out.stderr.text).toContain('导入失败，未做任何修改');
    expect(out.stderr.text).toContain('「人员」第7行：所属单位编号 nowhere 不存在');
  });

  it('applies only the difference of a changed file: a new leader, a moved leave, a dropped domain', async () => {
    const tables = demoOrgTables();
    const leader = tables.职务.findIndex((p) => p[0] === 'xiaojie-v1' && p[2] === '书记');
    tables.职务[leader] = ['xiaojie-v1', 'p-xiaojie-v1-first', '书记', '村党总支书记'];
    tables.职务 = tables.职务.filter(
      (p) => !(p[0] === 'xiaojie-v1' && p[1] === 'p-xiaojie-v1-first' && p[2] === '工作人员'),
    );
    tables.代理 = [['p-xiaojie-mayor', 'p-xiaojie-secretary', '2024-06-10', '2024-06-21', '参加省委党校培训（延长）']];
    tables.分管 = tables.分管.filter((d) => !(d[0] === 'p-vice-agri' && d[1] === '综合'));
    const result = await importOrgFile(db.db, await writeXlsx('changed.xlsx', tables), { actor: 'p-ducha-head' });
    if (!result.ok) throw new Error(result.messages.join('\n'));
    expect(result.summary).toEqual({
      units: { created: [], updated: [] },
      people: { created: [], updated: [] },
      posts: {
        added: ['xiaojie-v1/p-xiaojie-v1-first/leader'],
        removed: ['xiaojie-v1/p-xiaojie-v1-first/staff', 'xiaojie-v1/p-xiaojie-v1-secretary/leader'],
        retitled: [],
      },
      leaderDomains: { added: [], removed: ['p-vice-agri/综合'] },
      acting: { added: [], removed: [], changed: ['p-xiaojie-secretary/2024-06-10/p-xiaojie-mayor'] },
    });
    const chain = resolveChain(
      await loadOrgSnapshot(db.db),
      { ownerUnitId: 'xiaojie-v1', domain: '综合', assigneeId: 'p-xiaojie-v1-cadre' },
      '2024-06-20',
    );
    expect(chain.map((s) => (s.status === 'person' ? s.personId : s.status))).toEqual([
      'p-xiaojie-v1-cadre',
      'p-xiaojie-v1-first',
      'p-xiaojie-mayor',
      'vacant',
      'p-county-secretary',
    ]);
  });

  it('refuses what is not an org file, in Chinese', async () => {
    const txt = join(dir, 'org.txt');
    await writeFile(txt, 'hello');
    await expect(importOrgFile(db.db, txt, { actor: 'x' })).rejects.toThrow('不支持的文件类型：org.txt');
    const fake = join(dir, 'fake.xlsx');
    await writeFile(fake, 'not a zip');
    await expect(importOrgFile(db.db, fake, { actor: 'x' })).rejects.toThrow(
      '无法读取 fake.xlsx：不是有效的 .xlsx 文件',
    );
    await expect(importOrgFile(db.db, dir, { actor: 'x' })).rejects.toThrow('中没有组织架构 CSV');
  });
});

describe('org import from CSV', () => {
  it('imports the documented sample folder (BOM, CRLF, quoted commas and quotes) into a fresh database', async () => {
    const fresh = await createTestDatabase();
    try {
      const result = await importOrgFile(fresh.db, SAMPLE_CSV, { actor: 'cli:test' });
      if (!result.ok) throw new Error(result.messages.join('\n'));
      const org = await loadOrgSnapshot(fresh.db);
      expect(org.units.map((u) => u.id)).toEqual([
        'caizheng',
        'nongye',
        'songming',
        'xiaojie',
        'xiaojie-v1',
        'xiaojie-v2',
      ]);
      expect(org.posts).toContainEqual({
        unitId: 'songming',
        personId: 'p-vice-finance',
        role: 'county_leader',
        title: '副县长（分管金融, 财政）',
      });
      expect(org.acting).toEqual([
        {
          personId: 'p-xiaojie-mayor',
          actingForPersonId: 'p-xiaojie-secretary',
          from: '2024-06-10',
          to: '2024-06-14',
          reason: '参加省委党校培训，"学习贯彻"专题班',
        },
      ]);
      const mobile = await fresh.db
        .selectFrom('people')
        .select('mobile')
        .where('id', '=', 'p-xiaojie-secretary')
        .executeTakeFirstOrThrow();
      expect(mobile.mobile).toBe('13800000006');
      const audit = await fresh.db.selectFrom('org_imports').selectAll().executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ source: 'csv', actor: 'cli:test' });
      expect(await importOrgFile(fresh.db, SAMPLE_CSV, { actor: 'cli:test' })).toMatchObject({ ok: true, changes: 0 });
    } finally {
      await fresh.drop();
    }
  });

  it('rejects a CSV folder with a bad row and keeps the database as it was', async () => {
    const bad = join(dir, 'csv-bad');
    await mkdir(bad);
    for (const f of ['单位.csv', '人员.csv', '职务.csv']) await copyFile(join(SAMPLE_CSV, f), join(bad, f));
    await writeFile(
      join(bad, '代理.csv'),
      '代理人编号,被代理人编号,开始日期,结束日期,事由\np-xiaojie-mayor,p-xiaojie-secretary,2024-06-14,2024-06-10,培训\n',
    );
    const before = await dump();
    const result = await importOrgFile(db.db, bad, { actor: 'x' });
    expect(result.ok ? [] : result.messages).toEqual(['「代理」第2行：结束日期 2024-06-10 早于开始日期 2024-06-14']);
    expect(await dump()).toEqual(before);
  });
});

function capture() {
  const sink = {
    text: '',
    write: (s: string) => {
      sink.text += s;
      return true;
    },
  };
  return sink;
}
