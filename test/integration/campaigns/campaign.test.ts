import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoOpenId, TOWNSHIPS } from '../../../app/demo/county.js';
import { findCampaign, listCampaignEvents } from '../../../db/campaigns/campaigns.js';
import { upsertPeople, upsertUnits } from '../../../db/org/org.js';
import { loadConfig } from '../../../platform/config.js';
import { type CampaignRequest, startCampaign } from '../../../services/campaigns/campaign-service.js';
import { runCampaignCommand } from '../../../services/campaigns/cli-commands.js';
import type { CampaignResult } from '../../../workflows/campaigns/campaign.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { dateFromToday } from '../../support/live-items.js';
import { cardsOf, cardText, clickButton, eventually, type Stack, startStack } from '../../support/stack.js';

const ISSUER = 'p-ducha-head';
const REVIEWER = 'p-ducha-staff';
const VILLAGES = TOWNSHIPS.flatMap((t) => t.villages.map((_, i) => `${t.id}-v${i + 1}`));
/** Look at the ledger often, so the roll-up follows clicks within seconds. */
const POLL = { minMs: 300, maxMs: 1_500 };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

function start(req: Omit<CampaignRequest, 'poll'>) {
  return startCampaign(stack.system.client, stack.taskQueue, stack.db.db, { ...req, poll: POLL });
}

/** The person's cards of one campaign (item cards show the item id, the roll-up card the campaign id). */
function campaignCards(personId: string, campaignId: string) {
  return cardsOf(stack.sim, personId).filter((m) => cardText(m).includes(campaignId));
}

function rollupCard(campaignId: string) {
  return campaignCards(ISSUER, campaignId)[0];
}

function rollupShows(campaignId: string, ...parts: string[]): boolean {
  const card = rollupCard(campaignId);
  const text = card ? cardText(stack.sim.message(card.messageId) ?? card) : '';
  return parts.every((p) => text.includes(p));
}

