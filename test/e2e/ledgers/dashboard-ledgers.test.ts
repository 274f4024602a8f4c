import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoanSheets, demoProjectRows } from '../../../app/demo/ledgers.js';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { SEED_PROJECTS } from '../../../app/demo/seed-projects.js';
import { PROJECT_SHEET } from '../../../domain/projects/index.js';
import { importLoans } from '../../../services/loans/import-loans.js';
import { importProjects } from '../../../services/projects/import-projects.js';
import { launchChromium } from '../../support/browser.js';
import { startTestDashboard, type TestDashboard } from '../../support/dashboard.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { workbook } from '../../support/ledger-workbooks.js';
import { openIdOf } from '../../support/stack.js';

/** The dashboard's clock, fixed so the demo ledgers (dated around "now") land where the test expects them. */
const NOW = '2026-11-20T10:00:00+08:00';

let db: TestDatabase;
let dashboard: TestDashboard | undefined;
let url = '';
let browser: Browser | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
  const meta = { by: 'test', at: NOW };
  const loans = await importLoans(db.db, await workbook(demoLoanSheets(new Date(NOW))), meta);
  expect(loans.ok).toBe(true);
  const rows = demoProjectRows(new Date(NOW));
  const projects = await importProjects(db.db, await workbook({ [PROJECT_SHEET]: rows }), meta);
  expect(projects.ok).toBe(true);
  dashboard = await startTestDashboard(db.db, { now: NOW });
  url = dashboard.url;
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await db?.drop();
});

/** The text of the element carrying `attr` (a table row, a fact line), tags dropped and whitespace squeezed. */
function textOf(page: string, attr: string): string | undefined {
  const at = page.indexOf(attr);
  if (at < 0) return undefined;
  const open = page.lastIndexOf('<', at);
  const tag = /^<(\w+)/.exec(page.slice(open))?.[1];
  const end = page.indexOf(`</${tag}>`, at);
  return page
    .slice(open, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('专项台账 on the dashboard', () => {
  it('shows the county the seed’s 衔接资金 figures and the month’s 小额信贷 collection per township', async () => {
    const cookie = await loginCookie(url, 'p-county-secretary');
    const res = await getAs(url, cookie, '/ledgers');
    expect(res.status).toBe(200);
    const page = await res.text();
    // The seed: 15 projects, 13 started (86.67%), paid 1182.62 万元 of 2163 万元, 54.67%.
    expect(textOf(page, 'data-k="funds"')).toBe('衔接资金 2163.04 万元，安排项目 15 个，开工 13 个，开工率 86.67%');
    expect(textOf(page, 'data-k="paid"')).toBe('已拨付 1182.62 万元，支付进度 54.67%');
    expect(page.match(/data-project="/g)).toHaveLength(15);
    // The two projects never started are red, whatever else: their planned start (March) is long past.
    const notStarted = SEED_PROJECTS.filter((p) => !p.started).map((p) => p.id);
    expect(notStarted).toHaveLength(2);
    for (const id of notStarted) expect(textOf(page, `data-project="${id}"`)).toMatch(/未开工.*红灯/);
    const lights = /绿灯 (\d+) 个，黄灯 (\d+) 个，红灯 (\d+) 个/.exec(textOf(page, 'data-k="lights"') ?? '');
    expect(
      lights
        ?.slice(1)
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(15);
    // 大哨村's 2 万元 loan fell due on 12 November with 0.5 万元 repaid: 杨林镇 has one overdue loan, 1.50 万元 owed.
    const yanglin = textOf(page, 'data-township="yanglin"');
    expect(yanglin).toMatch(/^杨林镇 \d+ [\d.]+ [\d.]+ 1 1\.50 /);
    // 牛栏江镇's loans fall due in October (settled) and December: nothing in November.
    expect(textOf(page, 'data-township="niulanjiang"')).toBe('牛栏江镇 0 0.00 0.00 0 0.00 —');
    expect(page.match(/data-township="/g)).toHaveLength(7 + 1); // every township and the total
    expect(textOf(page, 'data-testid="loan-target"')).toContain('年度任务 500.00 万元');
  });

  it('shows a township’s leader only that township’s rows, and no county total', async () => {
    const cookie = await loginCookie(url, 'p-xiaojie-secretary');
    const page = await (await getAs(url, cookie, '/ledgers')).text();
    expect(page.match(/data-township="([a-z]+)"/g)).toEqual(['data-township="xiaojie"']);
    expect(page).not.toContain('data-testid="loan-target"');
    const shown = [...page.matchAll(/data-project="([^"]+)"/g)].map((m) => m[1]);
    const ofXiaojie = demoProjectRows(new Date(NOW))
      .slice(1)
      .filter((r) => r[2] === '小街镇' || r[3] === '小街镇')
      .map((r) => r[0]);
    expect(shown).toEqual(ofXiaojie);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('shows a village cadre no ledger rows, and refuses a malformed month', async () => {
    const cookie = await loginCookie(url, 'p-xiaojie-v1-cadre');
    const page = await (await getAs(url, cookie, '/ledgers')).text();
    expect(page).not.toContain('data-township=');
    expect(page).toContain('暂无可见的项目');
    const bad = await getAs(url, cookie, '/ledgers?month=2026-13');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('月份格式应为 YYYY-MM');
  });

  it('is one click from the overview in a browser, with the lights legible (screenshot in test-results/)', async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(`a.login-user[data-open-id="${openIdOf('p-county-secretary')}"]`).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('link', { name: '专项台账' }).click();
    await page.waitForURL(`${url}/ledgers`);
    await expect(page.locator('[data-testid="loan-figures"] tr[data-township]').count()).resolves.toBe(8);
    await expect(
      page.locator('[data-testid="project-figures"] tr[data-project] .light-red').count(),
    ).resolves.toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: 'test-results/dashboard-ledgers.png', fullPage: true });
  });
});
