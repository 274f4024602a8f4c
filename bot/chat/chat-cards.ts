import { type Card, card, header, markdown } from '../cards/elements.js';

// The router's own replies: help (the commands features contributed) and the card for a sender not in the org.

/** Takes the commands' help fields only, so this module needs nothing from router.ts (which imports it). */
export function helpCard(commands: readonly { names: readonly string[]; summary: string }[], unknown?: string): Card {
  const list = commands.map((c) => `· **${c.names[0]}**　${c.summary}`).join('\n');
  const intro = unknown ? `没有识别到指令「${unknown.slice(0, 30)}」。可以发送：` : '可以发送以下指令：';
  const tail = '\n\n在群聊中请先 @督办助手 再发送指令。';
  return card(
    header('督办助手使用说明', '发送下列文字即可', 'grey'),
    [markdown(`${intro}\n${list}${tail}`)],
    '督办助手使用说明',
  );
}

export function notRegisteredCard(): Card {
  return card(
    header('尚未登记', '督办助手', 'orange'),
    [markdown('您的飞书账号尚未登记为督办系统用户，暂时无法查询。请联系县委督查室。')],
    '尚未登记',
  );
}
