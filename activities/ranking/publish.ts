import type { Kysely } from 'kysely';
import type { RunCardKey } from '../../bot/ranking/card-context.js';
import { renderRankingChart } from '../../bot/ranking/chart.js';
import { rankingPublishedCard } from '../../bot/ranking/published-card.js';
import type { RankingLark } from '../../bot/ranking/ranking-lark.js';
import { activePolicy } from '../../db/escalation/policies.js';
import { problemPhotos, savePhotoKey } from '../../db/ranking/inspections.js';
import {
  claimPublication,
  completePublication,
  findPublication,
  getRuleSet,
  getSnapshot,
  recordRankingEvent,
} from '../../db/ranking/ranking.js';
import type { Database } from '../../db/schema.js';
import type { EscalationPolicy } from '../../domain/escalation/index.js';
import type { RankingRun } from '../../domain/ranking/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import type { RankingDelivery } from './delivery.js';

export interface PublishResult {
  status: 'published' | 'taken';
  messageId?: string;
  imageKey?: string;
  publishedAt?: string;
  /** Black-list villages and the text their rectification item starts from. */
  black: { villageId: string; villageName: string; text: string }[];
  /** The escalation policy snapshotted onto rectification items, as for any other item. */
  policy?: { id: number; policy: EscalationPolicy };
}

interface PublishDeps {
  db: Kysely<Database>;
  lark: RankingLark;
  clock: () => Date;
  logger: Logger;
  delivery: RankingDelivery;
  refresh: (run: RankingRun, keys: RunCardKey[]) => Promise<void>;
}

export function createPublishActivities(deps: PublishDeps) {
  const { db, delivery, logger } = deps;
  const now = () => toShanghaiIso(deps.clock().getTime());

  return {
    /**
     * Publishes the approved draft to the county work chat: claims the month (a month is published once, whoever
     * asks again), renders and uploads the chart, sends the card, and notes each listed village in the audit trail.
     */
    async publishRanking(input: {
      run: RankingRun;
      approvedBy: string;
      approvedAt: string;
      rectifyBy: string;
    }): Promise<PublishResult> {
      const { run } = input;
      const snapshot = await getSnapshot(db, run.draft.snapshotId);
      const rules = await getRuleSet(db, run.rule.name, run.rule.version);
      if (!snapshot || !rules) throw new Error(`ranking run ${run.workflowId}: snapshot or rules missing`);
      const { ranking } = snapshot;
      const claim = await claimPublication(db, {
        month: run.month,
        snapshotId: snapshot.id,
        ranking,
        workflowId: run.workflowId,
        chatId: run.chats.county,
        approvedBy: input.approvedBy,
        approvedAt: input.approvedAt,
      });
      if (claim === 'taken') {
        logger.warn('ranking month published by another run; not publishing again', { month: run.month });
        return { status: 'taken', black: [] };
      }
      const pub = (await findPublication(db, run.month))!;
      let imageKey = pub.image_key;
      if (!imageKey) {
        const png = await renderRankingChart(ranking, {
          redMin: rules.lists.red.minScore,
          blackBelow: rules.lists.black.belowScore,
        });
        imageKey = (await delivery.larkCall('upload chart', () => deps.lark.uploadImage(png))) ?? null;
        if (!imageKey) throw new Error('图表上传被飞书拒绝');
        // Kept at once, so a retry after a failed send reuses the uploaded image.
        await db
          .updateTable('ranking_publications')
          .set({ image_key: imageKey })
          .where('month', '=', run.month)
          .execute();
      }
      const county = await db.selectFrom('units').select('name').where('kind', '=', 'county').executeTakeFirst();
      const photos = await uploadPhotos(
        run.month,
        ranking.selection.black.map((b) => b.villageId),
      );
      const card = rankingPublishedCard({
        photos,
        county: county?.name ?? '',
        title: rules.title,
        ranking,
        imageKey,
        rectifyBy: input.rectifyBy,
        appeals: { total: run.appeals.length, accepted: run.appeals.filter((a) => a.status === 'accepted').length },
      });
      const messageId = await delivery.toChat(run.workflowId, 'published', run.chats.county, card);
      if (!messageId) throw new Error('红黑榜发布被飞书拒绝');
      const publishedAt = pub.published_at ?? now();
      await completePublication(db, run.month, { messageId, imageKey, publishedAt });
      await noteListed(run, ranking.selection, input.approvedBy, publishedAt);
      await deps.refresh({ ...run, phase: 'published', publication: { messageId, imageKey, publishedAt } }, ['draft']);
      const nameOf = (id: string) => ranking.scores.find((s) => s.villageId === id)?.name ?? id;
      return {
        status: 'published',
        messageId,
        imageKey,
        publishedAt,
        black: ranking.selection.black.map((b) => ({
          villageId: b.villageId,
          villageName: nameOf(b.villageId),
          text: ranking.texts[b.villageId] ?? '',
        })),
        policy: await activePolicy(db),
      };
    },

    async recordRankingRectifications(input: { run: RankingRun; actorId: string }): Promise<void> {
      const { run } = input;
      for (const r of run.rectifications) {
        await recordRankingEvent(db, {
          dedupKey: `rectification:${r.itemId}`,
          month: run.month,
          workflowId: run.workflowId,
          type: 'rectification_assigned',
          actorId: input.actorId,
          at: now(),
          payload: { villageId: r.villageId, itemId: r.itemId, dueAt: r.dueAt },
        });
      }
    },
  };

  /** One problem photo per black-list village (农村人居环境问题曝光), uploaded once and remembered. */
  async function uploadPhotos(month: string, villageIds: string[]): Promise<Record<string, string>> {
    const keys: Record<string, string> = {};
    for (const p of await problemPhotos(db, month, villageIds)) {
      const key = p.image_key ?? (await delivery.larkCall('upload photo', () => deps.lark.uploadImage(p.bytes)));
      if (!key) continue;
      if (!p.image_key) await savePhotoKey(db, p.inspection_id, p.seq, key);
      keys[p.village_id] = key;
    }
    return keys;
  }

  /** Red-list villages are noted (表扬) and black-list ones recorded, each as an event in the village's history. */
  async function noteListed(
    run: RankingRun,
    sel: {
      red: { villageId: string; tenths: number }[];
      black: { villageId: string; tenths: number }[];
      exited: { villageId: string; tenths: number }[];
    },
    actorId: string,
    at: string,
  ) {
    const lists = [
      ['red_listed', sel.red],
      ['black_listed', sel.black],
      ['black_exited', sel.exited],
    ] as const;
    for (const [type, entries] of lists) {
      for (const e of entries) {
        await recordRankingEvent(db, {
          dedupKey: `${type}:${run.month}:${e.villageId}`,
          month: run.month,
          workflowId: run.workflowId,
          type,
          actorId,
          at,
          payload: { villageId: e.villageId, score: e.tenths / 10 },
        });
      }
    }
    await recordRankingEvent(db, {
      dedupKey: `published:${run.month}`,
      month: run.month,
      workflowId: run.workflowId,
      type: 'published',
      actorId,
      at,
      payload: { snapshotId: run.draft.snapshotId, rule: run.rule, chatId: run.chats.county },
    });
  }
}
