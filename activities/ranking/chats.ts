import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { LarkApiError } from '../../bot/lark/errors.js';
import type { RankingLark } from '../../bot/ranking/ranking-lark.js';
import { chatMemberIds, peopleByIds } from '../../db/ranking/inputs.js';
import { recordRankingEvent } from '../../db/ranking/ranking.js';
import { findChat, saveChat } from '../../db/ranking/runs.js';
import type { Database } from '../../db/schema.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { larkUuid } from '../items/item-activities.js';

type Purpose = 'leading_group' | 'county_work';

const CHAT_TEXT: Record<Purpose, { name: string; description: string }> = {
  leading_group: { name: '乡村振兴领导小组', description: '县乡村振兴领导小组：红黑榜审定、督办进度' },
  county_work: { name: '乡村振兴工作群', description: '县、乡镇（街道）、村（社区）乡村振兴工作：红黑榜通报' },
};

/**
 * The leading group's chat and the county work chat, created once through Lark and remembered in ranking_chats.
 * The create call carries a uuid (Lark dedups it for 10 hours), so a retry after a lost answer makes no second chat.
 */
export async function ensureRankingChats(
  deps: { db: Kysely<Database>; lark: RankingLark; clock: () => Date },
  actorId: string,
): Promise<{ leading: string; county: string }> {
  const county = await deps.db.selectFrom('units').select('name').where('kind', '=', 'county').executeTakeFirst();
  const prefix = county?.name ?? '';
  const ensure = async (purpose: Purpose): Promise<string> => {
    const known = await findChat(deps.db, purpose);
    if (known) return known;
    const people = await peopleByIds(deps.db, await chatMemberIds(deps.db, purpose));
    const name = `${prefix}${CHAT_TEXT[purpose].name}`;
    let chatId: string;
    try {
      chatId = await deps.lark.createChat({
        name,
        description: CHAT_TEXT[purpose].description,
        openIds: people.flatMap((p) => (p.open_id ? [p.open_id] : [])),
        uuid: larkUuid(`ranking-chat:${purpose}`),
      });
    } catch (err) {
      // Rate limits and outages are retried by Temporal; a refusal (permissions, bad ids) needs a person.
      if (err instanceof LarkApiError && !err.retryable) {
        throw ApplicationFailure.nonRetryable(`无法创建群聊“${name}”：${err.message}`, 'ChatRefused');
      }
      throw err;
    }
    await saveChat(deps.db, purpose, chatId, name);
    await recordRankingEvent(deps.db, {
      dedupKey: `chat:${purpose}`,
      month: '*',
      type: 'chat_created',
      actorId,
      at: toShanghaiIso(deps.clock().getTime()),
      payload: { purpose, chatId, name, members: people.map((p) => p.id) },
    });
    return (await findChat(deps.db, purpose)) ?? chatId;
  };
  return { leading: await ensure('leading_group'), county: await ensure('county_work') };
}