/** Most sends to one key inside any sliding window of `windowMs`, from the simulator's request log. */
function peak(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j += 1) {
    while (sorted[j]! - sorted[i]! >= windowMs) i += 1;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

function assertLimitsRespected(): void {
  const { sim } = stack;
  // Every limit the simulator saw exceeded was answered as Lark answers it; none went through.
  const refusedRequests = sim.requests().filter((r) => !r.fault && (r.status === 429 || r.code === 230020));
  const violations = sim.rateLimitViolations();
  for (const v of violations) {
    expect(v.httpStatus === 429 ? v.code === 99991400 : v.code === 230020).toBe(true);
  }
  expect(refusedRequests).toHaveLength(violations.length);
  // And the pacing kept sends under 50 a second for the app (the 429s in these tests are injected ones).
  const sends = sim.requests({ path: '/open-apis/im/v1/messages' }).filter((r) => r.method === 'POST' && !r.fault);
  expect(
    peak(
      sends.map((r) => r.at),
      1_000,
    ),
  ).toBeLessThanOrEqual(50);
  expect(violations.filter((v) => v.scope === 'app-qps' || v.scope === 'app-qpm')).toEqual([]);
}

describe('a campaign to every village of the demo county', () => {
  let campaignId = '';

  it('dispatches one item per village: each unit gets exactly one card, the issuer one roll-up card', async () => {
    const r = await start({
      title: '防返贫动态监测集中排查',
      description: '按年人均纯收入 9500 元监测标准线，对脱贫户、监测户和突发严重困难户开展一次集中排查，报送排查结果。',
      target: 'villages',
      dueWorkdays: 5,
      urgency: 'important',
    });
    if (!r.ok) throw new Error(r.message);
    campaignId = r.campaignId;
    expect(r.units).toBe(21);

    await eventually(
      'a card for every village',
      () => VILLAGES.every((v) => campaignCards(`p-${v}-cadre`, campaignId).length === 1),
      60_000,
    );
    await eventually('every unit dispatched on the roll-up', () => rollupShows(campaignId, '待签收 21'), 30_000);
    for (const v of VILLAGES) {
      expect(campaignCards(`p-${v}-cadre`, campaignId)).toHaveLength(1);
      expect(campaignCards(`p-${v}-secretary`, campaignId)).toHaveLength(0); // L1, not paged at dispatch
    }
    // The issuer holds one card for the whole campaign, not 21.
    expect(cardsOf(stack.sim, ISSUER)).toHaveLength(1);
    expect(cardText(rollupCard(campaignId)!)).toContain('全县行政村（社区）（21 个单位）');
    const units = await stack.db.db
      .selectFrom('campaign_units')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(units).toHaveLength(21);
    const items = await stack.db.db
      .selectFrom('items')
      .select(['id', 'status', 'state'])
      .where('id', 'like', `${campaignId}-%`)
      .execute();
    expect(items).toHaveLength(21);
    expect(items.every((i) => i.state.spec.campaignId === campaignId && i.state.spec.policy)).toBe(true);
    assertLimitsRespected();
  });

  it('follows the units as they act, on the same card, patched', async () => {
    const { sim } = stack;
    const signers = ['xiaojie-v1', 'yanglin-v1', 'niulanjiang-v1'];
    for (const v of signers) {
      const card = campaignCards(`p-${v}-cadre`, campaignId)[0]!;
      const res = await clickButton(sim, card, `p-${v}-cadre`, '签收', { committed_date: dateFromToday(1) });
      expect(res.toast?.content).toBe('签收成功');
    }
    await eventually('three 签收 on the roll-up', () => rollupShows(campaignId, '已签收\\n**3** / 21', '待签收 18'));

    const todo = campaignCards('p-xiaojie-v1-cadre', campaignId)[0]!;
    await clickButton(sim, todo, 'p-xiaojie-v1-cadre', '提交办结', {
      result: '排查 126 户，新发现风险户 2 户，已提请纳入监测',
    });
    await eventually('one 待审核', () => rollupShows(campaignId, '待审核 1'));
    const review = await eventually('the review card', () => campaignCards(REVIEWER, campaignId)[0]);
    expect((await clickButton(sim, review, REVIEWER, '审核通过')).toast?.content).toBe('审核通过成功');
    await eventually('one 办结', () =>
      rollupShows(campaignId, '已办结\\n**1** / 21', '办理中\\n**2** / 21', '已签收\\n**3** / 21', '1/21'),
    );

    const card = sim.message(rollupCard(campaignId)!.messageId)!;
    expect(cardsOf(sim, ISSUER)).toHaveLength(1);
    expect(card.updatedCount).toBeGreaterThanOrEqual(3);
    expect(sim.deliveries().filter((d) => d.kind === 'patch' && d.messageId === card.messageId).length).toBe(
      card.updatedCount,
    );
    const events = await listCampaignEvents(stack.db.db, campaignId);
    expect(events[0]).toMatchObject({ type: 'dispatched', actor_id: ISSUER });
    assertLimitsRespected();
  });

  it('shows on the dashboard’s 专项台账: the issuer the whole campaign, a township leader its own villages', async () => {
    const cells = async (personId: string) => {
      const cookie = await loginCookie(stack.dashboardUrl, personId);
      const page = await (await getAs(stack.dashboardUrl, cookie, '/ledgers')).text();
      const row = page.slice(page.indexOf(`data-campaign="${campaignId}"`));
      const cell = (k: string) => Number(new RegExp(`data-k="${k}">(\\d+)<`).exec(row)?.[1]);
      return { total: cell('total'), signed: cell('signed'), done: cell('done'), overdue: cell('overdue') };
    };
    expect(await cells(ISSUER)).toEqual({ total: 21, signed: 3, done: 1, overdue: 0 });
    // 小街镇's three villages, of which 匡郎村 signed and finished.
    expect(await cells('p-xiaojie-secretary')).toEqual({ total: 3, signed: 1, done: 1, overdue: 0 });
  });
});

describe('a larger campaign: 74 villages, with Lark answering 429 along the way', () => {
  it('still gives every unit exactly one card, backing off on 429 as the reset header says', async () => {
    const extra = await addVillages(53);
    const { sim } = stack;
    const before = sim.requests().length;
    sim.injectFault({ path: /\/im\/v1\/messages$/, kind: 'http429', times: 6, resetSeconds: 1 });
    const r = await start({ title: '农村低收入人口动态监测信息核查', target: 'villages', dueWorkdays: 10 });
    if (!r.ok) throw new Error(r.message);
    expect(r.units).toBe(74);
    const all = [...VILLAGES, ...extra];
    await eventually(
      'a card for each of the 74 villages',
      () => all.every((v) => campaignCards(`p-${v}-cadre`, r.campaignId).length === 1),
      120_000,
    );
    await eventually('all 74 on the roll-up', () => rollupShows(r.campaignId, '待签收 74'), 30_000);
    const injected = sim
      .requests()
      .slice(before)
      .filter((x) => x.fault === 'http429');
    expect(injected).toHaveLength(6);
    for (const v of all) expect(campaignCards(`p-${v}-cadre`, r.campaignId)).toHaveLength(1);
    expect(campaignCards(ISSUER, r.campaignId)).toHaveLength(1);
    assertLimitsRespected();
  }, 180_000);
});

describe('closing a campaign', () => {
  it('ends by itself when every unit’s item is 办结, with a green card', async () => {
    const { sim } = stack;
    const r = await start({ title: '衔接资金项目月度支出进度报送', target: 'units:nongye,shuiwu', dueWorkdays: 3 });
    if (!r.ok) throw new Error(r.message);
    for (const dept of ['nongye', 'shuiwu']) {
      const who = `p-${dept}-staff`;
      const card = await eventually(`${dept} card`, () => campaignCards(who, r.campaignId)[0]);
      await clickButton(sim, card, who, '签收', { committed_date: dateFromToday(1) });
      await clickButton(sim, card, who, '提交办结', { result: '已报送' });
      const review = await eventually(`${dept} review card`, () =>
        campaignCards(REVIEWER, r.campaignId).find((m) => cardText(m).includes(`${r.campaignId}-${dept}`)),
      );
      await clickButton(sim, review, REVIEWER, '审核通过');
    }
    const result = (await stack.system.client.workflow.getHandle(r.campaignId).result()) as CampaignResult;
    expect(result).toEqual({ campaignId: r.campaignId, status: 'done', total: 2, closed: 2 });
    expect((rollupCard(r.campaignId)!.card as { header: { template: string } }).header.template).toBe('green');
    expect((await findCampaign(stack.db.db, r.campaignId))?.status).toBe('done');
  });

  it('is withdrawn by its issuer from the CLI: open items are cancelled, with the reason on record', async () => {
    const config = loadConfig({}, { TEMPORAL_ADDRESS: inject('temporalAddress'), DUBAN_TASK_QUEUE: stack.taskQueue });
    const out = capture();
    const code = await runCampaignCommand(
      stack.db.db,
      config,
      'campaign',
      ['乡镇半年工作总结报送', 'townships', '5'],
      out,
    );
    expect(out.err()).toBe('');
    expect(code).toBe(0);
    const campaignId = /已交办督办活动 (CP-\S+)：7 个单位/.exec(out.text())?.[1];
    if (!campaignId) throw new Error(out.text());
    await eventually('7 township cards', () =>
      TOWNSHIPS.every((t) => campaignCards(`p-${t.id}-staff`, campaignId).length === 1),
    );

    const refused = capture();
    expect(
      await runCampaignCommand(
        stack.db.db,
        config,
        'campaign-withdraw',
        [campaignId, '重复交办', '--actor', REVIEWER],
        refused,
      ),
    ).toBe(1);
    expect(refused.err()).toContain('只有交办人可以撤回督办活动');
    const bad = capture();
    expect(await runCampaignCommand(stack.db.db, config, 'campaign', ['标题', 'everyone', '5'], bad)).toBe(1);
    expect(bad.err()).toContain('无法识别的督办对象');

    const ok = capture();
    const reason = '与半月研判重复，并入研判材料';
    expect(
      await runCampaignCommand(stack.db.db, config, 'campaign-withdraw', [campaignId, reason, '--actor', ISSUER], ok),
    ).toBe(0);
    const result = (await stack.system.client.workflow.getHandle(campaignId).result()) as CampaignResult;
    expect(result).toMatchObject({ status: 'withdrawn', total: 7, closed: 7 });
    const items = await stack.db.db
      .selectFrom('items')
      .select(['status', 'state'])
      .where('id', 'like', `${campaignId}-%`)
      .execute();
    expect(items.map((i) => i.status)).toEqual(Array(7).fill('cancelled'));
    expect(items[0]?.state.closeReason).toBe(`督办活动撤回：${reason}`);
    expect(rollupShows(campaignId, '已撤回', reason, '已撤销 7')).toBe(true);
    const events = await listCampaignEvents(stack.db.db, campaignId);
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['dispatched', ISSUER],
      ['withdraw_requested', ISSUER],
      ['closed', ISSUER],
    ]);
    expect(events[1]?.payload).toEqual({ reason });
  });
});

