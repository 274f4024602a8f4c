import { type CliCommand, defineCommand } from '../shared/cli.js';
import { formatTimeline } from './timeline.js';

export const ITEM_COMMANDS: readonly CliCommand[] = [
  defineCommand({
    name: 'timeline',
    usage: 'timeline <item-id>',
    summary: "打印一件事项的全部留痕 / print an item's audit trail",
    args: { min: 1, max: 1 },
    async run(ctx, { positionals: [itemId = ''] }) {
      const lines = await formatTimeline(await ctx.db(), itemId);
      ctx.stdout.write(lines.length ? `${lines.join('\n')}\n` : `没有事项 ${itemId}\n`);
      return lines.length ? 0 : 1;
    },
  }),
];
