import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoName } from '../../../app/demo/county.js';
import { toShanghaiIso } from '../../../domain/shanghai-time.js';
import { launchChromium } from '../../support/browser.js';
import { seedLedger } from '../../support/dashboard-fixtures.js';
import { liveSpec } from '../../support/live-items.js';
import { eventually, openIdOf, type Stack, startStack } from '../../support/stack.js';

/**
 * The dashboard in Debian's Chromium: Lark login through the simulator's OAuth page, role-scoped overview,
 * drill-down to an item's timeline, 403 on a forbidden URL, charts drawn, usable on a phone.
 */
const TOWNSHIPS = ['songyang', 'yangqiao', 'xiaojie', 'yanglin', 'niulanjiang', 'dianyuan', 'aziying'];
let stack: Stack;
let browser: Browser | undefined;
let liveId = '';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  await seedLedger(stack.db.db, { count: 260, now: toShanghaiIso(Date.now()), idPrefix: 'DB-E' });
  const spec = liveSpec();
  liveId = spec.id;
  await stack.startItem(spec);
  await eventually('the card delivery to the 责任人', async () =>
    stack.db.db
      .selectFrom('deliveries')
      .select('id')
      .where('item_id', '=', spec.id)
      .where('channel', '=', 'card')
      .where('ok', '=', true)
      .executeTakeFirst(),
  );
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Opens the dashboard, is sent to Lark's (the simulator's) consent page, and picks the user. */
async function loginAs(personId: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser!.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(stack.dashboardUrl);
  expect(new URL(page.url()).pathname).toBe('/open-apis/authen/v1/authorize');
  await page.locator(`a.login-user[data-open-id="${openIdOf(personId)}"]`).click();
  await page.waitForURL(`${stack.dashboardUrl}/`);
  await expect(page.getByTestId('viewer-name').textContent()).resolves.toBe(demoName(personId));
  return page;
}

const rowsOf = (page: Page) =>
  page.locator('table.summary tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));

describe('the dashboard in a browser', () => {
  it('a township leader logs in with Lark, sees only their township, and drills down to an item’s timeline', async () => {
    const page = await loginAs('p-xiaojie-secretary');
    expect(await rowsOf(page)).toEqual(['xiaojie']);
    await page.locator('table.summary').getByRole('link', { name: '小街镇' }).click();
    await page.waitForURL(/\/units\/xiaojie$/);
    expect((await rowsOf(page)).filter((u) => u?.startsWith('xiaojie-v'))).toEqual([
      'xiaojie-v1',
      'xiaojie-v2',
      'xiaojie-v3',
    ]);
    await page.locator('table.summary').getByRole('link', { name: '小街镇匡郎村' }).click();
    await page.waitForURL(/\/units\/xiaojie-v1$/);
    await page.locator(`tr[data-item="${liveId}"] a`).first().click();
    await page.waitForURL(new RegExp(`/items/${liveId}$`));
    const timeline = page.getByTestId('timeline');
    await expect(timeline.locator('li[data-type="created"]').textContent()).resolves.toContain('交办');
    const card = await timeline.locator('li[data-type="card"]').first().textContent();
    expect(card).toContain('发送待办卡片');
    expect(card).toContain(demoName('p-xiaojie-v1-secretary'));
    await expect(page.getByTestId('item-status').textContent()).resolves.toBe('待签收');
    await page.screenshot({ path: 'test-results/dashboard-item-timeline.png', fullPage: true });

    const foreign = await stack.db.db
      .selectFrom('items')
      .select('id')
      .where('owner_unit_id', 'like', 'yanglin%')
      .executeTakeFirstOrThrow();
    const unitResponse = await page.goto(`${stack.dashboardUrl}/units/yanglin`);
    expect(unitResponse?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toContain('403');
    const itemResponse = await page.goto(`${stack.dashboardUrl}/items/${foreign.id}`);
    expect(itemResponse?.status()).toBe(403);
    await page.context().close();
  });

  it('the county party secretary sees every township, with the charts drawn from data', async () => {
    const page = await loginAs('p-county-secretary', { width: 1366, height: 900 });
    const rows = await rowsOf(page);
    for (const t of TOWNSHIPS) expect(rows).toContain(t);
    for (const chart of ['lights', 'rows', 'trend'])
      await page.locator(`#chart-${chart}[data-rendered="1"] svg`).waitFor();
    // ECharts draws the trend's bars from the numbers in the page: there are text labels for every month.
    await expect(page.locator('#chart-trend svg text').count()).resolves.toBeGreaterThan(12);
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/dashboard-overview.png', fullPage: true });
    await page.context().close();
  });

  it('works on a phone: nothing overflows the screen sideways, tables scroll inside their panel', async () => {
    const page = await loginAs('p-ducha-head', { width: 390, height: 844 });
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      screen: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await page.goto(`${stack.dashboardUrl}/overdue`);
    await page.getByTestId('item-table').waitFor();
    const after = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(after).toBe(true);
    await page.screenshot({ path: 'test-results/dashboard-phone-overdue.png' });
    await page.context().close();
  });
});
