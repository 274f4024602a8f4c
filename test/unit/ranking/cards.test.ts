import { describe, expect, it } from 'vitest';
import { renderRankingChart } from '../../../bot/ranking/chart.js';
import { rankingApprovalCard, rankingDraftCard, rankingRevisionCard } from '../../../bot/ranking/draft-card.js';
import { inspectionFormCard } from '../../../bot/ranking/inspection-card.js';
import { rankingPublishedCard } from '../../../bot/ranking/published-card.js';
import { rankingAppealCard, rankingVillageCard } from '../../../bot/ranking/village-card.js';
import {
  appealableLines,
  DEFAULT_RULE_SET,
  NO_OVERRIDES,
  type Ranking,
  type RankingRun,
  rankMonth,
  type VillageInput,
} from '../../../domain/ranking/index.js';
import { checkCardContent } from '../../../larksim/cards.js';
import { fixtureVillages, MONTH } from './fixture-month.js';

const ranking = rankMonth(MONTH, fixtureVillages(), DEFAULT_RULE_SET, {}, NO_OVERRIDES);

function run(over: Partial<RankingRun> = {}): RankingRun {
  return {
    month: MONTH,
    workflowId: 'ranking-2024-06',
    startedAt: '2024-07-03T09:00:00+08:00',
    requestedBy: 'system:schedule',
    rule: { name: 'renju-monthly', version: 1 },
    ruleTitle: DEFAULT_RULE_SET.title,
    phase: 'appeal',
    chats: { leading: 'oc_l', county: 'oc_c' },
    roster: {
      villageLeaders: { 'yangqiao-v3': ['p-yangqiao-v3-secretary'] },
      supervisors: ['p-ducha-head', 'p-ducha-staff'],
      approvers: ['p-county-secretary', 'p-vice-agri'],
    },
    draft: {
      snapshotId: '1',
      round: 1,
      computedAt: '2024-07-03T09:00:05+08:00',
      red: [],
      black: [],
      exited: [],
      unranked: [],
      ranked: 19,
    },
    appealable: appealableLines(ranking.scores),
    appealsCloseAt: '2024-07-08T18:00:00+08:00',
    appeals: [],
    approvalRound: 0,
    decisions: [],
    rectifications: [],
    ...over,
  };
}

/** The simulator's checks are Lark's: JSON 2.0 shape, ≤ 200 components, ≤ 30 KB. */
function valid(card: object): string {
  const content = JSON.stringify(card);
  const check = checkCardContent(content, () => true);
  expect(check.ok ? 'ok' : check.msg).toBe('ok');
  return content;
}

const fg = ranking.scores.find((s) => s.villageId === 'yangqiao-v3')!;
const fgStanding = ranking.selection.standings.find((s) => s.villageId === 'yangqiao-v3')!;

describe('ranking cards', () => {
  it('show a village its own lines, and offer only contestable lines while the window is open', () => {
    const open = valid(
      rankingVillageCard({ run: run(), score: fg, standing: fgStanding, list: 'black', scope: 'county' }),
    );
    expect(open).toContain('草稿排名：全县第 17 名（共 19 个），拟列入黑榜');
    expect(open).toContain('逾期未办结 **-2.0**：《凤岗村生活污水管网接户》期限6月21日，月末仍未办结');
    const options = JSON.parse(open).body.elements.find((e: { tag: string }) => e.tag === 'form').elements[0].options;
    expect(options.map((o: { value: string }) => o.value)).toEqual(Object.keys(run().appealable['yangqiao-v3']!));
    const closed = valid(
      rankingVillageCard({
        run: run({ phase: 'review' }),
        score: fg,
        standing: fgStanding,
        list: 'black',
        scope: 'county',
      }),
    );
    expect(closed).not.toContain('提交申诉');
    expect(closed).toContain('申诉期已于 7月8日 18:00 结束');
  });

  it('put the approval buttons, with their round, only on a pending approval request', () => {
    const pending = valid(
      rankingApprovalCard({ run: run({ phase: 'approval', approvalRound: 2 }), ranking, names: {} }),
    );
    expect(pending).toContain('"act":"approve","wf":"ranking-2024-06","round":2');
    expect(pending).toContain('小街镇墩白村 50.4 分，列全县第 19 名');
    const decided = run({
      phase: 'published',
      approvalRound: 2,
      decisions: [{ round: 2, by: 'p-county-secretary', at: '2024-07-09T10:00:00+08:00', approved: true }],
    });
    const done = valid(rankingApprovalCard({ run: decided, ranking, names: { 'p-county-secretary': '李书记' } }));
    expect(done).toContain('**李书记** 已于 7月9日 10:00 批准发布');
    expect(done).not.toContain('"act":"approve"');
    valid(rankingDraftCard({ run: decided, ranking, names: {} }));
    valid(rankingRevisionCard({ run: run({ phase: 'sent_back' }), ranking, names: {} }));
  });

  it('tell 督查室 what an appeal contests and what accepting it does', () => {
    const appeal = {
      id: 'ranking-2024-06:A1',
      villageId: 'yangqiao-v3',
      lineId: 'item:RH-T-FG-2:overdue',
      lineText: '逾期未办结 -2.0：《凤岗村生活污水管网接户》期限6月21日，月末仍未办结',
      target: { kind: 'item' as const, id: 'RH-T-FG-2' },
      reason: '已报备暂缓',
      appellantId: 'p-yangqiao-v3-secretary',
      filedAt: '2024-07-04T10:00:00+08:00',
      status: 'pending' as const,
    };
    const card = valid(
      rankingAppealCard({ run: run({ appeals: [appeal] }), appeal, villageName: '杨桥街道凤岗村', names: {} }),
    );
    expect(card).toContain('采纳后该事项不计入本月考核');
    expect(card).toContain('"act":"accept","wf":"ranking-2024-06","appeal":"ranking-2024-06:A1"');
  });

  it('fit a county of 74 villages into one published card and one draft card', () => {
    const many: VillageInput[] = Array.from({ length: 74 }, (_, i) => {
      const v = fixtureVillages()[i % 21]!;
      return {
        ...v,
        villageId: `${v.villageId}-${i}`,
        name: `${v.name}${i}`,
        townshipId: `t${i % 12}`,
        inspections: v.inspections.map((x) => ({ ...x, id: `${x.id}-${i}` })),
      };
    });
    const big: Ranking = rankMonth(
      MONTH,
      many,
      {
        ...DEFAULT_RULE_SET,
        lists: { scope: 'township', red: { size: 2, minScore: 85 }, black: { size: 1, belowScore: 75 } },
      },
      {},
      NO_OVERRIDES,
    );
    const published = valid(
      rankingPublishedCard({
        county: '嵩明县',
        title: '红黑榜',
        ranking: big,
        imageKey: 'img_x',
        rectifyBy: '2024-07-22T18:00:00+08:00',
        appeals: { total: 0, accepted: 0 },
      }),
    );
    expect(Buffer.byteLength(published)).toBeLessThan(30 * 1024);
    valid(rankingDraftCard({ run: run(), ranking: big, names: {} }));
    valid(
      inspectionFormCard({
        month: MONTH,
        today: '2024-07-01',
        villages: many.map((v) => ({ id: v.villageId, name: v.name })),
        dimensions: DEFAULT_RULE_SET.dimensions,
      }),
    );
  });

  it('draw the chart as a PNG the width of the card image, one bar per ranked village', async () => {
    const png = await renderRankingChart(ranking, { redMin: 85, blackBelow: 75 });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 130 + 19 * 34]);
  });
});
