import type { Kysely } from 'kysely';
import { loadRoster } from '../../db/ranking/inputs.js';
import { isInspector } from '../../db/ranking/inspections.js';
import type { Database } from '../../db/schema.js';
import { isMonth, monthOfDate, NO_OVERRIDES, previousMonth } from '../../domain/ranking/index.js';
import { localDate, toShanghaiIso } from '../../domain/shanghai-time.js';
import { comparePublished, computeAndStore, resolveRules } from '../../services/ranking/compute.js';
import { card, header, markdown } from '../cards/elements.js';
import type { ChatCommand } from '../chat/router.js';
import { inspectionForm } from './inspection-form.js';
import { rankingPreviewCard } from './published-card.js';

const notice = (title: string, text: string) => card(header(title, '红黑榜', 'grey'), [markdown(text)], title);

/**
 * Chat commands of the monthly ranking:
 * - 红黑榜 [YYYY-MM]: computes a draft for any month on demand (default last month) and, for a published month,
 *   shows what differs from the published list. Drafts are unpublished, so only 督查室 and the leading group see them.
 * - 检查录入: the inspection form for inspectors.
 */
export function rankingChatCommands(deps: { db: Kysely<Database> }): ChatCommand[] {
  return [
    {
      names: ['红黑榜', '红黑榜草稿', '红黑榜试算'],
      summary: '试算某月红黑榜草稿，如“红黑榜 2024-06”（默认上月）',
      async run(ctx) {
        const month = ctx.args.trim() || previousMonth(monthOfDate(localDate(ctx.now.getTime())));
        if (!isMonth(month))
          return notice('月份格式不正确', `请按“红黑榜 2024-06”的格式输入月份，收到的是“${month}”。`);
        const rules = await resolveRules(deps.db);
        const roster = await loadRoster(deps.db, rules.domain);
        if (![...roster.supervisors, ...roster.approvers].includes(ctx.person.id)) {
          return notice(
            '无权查看红黑榜草稿',
            '红黑榜发布前只对县委督查室和领导小组可见。已发布的榜单请查看全县工作群。',
          );
        }
        const at = toShanghaiIso(ctx.now.getTime());
        const { ranking } = await computeAndStore(deps.db, {
          month,
          kind: 'preview',
          overrides: NO_OVERRIDES,
          by: ctx.person.id,
          at,
        });
        const published = await comparePublished(deps.db, month, ranking);
        return rankingPreviewCard({
          title: rules.title,
          ranking,
          ...(published
            ? { diff: published.diff, ...(published.publishedAt ? { publishedAt: published.publishedAt } : {}) }
            : {}),
        });
      },
    },
    {
      names: ['检查录入', '人居环境检查'],
      summary: '录入村（社区）人居环境检查得分和发现的问题（检查人员）',
      async run(ctx) {
        const rules = await resolveRules(deps.db);
        if (!(await isInspector(deps.db, ctx.person.id, rules.domain))) {
          return notice('无权录入检查结果', '只有县委督查室和农业农村部门的检查人员可以录入检查结果。');
        }
        return inspectionForm(deps.db, ctx.now);
      },
    },
  ];
}
