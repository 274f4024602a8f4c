import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChat } from '../../../db/ranking/runs.js';
import { toShanghaiIso } from '../../../domain/shanghai-time.js';
import { rankingWorkflowId } from '../../../workflows/ranking/messages.js';
import type { monthlyRanking } from '../../../workflows/ranking/monthly-ranking.js';
import { launchChromium } from '../../support/browser.js';
import { writeFixtureMonth } from '../../support/ranking-fixture-db.js';
import { cardText, clickButton, eventually, openIdOf, type Stack, startStack } from '../../support/stack.js';

let stack: Stack;
let browser: Browser | undefined;
beforeAll(async () => {
  stack = await startStack();
  await writeFixtureMonth(stack.db.db);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the published 红黑榜 in the simulator web chat', () => {
  it('shows the chart image and each listed village’s own text to a township leader', async () => {
    const { sim, db, system } = stack;
    // No appeals this time: a short window, then 县委书记 approves.
    const handle = await system.client.workflow.start<typeof monthlyRanking>('monthlyRanking', {
      // Test files share one Temporal namespace: a run id of its own.
      workflowId: `${rankingWorkflowId('2024-06')}-${randomUUID().slice(0, 8)}`,
      taskQueue: stack.taskQueue,
      args: [{ month: '2024-06', requestedBy: 'p-ducha-head', appealsCloseAt: toShanghaiIso(Date.now() + 2000) }],
    });
    const leading = await eventually('the leading group chat', () => findChat(db.db, 'leading_group'));
    const approval = await eventually(
      'the approval card',
      () => sim.messages({ chatId: leading }).find((m) => m.card && cardText(m).includes('请审定')),
      30_000,
    );
    expect((await clickButton(sim, approval, 'p-county-secretary', '批准发布')).toast?.content).toBe('已批准发布');
    expect((await handle.result()).outcome).toBe('published');
    const county = (await findChat(db.db, 'county_work'))!;
    const published = sim.messages({ chatId: county }).find((m) => m.msgType === 'interactive')!;

    const page = await browser!.newPage({ viewport: { width: 1280, height: 2600 } });
    await page.goto(`${sim.url}/#user=${openIdOf('p-xiaojie-secretary')}&chat=${county}`);
    const card = page.locator(`[data-message-id="${published.messageId}"]`);
    await card.waitFor();
    await expect(card.locator('.card-title').textContent()).resolves.toBe('嵩明县2024年6月农村人居环境“红黑榜”');
    // Two images, both served from the simulator's image store: the chart, and 大箐村's problem photo.
    const images = card.locator('img.card-img');
    await images.nth(1).waitFor();
    await page.waitForFunction(
      (els) => els.every((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0),
      await images.elementHandles(),
    );
    expect(await images.evaluateAll((els) => els.map((el) => (el as HTMLImageElement).naturalWidth))).toEqual([
      900, 480,
    ]);
    expect(await images.nth(1).getAttribute('alt')).toBe('牛栏江镇大箐村问题照片');
    await card.getByText('杨林镇兰茂村 100.0 分，列全县第 1 名（共 19 个参评村）', { exact: false }).waitFor();
    await card.getByText('检查失分集中在垃圾 55 分（河道垃圾堆积）', { exact: false }).waitFor();
    await card.getByText('黑榜村（社区）须于', { exact: false }).waitFor();

    mkdirSync('test-results', { recursive: true });
    mkdirSync('docs/screenshots', { recursive: true });
    await card.screenshot({ path: 'test-results/ranking-published.png' });
    copyFileSync('test-results/ranking-published.png', 'docs/screenshots/ranking-published.png');
    await page.close();
  });

  it('shows a village leader the village’s own score, line by line, each naming its inspection or item', async () => {
    const leader = 'p-niulanjiang-v1-secretary';
    const message = stack.sim
      .messages({ receiverOpenId: openIdOf(leader) })
      .find((m) => cardText(m).includes('得分明细'))!;
    const page = await browser!.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(`${stack.sim.url}/#user=${openIdOf(leader)}`);
    const card = page.locator(`[data-message-id="${message.messageId}"]`);
    await card.waitFor();
    await card.getByText('得分 54.6 分', { exact: false }).waitFor();
    await card.getByText('《大箐村垃圾收集点建设》6月28日升级至分管县领导督办', { exact: false }).waitFor();
    await card.getByText('申诉期已于', { exact: false }).waitFor();
    await card.screenshot({ path: 'test-results/ranking-village.png' });
    copyFileSync('test-results/ranking-village.png', 'docs/screenshots/ranking-village.png');
    await page.close();
  });
});
