import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../../db/items/items.js';
import { launchChromium } from '../../support/browser.js';
import { dateFromToday, liveSpec } from '../../support/live-items.js';
import { cardsOf, cardText, eventually, openIdOf, type Stack, startStack } from '../../support/stack.js';

const ASSIGNEE = 'p-xiaojie-v1-secretary';

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

describe('a cadre works an item in the simulator web chat', () => {
  it('picks the cadre, sees the to-do card, signs it with a date and sees the toast and the new card', async () => {
    const spec = liveSpec();
    await stack.startItem(spec);
    const message = await eventually('the card', () =>
      cardsOf(stack.sim, ASSIGNEE).find((m) => cardText(m).includes(spec.id)),
    );

    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(stack.sim.url);
    await page.selectOption('#user-select', openIdOf(ASSIGNEE));
    const card = page.locator(`[data-message-id="${message.messageId}"]`);
    await card.waitFor();
    await expect(card.locator('.card-title').textContent()).resolves.toContain('匡郎村党委软弱涣散整顿提升');

    // The date picker is pre-filled with the deadline; commit to an earlier day.
    const committed = dateFromToday(6);
    await card.locator('input[name="committed_date"]').fill(committed);
    await card.getByRole('button', { name: '签收' }).click();
    await page.locator('.toast', { hasText: '签收成功' }).waitFor();
    await card.getByText('办理中').first().waitFor();
    await card.getByRole('button', { name: '反馈进度' }).waitFor();

    const events = await listEvents(stack.db.db, spec.id);
    expect(events.map((e) => e.type)).toEqual(['created', 'signed']);
    expect(events[1]?.payload).toEqual({ committedDate: committed });
    await page.screenshot({ path: 'test-results/item-card-signed.png', fullPage: false });
    await page.close();
  });
});
