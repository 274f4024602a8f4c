import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { lightOf, plannedPercent } from '../../../domain/lights.js';
import { localDate } from '../../../domain/shanghai-time.js';
import { startTestDashboard, type TestDashboard } from '../../support/dashboard.js';
import { seedLedger } from '../../support/dashboard-fixtures.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

/** The dashboard's clock: fixed, so the numbers computed here and there agree on "now". */
const NOW = '2026-11-20T10:00:00+08:00';
const COUNT = 320;

let db: TestDatabase;
let dashboard: TestDashboard | undefined;
let url = '';
let expected: Awaited<ReturnType<typeof independentCounts>>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
  await seedLedger(db.db, { count: COUNT, now: NOW });
  dashboard = await startTestDashboard(db.db, { now: NOW });
  url = dashboard.url;
  expected = await independentCounts();
});

afterAll(async () => {
  await dashboard?.close();
  await db?.drop();
});

type Counts = {
  total: number;
  open: number;
  done: number;
  overdue: number;
  escalated: number;
  red: number;
  yellow: number;
  green: number;
  onTime: number;
};

/** Counts straight from the items table, rolled up to the county's townships and departments by walking the tree. */
async function independentCounts() {
  const items = await db.db.selectFrom('items').selectAll().execute();
  const units = await db.db.selectFrom('units').select(['id', 'kind', 'parent_id']).execute();
  const cal = buildCalendarData({ fromYear: 2021, toYear: 2028 });
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  const top = (id: string): string => (parent.get(id) === 'songming' ? id : top(parent.get(id)!));
  const byTop = new Map<string, Counts>();
  const byUnit = new Map<string, Counts>();
  const zero = (): Counts => ({
    total: 0,
    open: 0,
    done: 0,
    overdue: 0,
    escalated: 0,
    red: 0,
    yellow: 0,
    green: 0,
    onTime: 0,
  });
  for (const i of items) {
    for (const [map, key] of [
      [byTop, top(i.owner_unit_id)],
      [byUnit, i.owner_unit_id],
    ] as const) {
      const c = map.get(key) ?? zero();
      map.set(key, c);
      c.total++;
      const open = i.status !== 'done' && i.status !== 'cancelled';
      if (i.status === 'done') {
        c.done++;
        if (Date.parse(i.closed_at!) <= Date.parse(i.original_due_at)) c.onTime++;
      }
      if (!open) continue;
      c.open++;
      if (Date.parse(i.due_at) < Date.parse(NOW)) c.overdue++;
      if (i.escalation_level > 0) c.escalated++;
      const progress =
        i.progress_percent === null
          ? {}
          : { actualPercent: i.progress_percent, plannedPercent: plannedPercent(cal, i.created_at, i.due_at, NOW) };
      c[lightOf(cal, { now: NOW, dueAt: i.due_at, ...progress }).light]++;
    }
  }
  return { items, byTop, byUnit };
}

const byText = (a: string | undefined, b: string | undefined) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

function rate(c: Counts): string {
  return c.done === 0 ? '—' : `${Math.round((c.onTime / c.done) * 1000) / 10}%`;
}

/** The summary table as the page shows it: data-unit → data-k → text. */
function tableOf(page: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const row of page.matchAll(/<tr data-unit="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    const cells: Record<string, string> = {};
    for (const cell of row[2]!.matchAll(/data-k="(\w+)">([^<]*)<\/td>/g)) cells[cell[1]!] = cell[2]!;
    out.set(row[1]!, cells);
  }
  return out;
}

function shown(c: Counts): Record<string, string> {
  return {
    total: String(c.total),
    open: String(c.open),
    done: String(c.done),
    overdue: String(c.overdue),
    red: String(c.red),
    yellow: String(c.yellow),
    green: String(c.green),
    onTimeRate: rate(c),
    escalated: String(c.escalated),
  };
}

function sum(cs: Counts[]): Counts {
  const t: Counts = { total: 0, open: 0, done: 0, overdue: 0, escalated: 0, red: 0, yellow: 0, green: 0, onTime: 0 };
  for (const c of cs) for (const k of Object.keys(t) as (keyof Counts)[]) t[k] += c[k];
  return t;
}

