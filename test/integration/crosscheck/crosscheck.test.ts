import { randomBytes } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listRoundEvents } from '../../../db/crosscheck/crosscheck.js';
import { findItem, listEvents } from '../../../db/items/items.js';
import { buildCalendarData } from '../../../domain/calendar/build.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { buildReport, type CrosscheckRound, crosscheckWorkflowId } from '../../../domain/crosscheck/index.js';
import { localDate, toShanghaiIso } from '../../../domain/shanghai-time.js';
import { exportRoundReport, FINDINGS_SHEET, SUMMARY_SHEET } from '../../../services/crosscheck/export-report.js';
import { importFindings } from '../../../services/crosscheck/import-findings.js';
import { startRound } from '../../../services/crosscheck/start-round.js';
import type { crosscheckRound } from '../../../workflows/crosscheck/crosscheck-round.js';
import { crosscheckRoundQuery, crosscheckUpdates } from '../../../workflows/crosscheck/messages.js';
import { itemUpdates } from '../../../workflows/items/messages.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import {
  cardsOf,
  cardText,
  clickButton,
  eventually,
  findButton,
  openIdOf,
  type Stack,
  startStack,
} from '../../support/stack.js';

const ORGANIZER = 'p-ducha-staff';
const CADRE = 'p-xiaojie-v1-cadre';
const ROUND = `cc-${randomBytes(3).toString('hex')}`;
const ITEM = `${ROUND}-ZG1`;

let stack: Stack;
let round: CrosscheckRound;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const handle = () => stack.system.client.workflow.getHandle<typeof crosscheckRound>(crosscheckWorkflowId(ROUND));
const query = () => handle().query(crosscheckRoundQuery);
/** Until its first workflow task has run, the round answers no queries. */
const planned = async () => (await query().catch(() => undefined)) ?? undefined;
/** The team that inspects 小街镇, where the 整改 of 匡郎村 lands. */
const xiaojieTeam = () => round.teams.find((t) => t.inspectsTownshipId === 'xiaojie')!;
const cardWith = (personId: string, text: string) =>
  cardsOf(stack.sim, personId).find((m) => cardText(m).includes(text));
