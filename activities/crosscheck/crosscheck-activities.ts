import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { checklistCard } from '../../bot/crosscheck/checklist-card.js';
import { overviewCard } from '../../bot/crosscheck/overview-card.js';
import { reportCard } from '../../bot/crosscheck/report-card.js';
import type { LarkMessenger } from '../../bot/lark/messenger.js';
import {
  markTeamDone,
  type RoundEvent,
  recordRoundEvent,
  saveFindings,
  saveRound,
  updateRound,
} from '../../db/crosscheck/crosscheck.js';
import { type CrosscheckRoster, loadCrosscheckRoster, personName } from '../../db/crosscheck/roster.js';
import { activePolicy, type StoredPolicy } from '../../db/escalation/policies.js';
import type { Database } from '../../db/schema.js';
import { buildReport, type CrosscheckRound, type Finding, type RoundPhase } from '../../domain/crosscheck/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import type { Logger } from '../../platform/logger.js';
import { createCrosscheckDelivery } from './delivery.js';

export interface CrosscheckActivityDeps {
  db: Kysely<Database>;
  lark: LarkMessenger;
  logger: Logger;
  clock: () => Date;
}

export interface PreparedRound {
  roster: CrosscheckRoster;
  /** The escalation policy in force, snapshotted onto every 整改 item the round opens. */
  policy: StoredPolicy;
}

/** A step of the round: its audit event, and the round's (or a team's) row brought up to date. */
export interface RoundStep extends RoundEvent {
  change?: { phase?: RoundPhase; checkingClosedAt?: string; closedAt?: string; teamDone?: number };
}

/**
 * Side effects of a 交叉检查 round. Every activity is idempotent: rows and audit events are keyed (round, finding,
 * step key), and cards are sent once per key and patched afterwards.
 */
export function createCrosscheckActivities(deps: CrosscheckActivityDeps) {
  const { db } = deps;
  const delivery = createCrosscheckDelivery(deps);
  const now = () => toShanghaiIso(deps.clock().getTime());

  return {
    async prepareCrosscheckRound(input: { organizerId: string }): Promise<PreparedRound> {
      const organizer = await personName(db, input.organizerId);
      if (!organizer) {
        throw ApplicationFailure.nonRetryable(`找不到组织人：${input.organizerId}`, 'invalid_value');
      }
      const roster = await loadCrosscheckRoster(db);
      roster.names[input.organizerId] = organizer;
      return { roster, policy: await activePolicy(db) };
    },

    async saveCrosscheckRound(input: { round: CrosscheckRound; workflowId: string }): Promise<void> {
      await saveRound(db, input.round, input.workflowId);
    },

    async recordCrosscheckFindings(input: { roundId: string; findings: Finding[] }): Promise<void> {
      await saveFindings(db, input.roundId, input.findings);
    },

    async recordCrosscheckStep(step: RoundStep): Promise<void> {
      const { change, ...event } = step;
      await db.transaction().execute(async (trx) => {
        await recordRoundEvent(trx, event);
        if (change?.teamDone !== undefined) await markTeamDone(trx, event.roundId, change.teamDone, event.at);
        if (change && (change.phase || change.checkingClosedAt || change.closedAt)) {
          await updateRound(trx, event.roundId, change);
        }
      });
    },

    /** Each team lead's checklist card and the organizer's overview card (sent once, patched afterwards). */
    async sendCrosscheckCards(input: { round: CrosscheckRound; teams?: number[] }): Promise<void> {
      const { round } = input;
      const at = now();
      for (const team of round.teams) {
        if (input.teams && !input.teams.includes(team.no)) continue;
        await delivery.toPerson(round.id, `team:${team.no}`, team.leadId, checklistCard(round, team.no, at));
      }
      await delivery.toPerson(round.id, 'organizer', round.organizerId, overviewCard(round));
    },

    /** Re-renders the cards of the given teams (and the organizer's) to the round as it now stands. */
    async refreshCrosscheckCards(input: { round: CrosscheckRound; teams: number[] }): Promise<void> {
      const { round } = input;
      const at = now();
      for (const no of input.teams) await delivery.patch(round.id, `team:${no}`, checklistCard(round, no, at));
      await delivery.patch(round.id, 'organizer', overviewCard(round));
    },

    /** The report card, as a new message to each person (`key` tells requests apart). */
    async sendCrosscheckReport(input: { round: CrosscheckRound; to: string[]; key: string }): Promise<void> {
      const card = reportCard(buildReport(input.round, now()));
      for (const personId of [...new Set(input.to)]) {
        await delivery.toPerson(input.round.id, `report:${input.key}:${personId}`, personId, card);
      }
    },
  };
}

export type CrosscheckActivities = ReturnType<typeof createCrosscheckActivities>;
