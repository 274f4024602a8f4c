import { dayLabel, describeDiff, monthLabel, pts, type Ranking, type RankingDiff } from '../../domain/ranking/index.js';
import { type Card, type CardElement, card, header, hr, markdown } from '../cards/elements.js';
import { listLines, unrankedLine } from './card-common.js';

export interface PublishedCardInput {
  county: string;
  title: string;
  ranking: Ranking;
  imageKey: string;
  /** When the black-list villages' rectification is due. */
  rectifyBy: string;
  appeals: { total: number; accepted: number };
  /** villageId → image_key of a problem photo, shown under black-list villages (问题曝光). */
  photos?: Record<string, string>;
}

function entries(ranking: Ranking, list: 'red' | 'black' | 'exited'): string {
  return ranking.selection[list].map((s, n) => `${n + 1}. ${ranking.texts[s.villageId] ?? s.name}`).join('\n');
}

/** Black-list villages one by one, each followed by its problem photo when the inspectors took one. */
function blackList(i: PublishedCardInput): CardElement[] {
  const { black } = i.ranking.selection;
  if (black.length === 0) return [markdown('**黑榜（0 个）**\n本月无村（社区）列入黑榜。')];
  return [
    markdown(`**黑榜（${black.length} 个）**`),
    ...black.flatMap((b, n) => {
      const photo = i.photos?.[b.villageId];
      return [
        // One element per village (a photo may follow), so no markdown list: it would restart at 1 each time.
        markdown(`（${n + 1}）${i.ranking.texts[b.villageId] ?? b.name}`),
        ...(photo
          ? [
              {
                tag: 'img',
                img_key: photo,
                alt: { tag: 'plain_text', content: `${b.name}问题照片` },
                preview: true,
                scale_type: 'fit_horizontal',
              },
            ]
          : []),
      ];
    }),
  ];
}

/** The list as published to the county work chat: chart, and each listed village with its own short text. */
export function rankingPublishedCard(i: PublishedCardInput): Card {
  const { ranking } = i;
  const month = monthLabel(ranking.month);
  const { red, black, exited } = ranking.selection;
  const elements: CardElement[] = [
    {
      tag: 'img',
      img_key: i.imageKey,
      alt: { tag: 'plain_text', content: `${month}各村（社区）得分图` },
      preview: true,
    },
    markdown(
      `**<font color='red'>红榜（${red.length} 个）</font>**\n${red.length ? entries(ranking, 'red') : '本月无村（社区）达到红榜分数线。'}`,
    ),
    hr(),
    ...blackList(i),
  ];
  if (exited.length)
    elements.push(hr(), markdown(`**移出黑榜（${exited.length} 个）**\n${entries(ranking, 'exited')}`));
  const unranked = unrankedLine(ranking);
  elements.push(
    hr(),
    markdown(
      [
        black.length
          ? `黑榜村（社区）须于 **${dayLabel(i.rectifyBy)}** 前完成整改，整改事项已交办至各村（社区）书记，由县委督查室跟踪督办。`
          : '',
        red.length ? '红榜村（社区）予以通报表扬。' : '',
        `参评 ${ranking.selection.standings.length} 个村（社区）。${unranked}`,
        `本期受理申诉 ${i.appeals.total} 件，采纳 ${i.appeals.accepted} 件。评分规则第 ${ranking.rule.version} 版，只按人居环境检查和督办事项办理实绩评分。`,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  );
  return card(header(`${i.county}${month}${i.title}`, '经县乡村振兴领导小组审定', 'red'), elements, `${month}红黑榜`);
}

/** The on-demand draft (chat command): the lists as they would be now, and what differs from the published list. */
export function rankingPreviewCard(i: {
  title: string;
  ranking: Ranking;
  diff?: RankingDiff;
  publishedAt?: string;
}): Card {
  const { ranking } = i;
  const unranked = unrankedLine(ranking);
  const elements: CardElement[] = [
    markdown(`**参评**：${ranking.selection.standings.length} 个村（社区）${unranked ? `\n${unranked}` : ''}`),
    markdown(`**红榜（${ranking.selection.red.length}）**\n${listLines(ranking, 'red')}`),
    markdown(`**黑榜（${ranking.selection.black.length}）**\n${listLines(ranking, 'black')}`),
  ];
  if (i.diff) {
    const changes = describeDiff(i.diff);
    elements.push(
      hr(),
      markdown(
        `**与已发布榜单（${i.publishedAt ? dayLabel(i.publishedAt) : ''}发布）相比**\n${changes.length ? changes.map((c) => `- ${c}`).join('\n') : '无变化。'}`,
      ),
    );
  }
  const top = ranking.scores.length ? Math.max(...ranking.scores.map((s) => s.tenths)) : 0;
  return card(
    header(
      `${monthLabel(ranking.month)}${i.title}（试算）`,
      `评分规则第 ${ranking.rule.version} 版 · 最高 ${pts(top)} 分`,
      'wathet',
    ),
    elements,
    `${monthLabel(ranking.month)}红黑榜试算`,
  );
}
