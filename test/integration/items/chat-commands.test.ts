import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLarkDirectory } from '../../../app/demo/seed.js';
import { toShanghaiIso } from '../../../domain/shanghai-time.js';
import type { SimMessage } from '../../../larksim/index.js';
import { seedLedger } from '../../support/dashboard-fixtures.js';
import { cardText, openIdOf, type Stack, startStack } from '../../support/stack.js';

/**
 * Chat commands end to end: the simulator delivers a signed, encrypted im.message.receive_v1 to the bot's event URL
 * (through the official SDK's dispatcher), the bot answers with a card in reply to the message.
 */
let stack: Stack;
const GROUP = 'oc_xiaojie_town_hall';

beforeAll(async () => {
  stack = await startStack({ runWorker: false });
  await seedLedger(stack.db.db, { count: 90, now: toShanghaiIso(Date.now()), idPrefix: 'DB-C', seed: 7 });
  const town = demoLarkDirectory().departments.find((d) => d.departmentId === 'xiaojie')!;
  stack.sim.upsertDepartments([{ ...town, chatId: GROUP }]);
});
afterAll(async () => {
  await stack?.stop();
});

async function ask(personId: string, text: string, chatId?: string) {
  const sent = await stack.sim.sendText({
    fromOpenId: openIdOf(personId),
    text,
    ...(chatId ? { chatId, mentionBot: true } : {}),
  });
  return { sent, replies: repliesTo(sent.messageId, sent.chatId) };
}

function repliesTo(messageId: string, chatId: string): SimMessage[] {
  return stack.sim.messages({ chatId }).filter((m) => m.sender.type === 'app' && m.parentId === messageId);
}

function title(m: SimMessage | undefined): string {
  return ((m?.card as { header?: { title?: { content?: string } } } | undefined)?.header?.title?.content ??
    '') as string;
}

const open = ['assigned', 'in_progress', 'submitted'] as const;

describe('chat commands through the simulator', () => {
  it('我的待办 answers the asker with their open items, linked to the dashboard', async () => {
    const busiest = await stack.db.db
      .selectFrom('items')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', [...open])
      .groupBy('assignee_id')
      .orderBy('n', 'desc')
      .orderBy('assignee_id')
      .executeTakeFirstOrThrow();
    const mine = await stack.db.db
      .selectFrom('items')
      .select(['id', 'title'])
      .where('assignee_id', '=', busiest.assignee_id)
      .where('status', 'in', [...open])
      .execute();
    const { sent, replies } = await ask(busiest.assignee_id, '我的待办');
    expect(sent.delivered).toBe(true);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.msgType).toBe('interactive');
    expect(title(replies[0])).toBe(`我的待办（${mine.length} 项）`);
    for (const item of mine) {
      expect(cardText(replies[0]!)).toContain(item.title);
      expect(cardText(replies[0]!)).toContain(`${stack.dashboardUrl}/items/${item.id}`);
    }
  });

  it('进度 gives the county secretary the county-wide numbers', async () => {
    const { replies } = await ask('p-county-secretary', '进度');
    const now = new Date().toISOString();
    const counts = await stack.db.db
      .selectFrom('items')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .count<number>('id')
          .filterWhere('status', 'in', [...open])
          .as('open'),
        eb.fn
          .count<number>('id')
          .filterWhere((w) => w.and([w('status', 'in', [...open]), w('due_at', '<', now)]))
          .as('overdue'),
      ])
      .executeTakeFirstOrThrow();
    expect(title(replies[0])).toBe('督办进度：嵩明县');
    const text = cardText(replies[0]!);
    expect(text).toContain(`**事项** ${counts.total}　**在办** ${counts.open}`);
    expect(text).toContain(`**逾期** ${counts.overdue}`);
    for (const town of ['嵩阳街道', '杨桥街道', '小街镇', '杨林镇', '牛栏江镇', '滇源街道', '阿子营街道'])
      expect(text).toContain(`**${town}**`);
  });

  it('逾期 lists only what a township leader may see', async () => {
    const now = new Date().toISOString();
    const overdue = await stack.db.db
      .selectFrom('items')
      .select(['id', 'title', 'owner_unit_id'])
      .where('status', 'in', [...open])
      .where('due_at', '<', now)
      .execute();
    const ours = overdue.filter((i) => i.owner_unit_id === 'xiaojie' || i.owner_unit_id.startsWith('xiaojie-'));
    const theirs = overdue.filter((i) => !ours.includes(i));
    expect(theirs.length).toBeGreaterThan(0);
    const { replies } = await ask('p-xiaojie-secretary', '逾期');
    expect(title(replies[0])).toBe(`逾期事项（${ours.length} 项）`);
    const text = cardText(replies[0]!);
    for (const i of ours.slice(0, 15)) expect(text).toContain(i.title);
    for (const i of theirs) expect(text).not.toContain(i.title);
  });

  it('an unknown command gets the help text; 帮助 gets it without the complaint', async () => {
    const unknown = await ask('p-xiaojie-v1-cadre', '今天天气怎么样');
    expect(title(unknown.replies[0])).toBe('督办助手使用说明');
    const text = cardText(unknown.replies[0]!);
    expect(text).toContain('没有识别到指令「今天天气怎么样」');
    for (const c of ['我的待办', '进度', '逾期']) expect(text).toContain(`**${c}**`);
    const help = await ask('p-xiaojie-v1-cadre', '帮助');
    expect(cardText(help.replies[0]!)).not.toContain('没有识别到指令');
  });

  it('in a group the bot answers when @-mentioned (the placeholder is stripped), and hears nothing otherwise', async () => {
    const mentioned = await ask('p-xiaojie-secretary', '进度', GROUP);
    expect(mentioned.sent.pushed).toBe(true);
    expect(mentioned.replies).toHaveLength(1);
    expect(title(mentioned.replies[0])).toBe('督办进度：小街镇');
    expect(cardText(mentioned.replies[0]!)).toContain('小街镇匡郎村');
    const plain = await stack.sim.sendText({
      fromOpenId: openIdOf('p-xiaojie-secretary'),
      chatId: GROUP,
      text: '进度',
    });
    expect(plain.pushed).toBe(false);
    expect(repliesTo(plain.messageId, GROUP)).toHaveLength(0);
  });

  it('the same event delivered twice is answered once (dedup by message_id)', async () => {
    stack.sim.duplicateNextEvent();
    const { sent, replies } = await ask('p-county-secretary', '逾期');
    expect(sent.attempts.map((a) => [a.status, a.duplicate])).toEqual([
      [200, false],
      [200, true],
    ]);
    expect(replies).toHaveLength(1);
    // The redelivery stops at the dedup mark: the bot does not even ask Lark to reply again (the reply's uuid
    // would make Lark drop a second send too, but that is the second line of defence).
    expect(stack.sim.requests({ path: `/open-apis/im/v1/messages/${sent.messageId}/reply` })).toHaveLength(1);
    const mark = await stack.db.db
      .selectFrom('inbound_callbacks')
      .selectAll()
      .where('event_id', '=', sent.messageId)
      .executeTakeFirst();
    expect(mark?.kind).toBe('message');
  });

  it('someone not registered in Duban is told so', async () => {
    stack.sim.upsertUsers([{ openId: 'ou_0123456789abcdef0123456789abcdef', name: '来访者' }]);
    const sent = await stack.sim.sendText({ fromOpenId: 'ou_0123456789abcdef0123456789abcdef', text: '我的待办' });
    const replies = repliesTo(sent.messageId, sent.chatId);
    expect(title(replies[0])).toBe('尚未登记');
  });
});
