import {
  type Appeal,
  monthLabel,
  pts,
  type RankingRun,
  type ScoreLine,
  type Standing,
  signedPts,
  type VillageScore,
} from '../../domain/ranking/index.js';
import {
  button,
  type Card,
  type CardElement,
  card,
  form,
  header,
  hr,
  input,
  markdown,
  selectStatic,
} from '../cards/elements.js';
import { place, RANKING_FIELDS, rankingValue, whenLabel } from './card-common.js';

export interface VillageCardInput {
  run: RankingRun;
  score: VillageScore;
  standing: Standing;
  list: 'red' | 'black' | 'exited' | undefined;
  scope: 'county' | 'township';
}

const APPEAL_STATUS: Record<Appeal['status'], string> = {
  pending: '待督查室审核',
  accepted: '已采纳',
  rejected: '已驳回',
};
const LIST_TEXT = { red: '拟列入红榜', black: '拟列入黑榜', exited: '拟移出黑榜' };

export function lineText(l: ScoreLine): string {
  const max = l.maxTenths !== undefined ? ` / ${pts(l.maxTenths)}` : '';
  return `${l.label} **${signedPts(l.tenths)}**${max}：${l.detail}`;
}

/** A short option label for the appeal picker (Lark shows one line). */
function optionText(l: ScoreLine): string {
  const text = `${l.label} ${signedPts(l.tenths)}：${l.detail}`;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/**
 * To a village's leader: the village's own score line by line, and during the appeal window a form to contest one
 * line with a reason. Each line names the inspection or item behind it.
 */
export function rankingVillageCard(i: VillageCardInput): Card {
  const { run, score, standing } = i;
  const appeals = run.appeals.filter((a) => a.villageId === score.villageId);
  const status = i.list ? `，${LIST_TEXT[i.list]}` : '';
  const elements: CardElement[] = [
    markdown(`**得分 ${pts(score.tenths)} 分**　草稿排名：${place(standing, i.scope)}${status}`),
    markdown(score.lines.map((l, n) => `${n + 1}. ${lineText(l)}`).join('\n')),
  ];
  if (!score.ranked)
    elements.push(
      markdown(`<font color='grey'>缺少${score.facts.missingDimensions.join('、')}检查数据，本月不参与排名。</font>`),
    );
  if (appeals.length) {
    elements.push(
      hr(),
      markdown(
        appeals
          .map((a) => {
            const note = a.note ? `（${a.note}）` : '';
            return `申诉「${a.lineText}」：${a.reason} — **${APPEAL_STATUS[a.status]}**${note}`;
          })
          .join('\n'),
      ),
    );
  }
  const open = run.phase === 'appeal';
  const contestable = score.lines.filter(
    (l) => run.appealable[score.villageId]?.[l.id] && !appeals.some((a) => a.lineId === l.id),
  );
  if (open && contestable.length) {
    elements.push(
      hr(),
      markdown(`对得分有异议的，请于 **${whenLabel(run.appealsCloseAt)}** 前选择得分项并写明理由提出申诉。`),
      form('ranking_appeal', [
        selectStatic(
          RANKING_FIELDS.line,
          '选择有异议的得分项',
          contestable.map((l) => ({ text: optionText(l), value: l.id })),
          true,
        ),
        input(RANKING_FIELDS.reason, '申诉理由', '例如：该事项已于6月20日办结，系统未及时更新', {
          multiline: true,
          required: true,
        }),
        button('提交申诉', rankingValue('appeal', { wf: run.workflowId, village: score.villageId }), {
          type: 'primary_filled',
          submit: { name: 'file_appeal' },
        }),
      ]),
    );
  } else if (!open) {
    elements.push(markdown(`<font color='grey'>申诉期已于 ${whenLabel(run.appealsCloseAt)} 结束。</font>`));
  }
  return card(
    header(`${monthLabel(run.month)}红黑榜得分明细`, `${score.name} · 草稿`, i.list === 'black' ? 'red' : 'blue'),
    elements,
    `${score.name}${monthLabel(run.month)}得分 ${pts(score.tenths)}`,
  );
}

export interface AppealCardInput {
  run: RankingRun;
  appeal: Appeal;
  villageName: string;
  names: Record<string, string>;
}

/** To 督查室: one appeal, the line it contests, and accept / reject with a note. */
export function rankingAppealCard(i: AppealCardInput): Card {
  const { appeal, run } = i;
  const who = i.names[appeal.appellantId] ?? appeal.appellantId;
  const elements: CardElement[] = [
    markdown(`**申诉村（社区）**：${i.villageName}　**申诉人**：${who}（${whenLabel(appeal.filedAt)}）`),
    markdown(`**有异议的得分项**：${appeal.lineText}`),
    markdown(`**申诉理由**：${appeal.reason}`),
    markdown(
      appeal.target.kind === 'inspection'
        ? '采纳后该项检查作废，按缺少该项检查数据处理。'
        : '采纳后该事项不计入本月考核。',
    ),
  ];
  if (appeal.status === 'pending') {
    const value = (act: 'accept' | 'reject') => rankingValue(act, { wf: run.workflowId, appeal: appeal.id });
    elements.push(
      hr(),
      form('ranking_decision', [
        input(RANKING_FIELDS.note, '审核意见', '驳回时必填，例如：经核实，该事项确未按期办结', { multiline: true }),
        button('采纳申诉', value('accept'), { type: 'primary_filled', submit: { name: 'accept' } }),
        button('驳回申诉', value('reject'), { type: 'danger', submit: { name: 'reject' } }),
      ]),
    );
  } else {
    const by = appeal.decidedBy ? (i.names[appeal.decidedBy] ?? appeal.decidedBy) : '';
    const note = appeal.note ? `：${appeal.note}` : '';
    elements.push(markdown(`**${by}** ${appeal.status === 'accepted' ? '已采纳' : '已驳回'}${note}`));
  }
  return card(
    header(
      `红黑榜申诉：${i.villageName}`,
      `${monthLabel(run.month)} · ${APPEAL_STATUS[appeal.status]}`,
      appeal.status === 'pending' ? 'orange' : 'grey',
    ),
    elements,
    `${i.villageName}提出申诉`,
  );
}
