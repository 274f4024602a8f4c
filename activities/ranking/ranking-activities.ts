import type { Kysely } from 'kysely';
import type { RankingLark } from '../../bot/ranking/ranking-lark.js';
import { loadRoster } from '../../db/ranking/inputs.js';
import { findPublication, getSnapshot, recordRankingEvent } from '../../db/ranking/ranking.js';
import { saveAppeal } from '../../db/ranking/runs.js';
import type { Database } from '../../db/schema.js';
import {
  appealableLines,
  type DraftSummary,
  type Overrides,
  type RankingRun,
  type Roster,
  type RuleRef,
} from '../../domain/ranking/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { computeAndStore, resolveRules } from '../../services/ranking/compute.js';
import { createRankingCardActivities } from './cards.js';
import { ensureRankingChats } from './chats.js';
import { createRankingDelivery } from './delivery.js';
import { createPublishActivities } from './publish.js';

export interface RankingActivityDeps {
  db: Kysely<Database>;
  lark: RankingLark;
  clock: () => Date;
  logger: Logger;
}

export interface PreparedRun {
  published: boolean;
  rule: RuleRef;
  ruleTitle: string;
  domain: string;
  appealWindowWorkdays: number;
  rectificationWorkdays: number;
  roster: Roster;
  chats: { leading: string; county: string };
}

/**
 * Side effects of the monthly ranking run (workflows/ranking/monthly-ranking.ts). Idempotent: audit events carry dedup
 * keys, appeals are upserted, snapshots are new rows by design (each computation is history), and cards go through
 * the keyed delivery (ranking-delivery.ts).
 */
export function createRankingActivities(deps: RankingActivityDeps) {
  const { db, logger } = deps;
  const now = () => toShanghaiIso(deps.clock().getTime());
  const delivery = createRankingDelivery(deps);
  const cards = createRankingCardActivities({ db, delivery });

  return {
    async prepareRankingRun(input: { month: string; workflowId: string; requestedBy: string }): Promise<PreparedRun> {
      const rules = await resolveRules(db);
      const base = {
        rule: { name: rules.name, version: rules.version },
        ruleTitle: rules.title,
        domain: rules.domain,
        appealWindowWorkdays: rules.appealWindowWorkdays,
        rectificationWorkdays: rules.rectificationWorkdays,
      };
      const published = await findPublication(db, input.month);
      if (published) {
        await recordRankingEvent(db, {
          dedupKey: `rerun:${input.workflowId}`,
          month: input.month,
          workflowId: input.workflowId,
          type: 'rerun_ignored',
          actorId: input.requestedBy,
          at: now(),
          payload: { publishedBy: published.workflow_id, publishedAt: published.published_at },
        });
        logger.info('ranking month already published; nothing to do', { month: input.month });
        return {
          published: true,
          ...base,
          roster: { villageLeaders: {}, supervisors: [], approvers: [] },
          chats: { leading: '', county: '' },
        };
      }
      const [roster, chats] = await Promise.all([
        loadRoster(db, rules.domain),
        ensureRankingChats(deps, input.requestedBy),
      ]);
      await recordRankingEvent(db, {
        dedupKey: `started:${input.workflowId}`,
        month: input.month,
        workflowId: input.workflowId,
        type: 'run_started',
        actorId: input.requestedBy,
        at: now(),
        payload: { rule: base.rule },
      });
      return { published: false, ...base, roster, chats };
    },

    async computeRankingDraft(input: {
      month: string;
      workflowId: string;
      rule: RuleRef;
      overrides: Overrides;
      round: number;
      by: string;
      previousSnapshotId?: string;
    }): Promise<{ draft: DraftSummary; appealable: RankingRun['appealable']; changed: string[] }> {
      const at = now();
      const { snapshotId, ranking } = await computeAndStore(db, {
        month: input.month,
        kind: 'draft',
        overrides: input.overrides,
        by: input.by,
        at,
        rule: input.rule,
        workflowId: input.workflowId,
      });
      const previous = input.previousSnapshotId ? await getSnapshot(db, input.previousSnapshotId) : undefined;
      const sel = ranking.selection;
      const ids = (xs: { villageId: string }[]) => xs.map((x) => x.villageId);
      const standingKey = (r: typeof ranking, id: string) => {
        const s = [...r.selection.standings, ...r.selection.unranked].find((x) => x.villageId === id);
        const list = ['red', 'black', 'exited'].find((l) => ids(r.selection[l as 'red']).includes(id)) ?? '';
        return `${s?.tenths}:${s?.rank}:${list}`;
      };
      const changed = previous
        ? ranking.scores
            .map((s) => s.villageId)
            .filter((id) => standingKey(ranking, id) !== standingKey(previous.ranking, id))
        : [];
      return {
        draft: {
          snapshotId,
          round: input.round,
          computedAt: at,
          red: ids(sel.red),
          black: ids(sel.black),
          exited: ids(sel.exited),
          unranked: ids(sel.unranked),
          ranked: sel.standings.length,
        },
        appealable: appealableLines(ranking.scores),
        changed,
      };
    },

    async recordRankingAppeal(input: {
      run: RankingRun;
      appealId: string;
      type: string;
      actorId: string;
    }): Promise<void> {
      const { run } = input;
      const appeal = run.appeals.find((a) => a.id === input.appealId);
      if (!appeal) throw new Error(`appeal ${input.appealId} not in run ${run.workflowId}`);
      await saveAppeal(db, appeal, run.month, run.workflowId);
      await recordRankingEvent(db, {
        dedupKey: `${input.type}:${appeal.id}`,
        month: run.month,
        workflowId: run.workflowId,
        type: input.type,
        actorId: input.actorId,
        at: appeal.decidedAt ?? appeal.filedAt,
        payload: {
          appealId: appeal.id,
          villageId: appeal.villageId,
          lineId: appeal.lineId,
          reason: appeal.reason,
          note: appeal.note,
        },
      });
    },

    async recordRankingStep(input: {
      run: RankingRun;
      key: string;
      type: string;
      actorId: string;
      at: string;
      payload: Record<string, unknown>;
    }): Promise<void> {
      await recordRankingEvent(db, {
        dedupKey: `${input.run.workflowId}:${input.key}`,
        month: input.run.month,
        workflowId: input.run.workflowId,
        type: input.type,
        actorId: input.actorId,
        at: input.at,
        payload: input.payload,
      });
    },

    ...cards.activities,
    ...createPublishActivities({ ...deps, delivery, refresh: cards.refresh }),
  };
}

export type RankingActivities = ReturnType<typeof createRankingActivities>;