describe('dashboard numbers against the ledger (a seeded county, 320 items)', () => {
  it('the seeded county really has mixed states across townships and departments', () => {
    const statuses = new Set(expected.items.map((i) => i.status));
    expect([...statuses].sort(byText)).toEqual(['assigned', 'cancelled', 'done', 'in_progress', 'submitted']);
    const all = sum([...expected.byTop.values()]);
    expect(all.total).toBe(COUNT);
    expect(all.overdue).toBeGreaterThan(10);
    expect(all.escalated).toBeGreaterThan(5);
    expect(all.red * all.yellow * all.green).toBeGreaterThan(0);
    expect(expected.byTop.size).toBeGreaterThanOrEqual(12);
  });

  it('the county secretary sees every township and department, each row equal to the independent count', async () => {
    const cookie = await loginCookie(url, 'p-county-secretary');
    const res = await getAs(url, cookie, '/');
    expect(res.status).toBe(200);
    const table = tableOf(await res.text());
    for (const t of ['songyang', 'yangqiao', 'xiaojie', 'yanglin', 'niulanjiang', 'dianyuan', 'aziying'])
      expect(table.has(t), t).toBe(true);
    for (const [unit, counts] of expected.byTop) expect(table.get(unit), unit).toEqual(shown(counts));
    expect(table.get('total')).toEqual(shown(sum([...expected.byTop.values()])));
  });

  it('the headline tiles and the monthly trend equal the ledger', async () => {
    const cookie = await loginCookie(url, 'p-ducha-head');
    const page = await (await getAs(url, cookie, '/')).text();
    const all = sum([...expected.byTop.values()]);
    const kpi = (k: string) => new RegExp(`data-kpi="${k}"><div class="kpi-value">([^<]*)<`).exec(page)?.[1];
    expect([kpi('total'), kpi('open'), kpi('overdue'), kpi('red'), kpi('onTimeRate')]).toEqual([
      String(all.total),
      String(all.open),
      String(all.overdue),
      String(all.red),
      rate(all),
    ]);
    const option = JSON.parse(/id="chart-option-trend">(.*?)<\/script>/.exec(page)![1]!) as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    const months = option.xAxis.data;
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe('2026-11');
    const created = months.map((m) => expected.items.filter((i) => localDate(i.created_at).startsWith(m)).length);
    const done = months.map(
      (m) => expected.items.filter((i) => i.status === 'done' && localDate(i.closed_at!).startsWith(m)).length,
    );
    expect(option.series.find((s) => s.name === '新交办')!.data).toEqual(created);
    expect(option.series.find((s) => s.name === '办结')!.data).toEqual(done);
  });

  it('a township leader sees only their township, and each village equals the ledger', async () => {
    const cookie = await loginCookie(url, 'p-xiaojie-secretary');
    const overview = tableOf(await (await getAs(url, cookie, '/')).text());
    expect([...overview.keys()].sort(byText)).toEqual(['total', 'xiaojie']);
    expect(overview.get('xiaojie')).toEqual(shown(expected.byTop.get('xiaojie')!));
    const township = tableOf(await (await getAs(url, cookie, '/units/xiaojie')).text());
    for (const v of ['xiaojie-v1', 'xiaojie-v2', 'xiaojie-v3'])
      expect(township.get(v), v).toEqual(shown(expected.byUnit.get(v) ?? sum([])));
  });

  it('a 分管县领导 sees every township but only the items of their domain', async () => {
    const cookie = await loginCookie(url, 'p-vice-finance');
    const table = tableOf(await (await getAs(url, cookie, '/')).text());
    const finance = expected.items.filter((i) => i.domain === '金融');
    expect(table.get('total')?.total).toBe(String(finance.length));
    expect(table.has('aziying')).toBe(true);
    expect(table.has('renshe')).toBe(true);
  });

  it('lists filter by township and level, sort by level, and refuse a bad filter with 400', async () => {
    const cookie = await loginCookie(url, 'p-county-secretary');
    const overdue = await (await getAs(url, cookie, '/overdue?township=xiaojie')).text();
    const openOf = (i: (typeof expected.items)[number]) => i.status !== 'done' && i.status !== 'cancelled';
    const xiaojie = expected.items.filter(
      (i) => i.owner_unit_id === 'xiaojie' || i.owner_unit_id.startsWith('xiaojie-'),
    );
    const wantOverdue = xiaojie.filter((i) => openOf(i) && Date.parse(i.due_at) < Date.parse(NOW));
    expect([...overdue.matchAll(/<tr data-item="([^"]+)"/g)].map((m) => m[1]).sort(byText)).toEqual(
      wantOverdue.map((i) => i.id).sort(byText),
    );
    const escalated = await (await getAs(url, cookie, '/escalated?level=3')).text();
    const ids = [...escalated.matchAll(/<tr data-item="([^"]+)"/g)].map((m) => m[1]!);
    const wantL3 = expected.items.filter((i) => openOf(i) && i.escalation_level >= 3);
    expect(ids.sort(byText)).toEqual(wantL3.map((i) => i.id).sort(byText));
    const bad = await getAs(url, cookie, '/overdue?level=9');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('督办层级应为 1–4');
  });

  it('direct URLs outside the viewer’s scope answer 403 and show nothing of the item', async () => {
    const cookie = await loginCookie(url, 'p-xiaojie-secretary');
    const foreign = expected.items.find((i) => i.owner_unit_id.startsWith('yanglin-'))!;
    const own = expected.items.find((i) => i.owner_unit_id.startsWith('xiaojie-'))!;
    const item = await getAs(url, cookie, `/items/${foreign.id}`);
    expect(item.status).toBe(403);
    expect(await item.text()).not.toContain(foreign.title);
    expect((await getAs(url, cookie, '/units/yanglin')).status).toBe(403);
    const mine = await getAs(url, cookie, `/items/${own.id}`);
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('data-testid="timeline"');
    const anonymous = await getAs(url, '', `/items/${own.id}`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe(`/login?next=%2Fitems%2F${own.id}`);
  });

  it('the export holds exactly the viewer’s items', async () => {
    const cookie = await loginCookie(url, 'p-xiaojie-secretary');
    const res = await getAs(url, cookie, '/export.xlsx?view=all');
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const ids: string[] = [];
    const towns = new Set<string>();
    for (let r = 4; r <= ws.rowCount; r++) {
      ids.push(String(ws.getRow(r).getCell(2).value));
      towns.add(String(ws.getRow(r).getCell(9).value));
    }
    const want = expected.items.filter((i) => i.owner_unit_id === 'xiaojie' || i.owner_unit_id.startsWith('xiaojie-'));
    expect(ids.sort(byText)).toEqual(want.map((i) => i.id).sort(byText));
    expect([...towns]).toEqual(['小街镇']);
  });

  it('says the 红黑榜 is not live before anything has been published', async () => {
    const cookie = await loginCookie(url, 'p-county-secretary');
    expect(await (await getAs(url, cookie, '/rankings')).text()).toContain('红黑榜功能尚未上线');
  });
});

describe('the 红黑榜 page once a month is published', () => {
  it('shows the latest month’s red and black lists, each village’s breakdown, and links to past months', async () => {
    const village = (id: string, name: string, tenths: number) => ({
      villageId: id,
      name,
      townshipId: id.split('-')[0],
      townshipName: '小街镇',
      tenths,
      ranked: true,
      lines: [
        {
          id: 'l1',
          kind: 'inspection',
          label: '厕所',
          detail: '6月人居环境检查 厕所 90 分',
          tenths: tenths - 50,
          appealable: true,
        },
        {
          id: 'l2',
          kind: 'on_time',
          label: '按期办结',
          detail: '《匡郎村公厕建设》按期办结',
          tenths: 50,
          appealable: true,
        },
      ],
      facts: {},
    });
    const scores = [village('xiaojie-v1', '小街镇匡郎村', 955), village('xiaojie-v2', '小街镇墩白村', 612)];
    const body = (month: string) => ({
      month,
      rule: { name: 'default', version: 1 },
      scores,
      selection: {
        standings: [],
        unranked: [],
        red: [{ ...scores[0], rank: 1 }],
        black: [{ ...scores[1], rank: 2, reason: 'new', streak: 0 }],
        exited: [],
        statuses: {},
      },
      texts: { 'xiaojie-v1': '匡郎村本月人居环境整治成效突出。', 'xiaojie-v2': '墩白村逾期事项较多，列入黑榜。' },
      overrides: {},
    });
    await db.db
      .insertInto('ranking_rule_sets')
      .values({ name: 'default', version: 1, body: '{}', created_by: 'p-ducha-head' })
      .execute();
    for (const month of ['2026-09', '2026-10']) {
      const snap = await db.db
        .insertInto('ranking_snapshots')
        .values({
          month,
          kind: 'draft',
          rule_name: 'default',
          rule_version: 1,
          workflow_id: `ranking-${month}`,
          body: JSON.stringify(body(month)),
          computed_by: 'system',
          computed_at: `${month}-28T09:00:00+08:00`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.db
        .insertInto('ranking_publications')
        .values({
          month,
          snapshot_id: snap.id,
          rule_name: 'default',
          rule_version: 1,
          workflow_id: `ranking-${month}`,
          chat_id: 'oc_county',
          approved_by: 'p-county-secretary',
          approved_at: `${month}-28T10:00:00+08:00`,
          published_at: `${month}-28T10:05:00+08:00`,
          statuses: '{}',
        })
        .execute();
    }
    const cookie = await loginCookie(url, 'p-xiaojie-v1-cadre');
    const page = await (await getAs(url, cookie, '/rankings')).text();
    expect(page).not.toContain('红黑榜功能尚未上线');
    expect(page).toContain('红黑榜 · 2026-10');
    expect(page).toContain('href="/rankings?month=2026-09"');
    expect(
      /data-testid="red-list">[\s\S]*?小街镇匡郎村　95\.5 分[\s\S]*?匡郎村本月人居环境整治成效突出/.test(page),
    ).toBe(true);
    expect(/data-testid="black-list">[\s\S]*?小街镇墩白村　61\.2 分（本月新进黑榜）/.test(page)).toBe(true);
    expect(page).toContain('《匡郎村公厕建设》按期办结');
    const past = await getAs(url, cookie, '/rankings?month=2026-09');
    expect(await past.text()).toContain('红黑榜 · 2026-09');
    expect((await getAs(url, cookie, '/rankings?month=2025-01')).status).toBe(404);
  });
});
