import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoName } from '../../../app/demo/county.js';
import { renderRankingChart } from '../../../bot/ranking/chart.js';
import { recordInspections } from '../../../db/ranking/inspections.js';
import {
  activeRuleSet,
  claimPublication,
  completePublication,
  listRankingEvents,
} from '../../../db/ranking/ranking.js';
import { DEFAULT_RULE_SET, NO_OVERRIDES } from '../../../domain/ranking/index.js';
import type { SimMessage } from '../../../larksim/index.js';
import { runRankingCommand } from '../../../services/ranking/cli-commands.js';
import { computeAndStore } from '../../../services/ranking/compute.js';
import { importInspections } from '../../../services/ranking/import-inspections.js';
import { writeFixtureMonth } from '../../support/ranking-fixture-db.js';
import { cardText, clickButton, eventually, openIdOf, type Stack, startStack } from '../../support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ runWorker: false });
  await writeFixtureMonth(stack.db.db);
});
afterAll(async () => {
  await stack?.stop();
});

const HEADERS = [
  '村（社区）',
  '考核月份',
  '检查日期',
  '检查人',
  '厕所',
  '厕所问题',
  '垃圾',
  '垃圾问题',
  '污水',
  '污水问题',
];
const HEADERS_2 = ['村容村貌', '村容村貌问题', '长效管护', '长效管护问题'];

async function workbook(rows: unknown[][], photoAt?: { row: number; col: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人居环境检查');
  ws.addRow([...HEADERS, ...HEADERS_2]);
  for (const r of rows) ws.addRow(r);
  if (photoAt) {
    const png = await renderRankingChart(
      (
        await computeAndStore(stack.db.db, {
          month: '2024-06',
          kind: 'preview',
          overrides: NO_OVERRIDES,
          by: 'test',
          at: now(),
        })
      ).ranking,
      { redMin: 85, blackBelow: 75 },
    );
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: photoAt.col, row: photoAt.row }, ext: { width: 60, height: 40 } });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const now = () => new Date().toISOString();
const inspections = (month: string) =>
  stack.db.db.selectFrom('ranking_inspections').selectAll().where('month', '=', month).orderBy('id').execute();

async function ask(personId: string, text: string): Promise<SimMessage> {
  const sent = await stack.sim.sendText({ fromOpenId: openIdOf(personId), text });
  return eventually(`the reply to “${text}”`, () =>
    stack.sim.messages({ chatId: sent.chatId }).find((m) => m.sender.type === 'app' && m.parentId === sent.messageId),
  );
}

