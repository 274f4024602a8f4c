import type { Kysely } from 'kysely';
import { loadRunContext, type RunCardKey, renderRunCard } from '../../bot/ranking/card-context.js';
import type { Database } from '../../db/schema.js';
import type { RankingRun } from '../../domain/ranking/index.js';
import type { RankingDelivery } from './delivery.js';

/**
 * The run's cards: sent once per key, then patched as the run moves (a recomputed draft, a decided appeal, the
 * approval). Rendering reads the current snapshot, so every card shows the same numbers.
 */
export function createRankingCardActivities(deps: { db: Kysely<Database>; delivery: RankingDelivery }) {
  const { db, delivery } = deps;

  async function refresh(run: RankingRun, keys: RunCardKey[]): Promise<void> {
    const ctx = await loadRunContext(db, run);
    for (const key of keys) {
      const card = renderRunCard(ctx, key);
      if (!card) continue;
      const prefix =
        typeof key === 'string'
          ? key === 'approval'
            ? `approval:${run.approvalRound}`
            : key === 'revision'
              ? 'revision:'
              : key
          : 'village' in key
            ? `village:${key.village}:`
            : `appeal:${key.appeal}:`;
      await delivery.patchAll(run.workflowId, prefix, card);
    }
  }

  /** `refresh` is for the publish step (not an activity); `activities` are registered with the worker. */
  const activities = {
    /** The draft to the leading group, and each village's breakdown to its leaders. */
    async sendRankingDraft(input: { run: RankingRun }): Promise<void> {
      const { run } = input;
      const ctx = await loadRunContext(db, run);
      await delivery.toChat(run.workflowId, 'draft', run.chats.leading, renderRunCard(ctx, 'draft')!);
      for (const [villageId, leaders] of Object.entries(run.roster.villageLeaders)) {
        const card = renderRunCard(ctx, { village: villageId });
        if (card) await delivery.toPeople(run.workflowId, `village:${villageId}`, leaders, card);
      }
    },

    /** A new appeal: the card to 督查室, and the village's and the draft's cards show it. */
    async notifyRankingAppeal(input: { run: RankingRun; appealId: string }): Promise<void> {
      const { run, appealId } = input;
      const ctx = await loadRunContext(db, run);
      const card = renderRunCard(ctx, { appeal: appealId });
      if (card) await delivery.toPeople(run.workflowId, `appeal:${appealId}`, run.roster.supervisors, card);
      const appeal = run.appeals.find((a) => a.id === appealId);
      await refresh(run, ['draft', ...(appeal ? [{ village: appeal.villageId }] : [])]);
    },

    /** Patches the run's cards after a change; `villages` and `appeals` name the per-village and per-appeal cards. */
    async refreshRankingCards(input: {
      run: RankingRun;
      villages: string[] | 'all';
      appeals: string[];
      approval?: boolean;
    }): Promise<void> {
      const { run } = input;
      const villages = input.villages === 'all' ? Object.keys(run.roster.villageLeaders) : input.villages;
      await refresh(run, [
        'draft',
        ...(input.approval ? (['approval'] as const) : []),
        ...input.appeals.map((appeal) => ({ appeal })),
        ...villages.map((village) => ({ village })),
      ]);
    },

    /** Tells the appellant (under their village card) how their appeal was decided. */
    async replyToAppellant(input: { run: RankingRun; appealId: string }): Promise<void> {
      const { run } = input;
      const a = run.appeals.find((x) => x.id === input.appealId);
      if (!a || a.status === 'pending') return;
      const verdict = a.status === 'accepted' ? '已采纳，草稿已重新计算' : '已驳回';
      const text = `您对「${a.lineText.slice(0, 40)}」的申诉${verdict}${a.note ? `：${a.note}` : '。'}`;
      await delivery.replyUnder(run.workflowId, `village:${a.villageId}:${a.appellantId}`, text, `decided:${a.id}`);
    },

    async requestRankingApproval(input: { run: RankingRun }): Promise<void> {
      const { run } = input;
      const ctx = await loadRunContext(db, run);
      await delivery.toChat(
        run.workflowId,
        `approval:${run.approvalRound}`,
        run.chats.leading,
        renderRunCard(ctx, 'approval')!,
      );
      await refresh(run, ['draft', 'revision']);
    },

    async notifyRankingSentBack(input: { run: RankingRun }): Promise<void> {
      const { run } = input;
      const ctx = await loadRunContext(db, run);
      await delivery.toPeople(
        run.workflowId,
        `revision:${run.approvalRound}`,
        run.roster.supervisors,
        renderRunCard(ctx, 'revision')!,
      );
      await refresh(run, ['draft', 'approval']);
    },
  };
  return { refresh, activities };
}
