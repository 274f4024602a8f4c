import type * as lark from '@larksuiteoapi/node-sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LarkSim } from '../../../larksim/index.js';
import { launchChromium } from '../../support/browser.js';
import {
  dispatcher,
  type Receiver,
  sdkClient,
  sendCard,
  startReceiver,
  startSim,
  U,
} from '../../support/larksim-fixtures.js';

interface CardAction {
  operator: { open_id: string };
  action: { value: Record<string, unknown>; name?: string; form_value?: Record<string, unknown> };
}

const signCard = {
  schema: '2.0',
  header: {
    title: { tag: 'plain_text', content: '【督办】匡郎村人居环境整治' },
    subtitle: { tag: 'plain_text', content: '县乡村振兴局交办' },
    template: 'orange',
  },
  body: {
    elements: [
      { tag: 'markdown', content: `**责任人**：<at id=${U.cadre}></at>\n请签收并填写计划完成日期。` },
      {
        tag: 'form',
        name: 'sign_form',
        elements: [
          {
            tag: 'date_picker',
            name: 'due',
            required: true,
            label: { tag: 'plain_text', content: '计划完成日期' },
          },
          { tag: 'input', name: 'note', label: { tag: 'plain_text', content: '说明' } },
          {
            tag: 'select_static',
            name: 'level',
            label: { tag: 'plain_text', content: '难度' },
            options: [
              { text: { tag: 'plain_text', content: '一般' }, value: 'normal' },
              { text: { tag: 'plain_text', content: '较难' }, value: 'hard' },
            ],
          },
          {
            tag: 'button',
            name: 'submit_sign',
            text: { tag: 'plain_text', content: '提交' },
            type: 'primary_filled',
            form_action_type: 'submit',
            behaviors: [{ type: 'callback', value: { action: 'sign', item: 'DB-7' } }],
          },
        ],
      },
    ],
  },
};

let sim: LarkSim;
let client: lark.Client;
let browser: Browser | undefined;
let page: Page;
const receivers: Receiver[] = [];
const clicks: CardAction[] = [];
const texts: string[] = [];

beforeAll(async () => {
  sim = await startSim();
  client = sdkClient(sim);
  const card = await startReceiver(
    '/lark/card',
    dispatcher().register({
      'card.action.trigger': async (data: CardAction) => {
        clicks.push(data);
        const due = String(data.action.form_value?.due ?? '');
        return {
          toast: { type: 'success', content: '已签收' },
          card: {
            type: 'raw',
            data: { schema: '2.0', body: { elements: [{ tag: 'markdown', content: `✅ 已签收，计划 ${due} 完成` }] } },
          },
        };
      },
    }),
  );
  const events = await startReceiver(
    '/lark/event',
    dispatcher().register({
      'im.message.receive_v1': async (data) => {
        texts.push(String((data as { message: { content: string } }).message.content));
      },
    }),
  );
  receivers.push(card, events);
  sim.setCallbackUrls({ card: card.url, event: events.url });
  const chromium = await launchChromium();
  browser = chromium;
  page = await chromium.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await sim.close();
  await Promise.all(receivers.map((r) => r.close()));
});

describe('web chat', () => {
  it('shows a card sent through the SDK, enforces required fields, submits the form and shows the toast', async () => {
    const messageId = await sendCard(client, U.cadre, signCard);
    await page.goto(sim.url);
    await page.selectOption('#user-select', U.cadre);
    const card = page.locator(`[data-message-id="${messageId}"]`);
    await card.waitFor();
    await expect(card.locator('.card-title').textContent()).resolves.toContain('匡郎村人居环境整治');
    await expect(card.locator('.mention').first().textContent()).resolves.toBe('@杨帆');

    const submit = card.getByRole('button', { name: '提交' });
    expect(await submit.getAttribute('data-action-name')).toBe('submit_sign');
    await submit.click();
    await card.getByText('请填写必填项').waitFor();
    expect(clicks).toHaveLength(0);

    await card.locator('input[name="due"]').fill('2025-06-10');
    await card.locator('input[name="note"]').fill('本周内完成清运');
    await card.locator('select[name="level"]').selectOption('hard');
    await submit.click();

    await page.locator('.toast', { hasText: '已签收' }).waitFor();
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.operator.open_id).toBe(U.cadre);
    expect(clicks[0]?.action).toMatchObject({
      name: 'submit_sign',
      value: { action: 'sign', item: 'DB-7' },
      form_value: { due: '2025-06-10 +0800', note: '本周内完成清运', level: 'hard' },
    });
    await card.getByText('✅ 已签收，计划 2025-06-10 +0800 完成').waitFor();
    expect(sim.message(messageId)?.lastToast).toEqual({ type: 'success', content: '已签收' });
  });

  it('asks for confirmation and sends multi-select and checker values in the form', async () => {
    const option = (value: string, content: string) => ({ text: { tag: 'plain_text', content }, value });
    const messageId = await sendCard(client, U.cadre, {
      schema: '2.0',
      body: {
        elements: [
          {
            tag: 'form',
            name: 'help_form',
            elements: [
              { tag: 'multi_select_static', name: 'needs', options: [option('fund', '资金'), option('staff', '人力')] },
              { tag: 'checker', name: 'urgent', text: { tag: 'plain_text', content: '需要县级协调' } },
              {
                tag: 'button',
                name: 'ask_help',
                text: { tag: 'plain_text', content: '申请协调' },
                form_action_type: 'submit',
                confirm: {
                  title: { tag: 'plain_text', content: '确认提交？' },
                  text: { tag: 'plain_text', content: '将通知督查室' },
                },
                behaviors: [{ type: 'callback', value: { action: 'help' } }],
              },
            ],
          },
        ],
      },
    });
    const card = page.locator(`[data-message-id="${messageId}"]`);
    await card.waitFor();
    await card.getByText('资金').click();
    await card.getByText('人力').click();
    await card.getByText('需要县级协调').click();
    await card.getByRole('button', { name: '申请协调' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将通知督查室').waitFor();
    expect(clicks).toHaveLength(1);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => clicks.length).toBe(2);
    expect(clicks[1]?.action).toMatchObject({
      name: 'ask_help',
      value: { action: 'help' },
      form_value: { needs: ['fund', 'staff'], urgent: true },
    });
  });

  it('marks what the receiver saw as read, and sends typed text as that user', async () => {
    const messageId = await sendCard(client, U.cadre, {
      schema: '2.0',
      body: { elements: [{ tag: 'markdown', content: '新的提醒' }] },
    });
    await page.locator(`[data-message-id="${messageId}"]`).waitFor();
    await expect.poll(() => sim.message(messageId)?.readBy).toEqual([U.cadre]);
    const read = await client.im.message.readUsers({
      path: { message_id: messageId },
      params: { user_id_type: 'open_id' },
    });
    expect(read.data?.items?.map((i) => i.user_id)).toEqual([U.cadre]);

    await page.locator('#composer-input').fill('我的待办');
    await page.locator('#composer-input').press('Enter');
    await expect.poll(() => texts).toEqual([JSON.stringify({ text: '我的待办' })]);
    const mine = sim.messages({ chatId: sim.p2pChatId(U.cadre) }).filter((m) => m.sender.type === 'user');
    expect(mine.map((m) => m.content)).toEqual([JSON.stringify({ text: '我的待办' })]);
    await page.locator('.msg.mine', { hasText: '我的待办' }).waitFor();
  });
});
