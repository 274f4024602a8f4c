import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CrosscheckRound, Finding, FindingInput } from '../../domain/crosscheck/index.js';

/** Messages of a 交叉检查 round; the bot's card route and the Excel import send them, the workflow validates them. */

export interface RecordFindingsArgs {
  actorId: string;
  source: 'card' | 'excel';
  /** One from the card form; every row of an Excel upload, accepted or refused together. */
  findings: FindingInput[];
}

export interface RecordFindingsResult {
  round: CrosscheckRound;
  recorded: Finding[];
}

export interface TeamDoneArgs {
  actorId: string;
  teamNo: number;
}

export interface RoundActorArgs {
  actorId: string;
}

export const crosscheckUpdates = {
  recordFindings: defineUpdate<RecordFindingsResult, [RecordFindingsArgs]>('recordFindings'),
  teamDone: defineUpdate<CrosscheckRound, [TeamDoneArgs]>('teamDone'),
  closeChecking: defineUpdate<CrosscheckRound, [RoundActorArgs]>('closeChecking'),
  /** The report card is sent to the requester as a new message. */
  requestReport: defineUpdate<CrosscheckRound, [RoundActorArgs]>('requestReport'),
};

/** Undefined until the round is planned (the first moments of the workflow). */
export const crosscheckRoundQuery = defineQuery<CrosscheckRound | undefined>('crosscheckRound');
