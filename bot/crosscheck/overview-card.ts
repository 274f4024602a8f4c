import { type CrosscheckRound, PHASE_LABELS } from '../../domain/crosscheck/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { button, type Card, type CardElement, card, header, hr, markdown } from '../cards/elements.js';
import { crosscheckValue, findingCounts, personName } from './card-common.js';

/**
 * The organizer's (督查室) card for a round: which team inspects which township (never its own), how far each
 * team has got, and the buttons to end the entry of findings and to get the report.
 */
export function overviewCard(round: CrosscheckRound): Card {
  const rows = round.teams.map((t) => {
    const lines = round.lines.filter((l) => l.teamNo === t.no).length;
    const state = t.doneAt ? '检查完毕' : round.phase === 'checking' ? '检查中' : '已结束登记';
    const counts = findingCounts(round.findings.filter((f) => f.teamNo === t.no));
    return `第 ${t.no} 组　${t.fromName} → **${t.inspectsName}**（组长 ${personName(round, t.leadId)}）｜清单 ${lines} 项｜${counts}｜${state}`;
  });
  const elements: CardElement[] = [
    markdown(
      [
        `**组织人**：${personName(round, round.organizerId)}　**开始**：${localDate(round.startedAt)}`,
        `**状态**：${PHASE_LABELS[round.phase]}；全部 ${findingCounts(round.findings)}`,
        '各组只检查其他乡镇（街道），不检查本乡镇，也不与被检乡镇互查。',
      ].join('\n'),
    ),
    hr(),
    markdown(rows.join('\n')),
    hr(),
  ];
  if (round.phase === 'checking') {
    elements.push(
      button('结束检查', crosscheckValue(round.id, 'close_checking', 'organizer'), {
        type: 'danger',
        confirm: { title: '结束检查', text: '结束后各组不能再登记问题，本轮在全部整改销号后完成。确认？' },
      }),
    );
  }
  elements.push(button('查看检查报告', crosscheckValue(round.id, 'report', 'organizer'), { type: 'primary' }));
  const color = round.phase === 'closed' ? 'green' : round.phase === 'rectifying' ? 'orange' : 'blue';
  return card(
    header(`交叉检查：${round.title}`, `${round.teams.length} 个检查组 · ${PHASE_LABELS[round.phase]}`, color),
    elements,
    `交叉检查｜${round.title}`,
  );
}
