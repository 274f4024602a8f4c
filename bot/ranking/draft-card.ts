import { monthLabel, PHASE_LABELS, type Ranking, type RankingRun } from '../../domain/ranking/index.js';
import { button, type Card, type CardElement, card, form, header, hr, input, markdown } from '../cards/elements.js';
import { listLines, RANKING_FIELDS, rankingValue, unrankedLine, whenLabel } from './card-common.js';

/** The leading group's cards: the draft (kept current), the approval request, and 督查室's send-back notice. */

export interface RunCardInput {
  run: RankingRun;
  ranking: Ranking;
  names: Record<string, string>;
}

const nameOf = (i: RunCardInput, id: string) => i.names[id] ?? id;

function listsBlock(ranking: Ranking): CardElement[] {
  const unranked = unrankedLine(ranking);
  const blocks = [
    markdown(`**参评村（社区）**：${ranking.selection.standings.length} 个${unranked ? `\n${unranked}` : ''}`),
    markdown(`**<font color='red'>红榜（${ranking.selection.red.length}）</font>**\n${listLines(ranking, 'red')}`),
    markdown(`**黑榜（${ranking.selection.black.length}）**\n${listLines(ranking, 'black')}`),
  ];
  if (ranking.selection.exited.length) {
    blocks.push(markdown(`**本月出榜（${ranking.selection.exited.length}）**\n${listLines(ranking, 'exited')}`));
  }
  return blocks;
}

function appealsLine(run: RankingRun): string {
  const count = (s: string) => run.appeals.filter((a) => a.status === s).length;
  return `**申诉**：截止 ${whenLabel(run.appealsCloseAt)}；已收到 ${run.appeals.length} 件（采纳 ${count('accepted')}、驳回 ${count('rejected')}、待审核 ${count('pending')}）`;
}

export function rankingDraftCard(i: RunCardInput): Card {
  const { run, ranking } = i;
  const published = run.phase === 'published' || run.phase === 'skipped';
  const elements = [
    ...listsBlock(ranking),
    hr(),
    markdown(appealsLine(run)),
    markdown(
      published
        ? `已于 ${whenLabel(run.publication?.publishedAt ?? run.draft.computedAt)} 在全县工作群发布。`
        : `各村（社区）得分明细已分别发给村（社区）书记，申诉期内可对具体得分项提出申诉，由县委督查室审核。第 ${run.draft.round} 次计算，${whenLabel(run.draft.computedAt)}。`,
    ),
  ];
  const color = published ? 'green' : run.phase === 'sent_back' ? 'grey' : 'orange';
  return card(
    header(`${monthLabel(run.month)}${run.ruleTitle}（${published ? '已发布' : '草稿'}）`, subtitle(run), color),
    elements,
    `${monthLabel(run.month)}红黑榜${PHASE_LABELS[run.phase]}`,
  );
}

function subtitle(run: RankingRun): string {
  return `${PHASE_LABELS[run.phase]} · 评分规则 ${run.rule.name} 第 ${run.rule.version} 版`;
}

/** Sent to the leading group's chat when the appeals are settled; the listed villages' texts are what will be published. */
export function rankingApprovalCard(i: RunCardInput): Card {
  const { run, ranking } = i;
  const decision = run.decisions.find((d) => d.round === run.approvalRound);
  const texts = [...ranking.selection.red, ...ranking.selection.black, ...ranking.selection.exited]
    .map((s) => `- ${ranking.texts[s.villageId] ?? s.name}`)
    .join('\n');
  const elements: CardElement[] = [...listsBlock(ranking), markdown(`**拟发布通报**\n${texts || '（无）'}`), hr()];
  elements.push(markdown(appealsLine(run)));
  if (decision) {
    elements.push(
      markdown(
        decision.approved
          ? `**${nameOf(i, decision.by)}** 已于 ${whenLabel(decision.at)} 批准发布。`
          : `**${nameOf(i, decision.by)}** 已于 ${whenLabel(decision.at)} 退回修改：${decision.reason ?? ''}`,
      ),
    );
  } else if (run.phase === 'approval') {
    const value = rankingValue('approve', { wf: run.workflowId, round: run.approvalRound });
    elements.push(
      markdown(`请县委书记或分管县领导审定。批准后将在全县工作群发布，并为黑榜村交办整改事项。`),
      form('ranking_approval', [
        input(RANKING_FIELDS.sendBackReason, '退回理由（退回修改时填写）', '例如：请核实凤岗村污水项检查结果', {
          multiline: true,
        }),
        button('批准发布', value, { type: 'primary_filled', submit: { name: 'approve' } }),
        button('退回修改', rankingValue('send_back', { wf: run.workflowId, round: run.approvalRound }), {
          type: 'danger',
          submit: { name: 'send_back' },
        }),
      ]),
    );
  }
  return card(
    header(`请审定：${monthLabel(run.month)}${run.ruleTitle}`, subtitle(run), decision?.approved ? 'green' : 'red'),
    elements,
    `请审定${monthLabel(run.month)}红黑榜`,
  );
}

/** To 督查室 when the leading group sends the draft back: the reason, and a button to recompute and resubmit. */
export function rankingRevisionCard(i: RunCardInput): Card {
  const { run } = i;
  const sentBack = [...run.decisions].reverse().find((d) => !d.approved);
  const elements: CardElement[] = [
    markdown(
      sentBack
        ? `**${nameOf(i, sentBack.by)}** 于 ${whenLabel(sentBack.at)} 退回修改：${sentBack.reason ?? ''}`
        : '红黑榜已退回修改。',
    ),
    markdown('请核实有关数据（可重新录入或导入检查结果）后重新计算，再提交领导小组审定。'),
  ];
  if (run.phase === 'sent_back') {
    elements.push(
      button('重新计算并提交审定', rankingValue('resubmit', { wf: run.workflowId }), { type: 'primary_filled' }),
    );
  } else {
    elements.push(markdown(`已重新提交审定（第 ${run.draft.round} 次计算）。`));
  }
  return card(header(`${monthLabel(run.month)}红黑榜退回修改`, subtitle(run), 'orange'), elements, '红黑榜退回修改');
}
