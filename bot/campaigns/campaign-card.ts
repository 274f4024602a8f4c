import type { CampaignRollup, CampaignStatus, LaggingUnit } from '../../domain/campaigns/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type Card, type CardColor, card, columns, header, hr, markdown } from '../cards/elements.js';

export interface CampaignCardInput {
  campaignId: string;
  title: string;
  /** How the target reads: '全县行政村（社区）'. */
  targetText: string;
  dueAt: string;
  status: CampaignStatus;
  closeReason?: string | null;
  rollup: CampaignRollup;
  now: string;
}

/** How many lagging units the card names; the rest are counted. */
const LAGGING_SHOWN = 10;

/**
 * The issuer's one card for a whole campaign, patched as units act: how many units have 签收, are working, are
 * done or overdue, with a progress bar and the units lagging behind. It replaces the card per unit an issuer would
 * otherwise hold.
 */
export function campaignCard(input: CampaignCardInput): Card {
  const { rollup: r } = input;
  const elements = [
    markdown(
      [
        `**编号**：${input.campaignId}`,
        `**督办对象**：${input.targetText}（${r.total} 个单位）`,
        `**办结期限**：${localDate(input.dueAt)}`,
        input.status === 'withdrawn' && input.closeReason ? `**撤回理由**：${input.closeReason}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    hr(),
    markdown(`**办结进度** ${progressBar(r.done, r.total)} ${r.done}/${r.total}`),
    columns([
      [stat('已签收', r.signed, r.total)],
      [stat('办理中', r.inProgress + r.submitted, r.total)],
      [stat('已办结', r.done, r.total)],
      [stat('逾期', r.overdue, r.total, r.overdue > 0 ? 'red' : undefined)],
    ]),
    markdown(
      [
        `待签收 ${r.waitingSign}　待审核 ${r.submitted}${r.cancelled ? `　已撤销 ${r.cancelled}` : ''}`,
        r.dispatched < r.total ? `正在交办：${r.dispatched}/${r.total}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    ),
    ...laggingSection(r.lagging),
    markdown(
      `<font color='grey'>各单位办理情况每隔几分钟汇总更新一次；截至 ${input.now.slice(0, 16).replace('T', ' ')}</font>`,
    ),
  ];
  return card(
    header(input.title, `督办活动 · ${statusText(input.status, r)}`, color(input.status, r)),
    elements,
    `督办活动：${input.title}（已办结 ${r.done}/${r.total}）`,
  );
}

/** A text progress bar, which renders the same in every Lark client: ▇▇▇▇░░░░░░ 40%. */
export function progressBar(done: number, total: number, width = 10): string {
  const ratio = total > 0 ? done / total : 0;
  const filled = Math.round(ratio * width);
  return `${'▇'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.round(ratio * 100)}%`;
}

function stat(label: string, n: number, total: number, fontColor?: 'red') {
  const value = fontColor ? `<font color='${fontColor}'>${n}</font>` : String(n);
  return markdown(`${label}\n**${value}** / ${total}`);
}

function laggingSection(lagging: LaggingUnit[]) {
  if (lagging.length === 0) return [];
  const lines = lagging
    .slice(0, LAGGING_SHOWN)
    .map((l) =>
      l.reason === 'overdue'
        ? `- ${l.unitName}：逾期未办结（期限 ${localDate(l.since)}）`
        : `- ${l.unitName}：超时未签收（签收期限 ${localDate(l.since)}）`,
    );
  if (lagging.length > LAGGING_SHOWN) lines.push(`- 另有 ${lagging.length - LAGGING_SHOWN} 个单位`);
  return [hr(), markdown(`**滞后单位**（${lagging.length}）\n${lines.join('\n')}`)];
}

function statusText(status: CampaignStatus, r: CampaignRollup): string {
  if (status === 'withdrawn') return '已撤回';
  if (status === 'done') return '全部办结';
  return r.overdue > 0 ? `进行中 · ${r.overdue} 个单位逾期` : '进行中';
}

function color(status: CampaignStatus, r: CampaignRollup): CardColor {
  if (status === 'withdrawn') return 'grey';
  if (status === 'done') return 'green';
  return r.overdue > 0 ? 'red' : 'blue';
}