/** Extra villages (and their people, in the database and the simulator) to reach the county's real count. */
async function addVillages(n: number): Promise<string[]> {
  const units = Array.from({ length: n }, (_, i) => {
    const town = TOWNSHIPS[i % TOWNSHIPS.length]!;
    return { id: `${town.id}-v${4 + Math.floor(i / TOWNSHIPS.length)}`, town };
  });
  await upsertUnits(
    stack.db.db,
    units.map((u) => ({
      id: u.id,
      name: `${u.town.name}试点${u.id.split('-v')[1]}村`,
      kind: 'village' as const,
      parent_id: u.town.id,
      domain: null,
      lark_department_id: null,
    })),
  );
  const people = units.flatMap((u) =>
    (['secretary', 'cadre'] as const).map((role) => ({
      id: `p-${u.id}-${role}`,
      name: `${u.id}${role === 'cadre' ? '副主任' : '书记'}`,
      open_id: demoOpenId(`p-${u.id}-${role}`),
      mobile: null,
      unit_id: u.id,
      title: role === 'cadre' ? '村委会副主任' : '村党总支书记',
      role: role === 'cadre' ? ('staff' as const) : ('leader' as const),
    })),
  );
  await upsertPeople(
    stack.db.db,
    people.map(({ role: _, ...p }) => p),
  );
  await stack.db.db
    .insertInto('posts')
    .values(people.map((p) => ({ unit_id: p.unit_id, person_id: p.id, role: p.role, title: p.title })))
    .execute();
  stack.sim.upsertUsers(people.map((p) => ({ openId: p.open_id, name: p.name })));
  return units.map((u) => u.id);
}

function capture() {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    text: () => out,
    err: () => err,
  };
}
