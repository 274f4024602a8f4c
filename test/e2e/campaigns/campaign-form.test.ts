import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/browser.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { cardsOf, cardText, eventually, openIdOf, type Stack, startStack } from '../../support/stack.js';

/**
 * 督查室 dispatches a campaign from the dashboard's form (一令多发), in Chromium, against the real worker, the
 * simulator and the official SDK: each village gets exactly one card, and a second click of the same form starts
 * nothing.
 */
const ISSUER = 'p-ducha-head';
const XIAOJIE_VILLAGES = ['xiaojie-v1', 'xiaojie-v2', 'xiaojie-v3'];

let stack: Stack;
let browser: Browser | undefined;
beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function loginAs(personId: string): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(stack.dashboardUrl);
  await page.locator(`a.login-user[data-open-id="${openIdOf(personId)}"]`).click();
  await page.waitForURL(`${stack.dashboardUrl}/`);
  return page;
}

const campaignCards = (personId: string, campaignId: string) =>
  cardsOf(stack.sim, personId).filter((m) => cardText(m).includes(campaignId));

describe('发起督办活动 on the dashboard', () => {
  it('dispatches to the chosen township’s villages once, however often the form is sent', async () => {
    const page = await loginAs(ISSUER);
    await page.goto(`${stack.dashboardUrl}/ledgers`);
    await page.getByRole('link', { name: '发起督办活动' }).click();
    await page.waitForURL(`${stack.dashboardUrl}/campaigns/new`);
    await page.locator('input[name="title"]').fill('监测对象收入台账集中核查');
    await page
      .locator('textarea[name="description"]')
      .fill('核对监测对象 2024 年上半年收入，与帮扶台账不一致的说明原因。');
    await page.locator('input[name="target"][value="township_villages"]').check();
    await page.locator('input[name="township"][value="xiaojie"]').check();
    await page.locator('input[name="due_workdays"]').fill('3');
    await page.locator('select[name="urgency"]').selectOption('important');
    await page.getByRole('button', { name: '交办' }).click();
    const ok = await page.locator('[data-result="ok"]').textContent();
    await page.screenshot({ path: 'test-results/campaign-form.png', fullPage: true });
    expect(ok).toContain('已交办 3 个单位');
    const campaignId = /（(CP-[a-f0-9]+)）/.exec(ok ?? '')?.[1];
    expect(campaignId).toMatch(/^CP-[a-f0-9]{12}$/);

    await eventually('a card for each 小街镇 village', () =>
      XIAOJIE_VILLAGES.every((v) => campaignCards(`p-${v}-cadre`, campaignId!).length === 1),
    );
    const row = await stack.db.db.selectFrom('campaigns').selectAll().where('id', '=', campaignId!).executeTakeFirst();
    expect(row).toMatchObject({ title: '监测对象收入台账集中核查', issuer_id: ISSUER, unit_count: 3 });
    expect(row?.definition).toMatchObject({
      urgency: 'important',
      dueWorkdays: 3,
      target: { townshipIds: ['xiaojie'] },
    });

    // The same form sent again (a double click, a retry): refused by its own id, nothing dispatched twice.
    await page.getByRole('button', { name: '交办' }).click();
    await expect(page.locator('[data-result="error"]').textContent()).resolves.toContain('督办活动已存在');
    expect(await stack.db.db.selectFrom('campaigns').select('id').execute()).toHaveLength(1);
    for (const v of XIAOJIE_VILLAGES) expect(campaignCards(`p-${v}-cadre`, campaignId!)).toHaveLength(1);
  });

  it('refuses a form without its header, a bad field, and anyone outside 督查', async () => {
    const cookie = await loginCookie(stack.dashboardUrl, ISSUER);
    const post = (body: string, headers: Record<string, string> = { 'x-duban-form': '1' }) =>
      fetch(`${stack.dashboardUrl}/campaigns`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const base = 'nonce=0123456789ab&title=%E6%A0%B8%E6%9F%A5&due_workdays=3&sign_workdays=1&urgency=normal';
    expect((await post(`${base}&target=villages`, {})).status).toBe(400);
    const noTownship = await post(`${base}&target=township_villages`);
    expect(noTownship.status).toBe(422);
    expect(await noTownship.json()).toEqual({ ok: false, message: '请至少选择一个乡镇（街道）' });
    const badDays = await post(base.replace('due_workdays=3', 'due_workdays=abc') + '&target=villages');
    expect(await badDays.json()).toEqual({ ok: false, message: '办结时限须为整数个工作日' });

    const leader = await loginCookie(stack.dashboardUrl, 'p-xiaojie-secretary');
    expect((await getAs(stack.dashboardUrl, leader, '/campaigns/new')).status).toBe(403);
    // The 县委书记 sees everything but is not 督查室: the dispatch itself says so.
    const secretary = await loginCookie(stack.dashboardUrl, 'p-county-secretary');
    const bySecretary = await fetch(`${stack.dashboardUrl}/campaigns`, {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'application/x-www-form-urlencoded', 'x-duban-form': '1' },
      body: `${base}&target=townships`,
    });
    expect(await bySecretary.json()).toMatchObject({
      ok: false,
      message: expect.stringContaining('交办人须为督查室人员'),
    });
    expect(await stack.db.db.selectFrom('campaigns').select('id').execute()).toHaveLength(1);
  });

  it('pauses and resumes a village’s weekly screening from 专项台账, with the reason on record', async () => {
    const page = await loginAs(ISSUER);
    await page.goto(`${stack.dashboardUrl}/ledgers`);
    const form = page.locator('#cadence-form');
    await form.locator('select[name="cadence"]').selectOption('village-weekly');
    await form.locator('select[name="unit"]').selectOption('niulanjiang-v1');
    // No reason: refused in the page, nothing recorded.
    await form.getByRole('button', { name: '暂停' }).click();
    await expect(form.locator('[data-result="error"]').textContent()).resolves.toMatch(/理由/);
    expect(await stack.db.db.selectFrom('cadence_pauses').selectAll().execute()).toEqual([]);

    await form.locator('input[name="reason"]').fill('森林防火应急处置');
    await form.getByRole('button', { name: '暂停' }).click();
    await expect(form.locator('[data-result="ok"]').textContent()).resolves.toContain('已暂停牛栏江镇大箐村');
    // The page reloads and lists the pause under the cadence.
    await page.waitForSelector('tr[data-cadence="village-weekly"]');
    await expect(page.locator('tr[data-cadence="village-weekly"]').textContent()).resolves.toContain(
      '牛栏江镇大箐村（森林防火应急处置',
    );
    const pauses = await stack.db.db.selectFrom('cadence_pauses').selectAll().execute();
    expect(pauses).toMatchObject([
      { cadence_id: 'village-weekly', unit_id: 'niulanjiang-v1', reason: '森林防火应急处置', paused_by: ISSUER },
    ]);

    const again = page.locator('#cadence-form');
    await again.locator('select[name="cadence"]').selectOption('village-weekly');
    await again.locator('select[name="unit"]').selectOption('niulanjiang-v1');
    await again.locator('input[name="reason"]').fill('应急处置结束');
    await again.getByRole('button', { name: '恢复' }).click();
    await expect(again.locator('[data-result="ok"]').textContent()).resolves.toContain('已恢复牛栏江镇大箐村');
    const resumed = await stack.db.db.selectFrom('cadence_pauses').select(['resumed_by', 'resumed_at']).execute();
    expect(resumed).toMatchObject([{ resumed_by: ISSUER }]);
    expect(resumed[0]?.resumed_at).toBeTruthy();
  });
});