describe('inspection inputs', () => {
  it('imports a month from Excel, with a photo of a problem, and audits who recorded what', async () => {
    const staff = demoName('p-ducha-staff');
    const file = await workbook(
      [
        ['匡郎村', '2024-07', new Date('2024-07-10T00:00:00Z'), staff, 95, '', 90, '', 85, '污水溢流', 90, '', 88, ''],
        [
          '牛栏江镇大箐村',
          '2024年7月',
          '2024-07-11',
          'p-ducha-staff',
          70,
          '公厕无人保洁',
          60,
          '河道垃圾堆积；转运点未清运',
          65,
          '',
          70,
          '',
          60,
          '',
        ],
      ],
      { row: 2, col: 7 }, // over 大箐村's 垃圾问题 cell (0-based row/column)
    );
    const result = await importInspections(stack.db.db, file, { by: 'p-ducha-head', at: '2024-07-31T10:00:00+08:00' });
    expect(result).toEqual({ ok: true, villages: 2, inspections: 10, photos: 1 });
    const rows = await inspections('2024-07');
    const garbage = rows.find((r) => r.id === 'insp-2024-07-niulanjiang-v1-garbage')!;
    expect(garbage).toMatchObject({
      score: 60,
      problems: ['河道垃圾堆积', '转运点未清运'],
      inspector_id: 'p-ducha-staff',
      inspected_on: '2024-07-11',
      source: 'excel',
    });
    const photos = await stack.db.db
      .selectFrom('ranking_photos')
      .selectAll()
      .where('inspection_id', '=', garbage.id)
      .execute();
    expect(photos.map((p) => [p.seq, p.content_type, p.bytes.subarray(1, 4).toString()])).toEqual([
      [1, 'image/png', 'PNG'],
    ]);
    const events = (await listRankingEvents(stack.db.db, '2024-07')).filter((e) => e.type === 'inspection_recorded');
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.actor_id === 'p-ducha-head')).toBe(true);

    // Re-importing a corrected score replaces it, and the audit trail keeps the old one.
    const fix = await workbook([['匡郎村', '2024-07', '2024-07-10', staff, 95, '', 90, '', 90, '', 90, '', 88, '']]);
    expect(
      await importInspections(stack.db.db, fix, { by: 'p-ducha-staff', at: '2024-08-01T09:00:00+08:00' }),
    ).toMatchObject({ ok: true });
    const corrected = (await listRankingEvents(stack.db.db, '2024-07')).find(
      (e) => e.type === 'inspection_corrected' && e.payload.dimension === 'sewage',
    );
    expect(corrected?.payload).toMatchObject({ score: 90, previousScore: 85, villageId: 'xiaojie-v1' });
  });

  it('refuses a file with problems, names every one with its row, and writes nothing', async () => {
    const before = await inspections('2024-08');
    const file = await workbook([
      ['不存在村', '2024-08', '2024-08-05', 'p-ducha-staff', 90, '', 90, '', 90, '', 90, '', 90, ''],
      ['墩白村', '2024-08', '2024-09-01', 'p-ducha-staff', 120, '', 90, '', 90, '', 90, '', 90, ''],
      ['积德村', '2024-08', '2024-08-05', '张三丰', 90, '', 90, '', 90, '', 90, '', 90, ''],
    ]);
    const result = await importInspections(stack.db.db, file, { by: 'p-ducha-staff', at: now() });
    expect(result).toEqual({
      ok: false,
      errors: [
        '第 2 行：找不到村（社区）“不存在村”',
        '第 3 行：厕所得分须为 0–100 的数（最多一位小数），填写的是“120”',
        '第 3 行：检查日期 2024-09-01 不在考核月份 2024-08 内',
        '第 4 行：找不到检查人“张三丰”',
      ],
    });
    expect(await inspections('2024-08')).toEqual(before);
    expect(await importInspections(stack.db.db, Buffer.from('not a workbook'), { by: 'x', at: now() })).toEqual({
      ok: false,
      errors: ['文件不是有效的 Excel（.xlsx）文件'],
    });
  });

  it('takes an inspection through the card form an inspector asks the bot for', async () => {
    const refused = await ask('p-xiaojie-v3-secretary', '检查录入');
    expect(cardText(refused)).toContain('只有县委督查室和农业农村部门的检查人员可以录入检查结果');

    const formCard = await ask('p-ducha-staff', '检查录入');
    const fields = {
      inspect_village: 'xiaojie-v3',
      inspect_month: '2024-09',
      inspect_date: '2024-09-15',
      score_toilet: '90',
      problems_toilet: '',
      score_garbage: '优',
      problems_garbage: '',
      score_sewage: '85',
      problems_sewage: '化粪池渗漏',
      score_appearance: '88.5',
      problems_appearance: '',
      score_maintenance: '80',
      problems_maintenance: '保洁员缺岗；无巡查记录',
    };
    const bad = await clickButton(stack.sim, formCard, 'p-ducha-staff', '提交检查结果', fields);
    expect(bad.toast).toMatchObject({
      type: 'error',
      content: '垃圾得分须为 0–100 的数（最多一位小数），填写的是“优”',
    });
    expect(await inspections('2024-09')).toEqual([]);

    const good = await clickButton(stack.sim, formCard, 'p-ducha-staff', '提交检查结果', {
      ...fields,
      score_garbage: '92',
    });
    expect(good.toast).toMatchObject({ type: 'success', content: '已录入小街镇积德村检查结果' });
    expect(JSON.stringify(stack.sim.message(formCard.messageId)?.card)).toContain(
      '长效管护 80 分（保洁员缺岗、无巡查记录）',
    );
    const rows = await inspections('2024-09');
    expect(rows.map((r) => [r.dimension, r.score, r.source, r.inspector_id])).toEqual([
      ['appearance', 88.5, 'card', 'p-ducha-staff'],
      ['garbage', 92, 'card', 'p-ducha-staff'],
      ['maintenance', 80, 'card', 'p-ducha-staff'],
      ['sewage', 85, 'card', 'p-ducha-staff'],
      ['toilet', 90, 'card', 'p-ducha-staff'],
    ]);
  });
});