/** A person's card of one item (checklists mention item ids too; only item cards carry 编号). */
const itemCardOf = (personId: string, itemId: string) => cardWith(personId, `**编号**：${itemId}`);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('问题');
  sheet.addRow(['清单编号', '被检单位', '问题描述', '严重程度', '整改时限(工作日)']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a 交叉检查 round on the demo county, through the simulator and the real SDK', () => {
  it('assigns every township’s team to another township and sends each team lead a checklist card', async () => {
    const started = await startRound(stack.system.client, stack.taskQueue, stack.db.db, {
      roundId: ROUND,
      title: '2024年上半年巩固衔接交叉检查',
      organizerId: ORGANIZER,
    });
    expect(started).toEqual({ ok: true, workflowId: crosscheckWorkflowId(ROUND) });
    round = await eventually('the planned round', planned);
    expect(round.teams).toHaveLength(7);
    expect(new Set(round.teams.map((t) => t.inspectsTownshipId)).size).toBe(7);
    for (const t of round.teams) {
      expect(t.inspectsTownshipId).not.toBe(t.fromTownshipId);
      expect(t.leadId).toBe(`p-${t.fromTownshipId}-mayor`);
    }
    // The ledger holds the same assignment, and its constraints would refuse a team on its own township.
    const rows = await stack.db.db.selectFrom('crosscheck_teams').selectAll().where('round_id', '=', ROUND).execute();
    expect(new Set(rows.map((r) => `${r.from_township_id}>${r.inspects_township_id}`))).toEqual(
      new Set(round.teams.map((t) => `${t.fromTownshipId}>${t.inspectsTownshipId}`)),
    );
    await expect(
      stack.db.db
        .updateTable('crosscheck_teams')
        .set({ inspects_township_id: 'xiaojie' })
        .where('round_id', '=', ROUND)
        .where('from_township_id', '=', 'xiaojie')
        .execute(),
    ).rejects.toThrow(/crosscheck_teams/);

    for (const t of round.teams) {
      const card = await eventually(`team ${t.no}'s checklist`, () => cardWith(t.leadId, '交叉检查清单'));
      const text = cardText(card);
      expect(text).toContain(t.inspectsName);
      for (const l of round.lines.filter((x) => x.teamNo === t.no)) expect(text).toContain(l.id);
      expect(findButton(card.card, '登记问题')).toBeDefined();
    }
    const overview = await eventually('the organizer card', () => cardWith(ORGANIZER, '交叉检查：'));
    expect(findButton(overview.card, '结束检查')).toBeDefined();
    expect(await listRoundEvents(stack.db.db, ROUND)).toMatchObject([{ type: 'started', actor_id: ORGANIZER }]);
  });

  it('turns a finding entered on the card into a 整改 item for the inspected village, due in working days', async () => {
    const team = xiaojieTeam();
    const line = round.lines.find(
      (l) => l.teamNo === team.no && l.unitId === 'xiaojie-v1' && l.type === 'microcredit',
    )!;
    const checklist = cardWith(team.leadId, '交叉检查清单')!;
    const before = Date.now();
    const r = await clickButton(stack.sim, checklist, team.leadId, '登记问题', {
      cc_line: line.id,
      cc_problem: '3户小额信贷档案缺少逾期催缴记录',
      cc_severity: 'major',
      cc_workdays: '5',
    });
    expect(r.toast).toMatchObject({ type: 'success' });
    expect(r.toast?.content).toContain(ITEM);
    expect(r.cardReplaced).toBe(true);
    expect(r.rawBody).toContain('3户小额信贷档案缺少逾期催缴记录');

    const row = await eventually('the 整改 item in the ledger', () => findItem(stack.db.db, ITEM));
    expect(row).toMatchObject({
      kind: 'rectification',
      owner_unit_id: 'xiaojie-v1',
      assignee_id: CADRE,
      reviewer_id: team.leadId,
      issuer_id: ORGANIZER,
      domain: '金融',
      status: 'assigned',
    });
    const cal = buildCalendarData({ fromYear: new Date().getFullYear() - 1, toYear: new Date().getFullYear() + 1 });
    const due = Date.parse(row.due_at);
    expect([before, Date.now()].map((t) => Date.parse(addWorkdays(cal, toShanghaiIso(t), 5)))).toContain(due);
    expect(row.policy_id).not.toBeNull();
    const finding = await stack.db.db
      .selectFrom('crosscheck_findings')
      .selectAll()
      .where('item_id', '=', ITEM)
      .executeTakeFirstOrThrow();
    expect(finding).toMatchObject({
      line_id: line.id,
      severity: 'major',
      workdays: 5,
      source: 'card',
      recorded_by: team.leadId,
    });
    await eventually('the cadre’s 整改 card', () => itemCardOf(CADRE, ITEM));
  });

  it('sends the cadre’s submission to the inspector, not to 督查室, and only the inspector can close (销号) it', async () => {
    const team = xiaojieTeam();
    const todo = itemCardOf(CADRE, ITEM)!;
    const due = localDate((await findItem(stack.db.db, ITEM))!.due_at);
    await clickButton(stack.sim, todo, CADRE, '签收', { committed_date: due });
    const submit = await clickButton(stack.sim, todo, CADRE, '提交办结', { result: '已补齐3户催缴记录并建立台账' });
    expect(submit.toast?.content).toBe('提交办结成功');

    const review = await eventually('the inspector’s review card', () => itemCardOf(team.leadId, ITEM));
    await eventually('it offers 确认销号', () => findButton(stack.sim.message(review.messageId)?.card, '确认销号'));
    // 督查室 issued the item and holds a card, but it has no 销号 button; its head never got one at all.
    const issuerCard = await eventually('the organizer’s item card', () => itemCardOf(ORGANIZER, ITEM));
    await eventually('the organizer card shows 待审核', () =>
      stack.sim.message(issuerCard.messageId)?.content.includes('待审核'),
    );
    expect(findButton(stack.sim.message(issuerCard.messageId)?.card, '确认销号')).toBeUndefined();
    expect(findButton(stack.sim.message(issuerCard.messageId)?.card, '审核通过')).toBeUndefined();
    expect(itemCardOf('p-ducha-head', ITEM)).toBeUndefined();

    // The assignee (and 督查室) cannot close it, even with a hand-made button.
    for (const [who, card] of [
      [CADRE, todo],
      [ORGANIZER, issuerCard],
    ] as const) {
      const refused = await stack.sim.click({
        messageId: card.messageId,
        operatorOpenId: openIdOf(who),
        value: { item: ITEM, cmd: 'approve' },
      });
      expect(refused.toast).toMatchObject({ type: 'error', content: '您不是此事项的审核人，不能执行此操作' });
    }
    expect((await findItem(stack.db.db, ITEM))?.status).toBe('submitted');

    const close = await clickButton(stack.sim, review, team.leadId, '确认销号');
    expect(close.toast).toMatchObject({ type: 'success', content: '确认销号成功' });
    const done = await eventually('the item is 办结', async () => {
      const r = await findItem(stack.db.db, ITEM);
      return r?.status === 'done' ? r : undefined;
    });
    expect(done.closed_at).not.toBeNull();
    const events = await listEvents(stack.db.db, ITEM);
    expect(events.at(-1)).toMatchObject({ type: 'approved', actor_id: team.leadId });

    // The round hears of it: the finding is closed and the closing is on the round's audit trail.
    await eventually('the round sees 销号', async () => (await query())?.findings[0]?.status === 'done');
    const closed = await eventually('the 销号 on the round’s audit trail', async () =>
      (await listRoundEvents(stack.db.db, ROUND)).find((e) => e.type === 'rectification_closed'),
    );
    expect(closed).toMatchObject({ actor_id: team.leadId, payload: { itemId: ITEM } });
  });

  it('sends the report card on request, showing the closed 整改', async () => {
    const overview = cardWith(ORGANIZER, '交叉检查：')!;
    const r = await clickButton(stack.sim, overview, ORGANIZER, '查看检查报告');
    expect(r.toast?.content).toBe('检查报告已发送给您，请查看消息');
    const report = await eventually('the report card', () => cardWith(ORGANIZER, '交叉检查报告'));
    const text = cardText(report);
    expect(text).toContain(`**小街镇**（第 ${xiaojieTeam().no} 组 ${xiaojieTeam().fromName} 检查）`);
    expect(text).toContain('发现问题 1 个，已销号 1，整改中 0');
    // Someone outside the round cannot ask for it: the workflow's validator refuses.
    await expect(
      handle().executeUpdate(crosscheckUpdates.requestReport, { args: [{ actorId: 'p-county-secretary' }] }),
    ).rejects.toMatchObject({ cause: { message: '只有组织人和检查组成员可以查看本轮检查报告' } });
  });

  it('shows on the dashboard’s 专项台账: the county every inspected township, 小街镇’s leader only 小街镇', async () => {
    const rowsFor = async (personId: string) => {
      const cookie = await loginCookie(stack.dashboardUrl, personId);
      const page = await (await getAs(stack.dashboardUrl, cookie, '/ledgers')).text();
      return [...page.matchAll(new RegExp(`data-round-township="${ROUND}:([a-z]+)">(.*?)</tr>`, 'gs'))].map((m) => ({
        township: m[1],
        numbers: [...m[2]!.matchAll(/<td class="num[^"]*">(\d+)<\/td>/g)].map((n) => Number(n[1])),
      }));
    };
    const county = await rowsFor('p-county-secretary');
    // In team order, as the report card lists them.
    const byTeam = [...round.teams].sort((a, b) => a.no - b.no).map((t) => t.inspectsTownshipId);
    expect(county.map((r) => r.township)).toEqual(byTeam);
    // 清单项, 发现问题, 已销号, 整改中, 其中逾期: 小街镇's one finding is closed (销号 by the inspector above).
    const xiaojie = county.find((r) => r.township === 'xiaojie')!;
    expect(xiaojie.numbers.slice(1)).toEqual([1, 1, 0, 0]);
    expect(await rowsFor('p-xiaojie-secretary')).toEqual([xiaojie]);
  });

  it('imports nothing from an Excel upload with a bad row, naming the row; a clean file opens every 整改', async () => {
    const team = xiaojieTeam();
    const lineOf = (unit: string, type: string) =>
      round.lines.find((l) => l.teamNo === team.no && l.unitId === unit && l.type === type)!.id;
    const bad = await workbook([
      [lineOf('xiaojie-v2', 'income'), '墩白村', '2户系统收入与纸质采集表不一致', '较重', 5],
      [lineOf('xiaojie-v3', 'water'), '积德村', '饮水安全台账未更新', '很严重', ''],
      ['T9-99', '', '清单外的问题', '一般', ''],
    ]);
    const refused = await importFindings(stack.system.client, ROUND, bad, ORGANIZER);
    expect(refused).toEqual({
      ok: false,
      errors: [
        '第 3 行：严重程度须为 一般、较重 或 严重（收到“很严重”）',
        '第 4 行：检查清单中没有编号为“T9-99”的项目',
      ],
    });
    const refused2 = await importFindings(
      stack.system.client,
      ROUND,
      await workbook([
        [lineOf('xiaojie-v2', 'income'), '墩白村', '2户系统收入与纸质采集表不一致', '较重', 5],
        ['T9-99', '', '清单外的问题', '一般', ''],
      ]),
      ORGANIZER,
    );
    expect(refused2).toEqual({ ok: false, errors: ['第 3 行：检查清单中没有编号为“T9-99”的项目'] });
    expect((await query())?.findings).toHaveLength(1);
    expect(
      await stack.db.db.selectFrom('crosscheck_findings').select('id').where('round_id', '=', ROUND).execute(),
    ).toHaveLength(1);

    const good = await importFindings(
      stack.system.client,
      ROUND,
      await workbook([
        [lineOf('xiaojie-v2', 'income'), '墩白村', '2户系统收入与纸质采集表不一致', '较重', 5],
        [lineOf('xiaojie-v3', 'water'), '积德村', '饮水安全台账未更新', '一般', ''],
      ]),
      ORGANIZER,
    );
    if (!good.ok) throw new Error(good.errors.join('\n'));
    expect(good.findings.map((f) => f.itemId)).toEqual([`${ROUND}-ZG2`, `${ROUND}-ZG3`]);
    for (const f of good.findings) {
      const item = await eventually(`item ${f.itemId}`, () => findItem(stack.db.db, f.itemId));
      expect(item.reviewer_id).toBe(team.leadId);
    }
    await eventually('the 积德村 cadre’s card', () => itemCardOf('p-xiaojie-v3-cadre', `${ROUND}-ZG3`));
  });

  it('exports a report whose counts round-trip the round’s own report', async () => {
    const exported = (await exportRoundReport(stack.db.db, ROUND, toShanghaiIso(Date.now())))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.xlsx as unknown as ArrayBuffer);
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const byName = new Map<string, number[]>();
    summary.eachRow((row, n) => {
      if (n > 2)
        byName.set(
          String(row.getCell(1).value),
          [4, 5, 6, 7, 8, 9].map((c) => Number(row.getCell(c).value)),
        );
    });
    const live = buildReport((await query())!, toShanghaiIso(Date.now()));
    for (const t of live.townships) {
      expect(byName.get(t.townshipName)).toEqual([t.lines, t.findings, t.done, t.open, t.overdue, t.cancelled]);
    }
    const s = live.totals;
    expect(byName.get('合计')).toEqual([s.lines, s.findings, s.done, s.open, s.overdue, s.cancelled]);
    expect(s).toMatchObject({ findings: 3, done: 1, open: 2 });
    const list = wb.getWorksheet(FINDINGS_SHEET)!;
    expect(list.rowCount).toBe(1 + 3);
    expect(list.getRow(2).getCell(10).value).toBe(ITEM);
    expect(list.getRow(2).getCell(11).value).toBe('已销号');
  });

  it('stays open after checking ends until every 整改 is closed, then sends the final report', async () => {
    const overview = cardWith(ORGANIZER, '交叉检查：')!;
    const lead = xiaojieTeam().leadId;
    const leadReport = await clickButton(stack.sim, cardWith(lead, '交叉检查清单')!, lead, '查看检查报告');
    expect(leadReport.toast?.type).toBe('success');
    await eventually('the lead’s report card', () => cardWith(lead, '交叉检查报告'));
    const end = await clickButton(stack.sim, overview, ORGANIZER, '结束检查');
    expect(end.toast?.content).toBe('已结束检查，全部整改销号后本轮完成');
    expect((await query())?.phase).toBe('rectifying');
    expect((await handle().describe()).status.name).toBe('RUNNING');

    // 督查室 withdraws the two open 整改 items (e.g. merged into the county list); the round then completes.
    for (const id of [`${ROUND}-ZG2`, `${ROUND}-ZG3`]) {
      await stack.system.client.workflow.getHandle(id).executeUpdate(itemUpdates.cancel, {
        args: [{ actorId: ORGANIZER, command: { type: 'cancel', reason: '已并入全县整改清单统一督办' } }],
      });
    }
    const result = await handle().result();
    expect(result.report.totals).toMatchObject({ findings: 3, done: 1, open: 0, cancelled: 2 });
    const finals = await eventually('the final report card', () =>
      cardsOf(stack.sim, ORGANIZER).filter((m) => cardText(m).includes('本轮交叉检查完成')),
    );
    expect(finals.length).toBeGreaterThan(0);
    const trail = (await listRoundEvents(stack.db.db, ROUND)).map((e) => [e.type, e.actor_id]);
    expect(trail).toEqual([
      ['started', ORGANIZER],
      ['finding_recorded', lead],
      ['rectification_closed', lead],
      ['finding_recorded', ORGANIZER],
      ['finding_recorded', ORGANIZER],
      ['checking_closed', ORGANIZER],
      ['rectification_withdrawn', ORGANIZER],
      ['rectification_withdrawn', ORGANIZER],
      ['round_closed', 'system'],
    ]);
    expect(stack.sim.rateLimitViolations()).toEqual([]);

    // The recorded history replays against the current workflow code (determinism).
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: inject('workflowBundlePath') } },
      await handle().fetchHistory(),
      crosscheckWorkflowId(ROUND),
    );
  });
});
