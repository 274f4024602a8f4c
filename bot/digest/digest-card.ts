import { type Card, card, header, markdown } from '../cards/elements.js';

export interface DigestLine {
  itemId: string;
  title: string;
  text: string;
}

/** One morning card with all of a person's non-urgent nudges, instead of one ping each. */
export function digestCard(date: string, lines: DigestLine[]): Card {
  const body = lines.map((l, i) => `${i + 1}. **${l.title}**\n${l.text}`).join('\n\n');
  return card(
    header('今日督办提醒', `${date} · ${lines.length} 项`, 'wathet'),
    [markdown(body), markdown("<font color='grey'>一般事项的提醒每天早上汇总一次发送；紧急事项会单独提醒。</font>")],
    `今日督办提醒：${lines.length} 项`,
  );
}