describe('a draft on demand', () => {
  it('answers 红黑榜 <month> in chat for 督查室 and the leading group only', async () => {
    expect(cardText(await ask('p-xiaojie-v1-secretary', '红黑榜 2024-06'))).toContain('无权查看红黑榜草稿');
    expect(cardText(await ask('p-ducha-head', '红黑榜 2024-13'))).toContain('月份格式不正确');
    const reply = await ask('p-ducha-head', '红黑榜 2024-06');
    const text = cardText(reply);
    expect(text).toContain('2024年6月农村人居环境“红黑榜”（试算）');
    expect(text).toContain('1. 小街镇墩白村 50.4 分');
    const snapshot = await stack.db.db
      .selectFrom('ranking_snapshots')
      .select(['kind', 'computed_by', 'rule_version'])
      .where('month', '=', '2024-06')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(snapshot).toEqual({ kind: 'preview', computed_by: 'p-ducha-head', rule_version: 1 });
  });

  it('recomputes a published month and says what changed, from chat and from the CLI', async () => {
    const { db } = stack;
    const computed = await computeAndStore(db.db, {
      month: '2024-06',
      kind: 'draft',
      overrides: NO_OVERRIDES,
      by: 'p-ducha-head',
      at: now(),
    });
    const claim = {
      month: '2024-06',
      snapshotId: computed.snapshotId,
      ranking: computed.ranking,
      workflowId: 'ranking-2024-06',
      chatId: 'oc_test',
      approvedBy: 'p-county-secretary',
      approvedAt: '2024-07-08T10:00:00+08:00',
    };
    expect(await claimPublication(db.db, claim)).toBe('claimed');
    expect(await claimPublication(db.db, { ...claim, workflowId: 'ranking-other' })).toBe('taken');
    await completePublication(db.db, '2024-06', {
      messageId: 'om_x',
      imageKey: 'img_x',
      publishedAt: '2024-07-08T10:05:00+08:00',
    });
    // A late correction: 凤岗村's toilets were re-inspected.
    await recordInspections(
      db.db,
      [
        {
          month: '2024-06',
          villageId: 'yangqiao-v3',
          dimension: 'toilet',
          score: 40,
          problems: ['户厕改造未完成'],
          inspectorId: 'p-ducha-staff',
          inspectedOn: '2024-06-28',
        },
      ],
      { source: 'card', by: 'p-ducha-staff', at: now() },
    );
    const text = cardText(await ask('p-county-secretary', '红黑榜 2024-06'));
    expect(text).toContain('与已发布榜单（7月8日发布）相比');
    expect(text).toContain('杨桥街道凤岗村：73.6 → 67.2 分');

    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
    expect(await runRankingCommand(db.db, 'ranking-draft', ['2024-06', '--explain'], io)).toBe(0);
    expect(out).toContain('2024年6月红黑榜试算（评分规则 renju-monthly 第 1 版，未发布）');
    expect(out).toMatch(/ 19 +50\.4 {2}小街镇墩白村　黑榜/);
    expect(out).toContain('-3.0  升级至县领导督办：《大箐村垃圾收集点建设》6月28日升级至分管县领导督办');
    expect(out).toContain('与已发布榜单相比：\n  杨桥街道凤岗村：73.6 → 67.2 分');
    expect(await runRankingCommand(db.db, 'ranking-draft', ['June'], io)).toBe(2);
    expect(err).toContain('用法：ranking-draft <YYYY-MM>');
  });

  it('stores new rule versions from the CLI, and refuses rules that score app use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    let err = '';
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } };
    const bad = {
      ...DEFAULT_RULE_SET,
      items: {
        ...DEFAULT_RULE_SET.items,
        deductions: [{ measure: 'online_minutes', label: '在线时长不足', points: 1, cap: 5 }],
      },
    };
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    expect(await runRankingCommand(stack.db.db, 'ranking-rules', [join(dir, 'bad.json')], io)).toBe(1);
    expect(err).toContain('含使用类指标“在线”');
    expect((await activeRuleSet(stack.db.db, 'renju-monthly'))?.version).toBe(1);

    const top10 = { ...DEFAULT_RULE_SET, lists: { ...DEFAULT_RULE_SET.lists, red: { size: 10, minScore: 85 } } };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(top10));
    expect(
      await runRankingCommand(stack.db.db, 'ranking-rules', [join(dir, 'good.json'), '--actor', 'p-ducha-head'], io),
    ).toBe(0);
    expect(out).toContain('评分规则 renju-monthly 第 2 版已保存');
    expect((await activeRuleSet(stack.db.db, 'renju-monthly'))?.lists.red.size).toBe(10);
  });
});
