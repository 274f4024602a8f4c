import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { renderLoanCard } from '../../bot/loans/card-context.js';
import { loanReminderText } from '../../bot/loans/loan-card.js';
import { activePolicy, type StoredPolicy } from '../../db/escalation/policies.js';
import { findItem } from '../../db/items/items.js';
import { loanCardRef } from '../../db/ledgers/ledger-cards.js';
import { financeOfficer, postsOn } from '../../db/ledgers/ledger-org.js';
import { recordLoanEvent } from '../../db/loans/loans.js';
import { findUnit } from '../../db/org/org.js';
import type { LoanEvent, LoanState } from '../../domain/loans/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { itemUpdates } from '../../workflows/items/messages.js';
import { type LedgerActivityDeps, writtenAt } from '../ledgers/ledger-activity-deps.js';
import { createLedgerDelivery, type LedgerReach } from '../ledgers/ledger-delivery.js';

export type LoanActivityDeps = LedgerActivityDeps;

export type OverdueItemFactsResult =
  | { ok: true; officerId: string; villageName: string; policy: StoredPolicy }
  | { ok: false; problem: string };

export type CloseItemResult = 'closed' | 'already_closed' | 'missing' | 'refused';

/** Declared rather than inferred: the worker spreads it, and Biome's promise check misreads inferred factories. */
export interface LoanActivities {
  recordLoanEvent(input: { state: LoanState; event: LoanEvent }): Promise<void>;
  remindLoan(input: { state: LoanState; key: string; workdaysLeft: number; at: string }): Promise<LedgerReach>;
  refreshLoanCard(input: { state: LoanState; at: string }): Promise<void>;
  overdueItemFacts(input: { state: LoanState; at: string }): Promise<OverdueItemFactsResult>;
  closeOverdueItem(input: { itemId: string; reason: string; requestId: string }): Promise<CloseItemResult>;
}

/**
 * Side effects of a loan's workflow. Idempotent: events are keyed by (loan, seq), the loan card by (loan, person)
 * with a Lark uuid, reminders by their key; closing the overdue item is an Update with a fixed id.
 */
export function createLoanActivities(deps: LoanActivityDeps): LoanActivities {
  const { db, logger } = deps;
  const delivery = createLedgerDelivery(deps);

  return {
    async recordLoanEvent(input: { state: LoanState; event: LoanEvent }): Promise<void> {
      await recordLoanEvent(db, input.state, input.event, writtenAt(deps));
    },

    /** The loan card to the cadre (the first time), and the reminder under it. */
    async remindLoan(input: { state: LoanState; key: string; workdaysLeft: number; at: string }): Promise<LedgerReach> {
      const { state } = input;
      const card = await renderLoanCard(db, state, input.at);
      const text = loanReminderText(state, input.workdaysLeft);
      return delivery.notice(loanCardRef(state.loan.id), state.loan.cadreId, input.key, card, text, input.at);
    },

    /** Every card of the loan shows its current state. */
    async refreshLoanCard(input: { state: LoanState; at: string }): Promise<void> {
      const card = await renderLoanCard(db, input.state, input.at);
      await delivery.patchAll(loanCardRef(input.state.loan.id), () => card);
    },

    /** Who issues the overdue item on the day (the org may have changed since the import), and the policy in force. */
    async overdueItemFacts(input: { state: LoanState; at: string }): Promise<OverdueItemFactsResult> {
      const posts = await postsOn(db, localDate(input.at));
      const officerId = financeOfficer(posts);
      if (!officerId) return { ok: false, problem: '没有金融主管部门或督查室人员，无法交办逾期督办事项' };
      const village = await findUnit(db, input.state.loan.villageId);
      return {
        ok: true,
        officerId,
        villageName: village?.name ?? input.state.loan.villageId,
        policy: await activePolicy(db),
      };
    },

    /**
     * Withdraws the overdue item after the loan was repaid in full: an Update of the item as its issuer (the 金融
     * officer on whose behalf the system opened it), with a fixed update id so a retry acts once. An item someone
     * already closed is left as it is.
     */
    async closeOverdueItem(input: { itemId: string; reason: string; requestId: string }): Promise<CloseItemResult> {
      const row = await findItem(db, input.itemId);
      if (!row) return 'missing';
      if (row.status === 'done' || row.status === 'cancelled') return 'already_closed';
      try {
        await Context.current()
          .client.workflow.getHandle(input.itemId)
          .executeUpdate(itemUpdates.cancel, {
            args: [{ actorId: row.issuer_id, command: { type: 'cancel', reason: input.reason } }],
            updateId: input.requestId,
          });
        return 'closed';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'already_closed';
        const refused = err instanceof WorkflowUpdateFailedError;
        if (!refused && !(err instanceof Error && /completed/i.test(err.message))) throw err;
        const now = await findItem(db, input.itemId);
        if (now?.status === 'done' || now?.status === 'cancelled') return 'already_closed';
        // A refusal will not change on retry: leave the item to its people and say so in the log.
        logger.warn('overdue item not closed', { itemId: input.itemId, error: err });
        if (refused) return 'refused';
        throw err;
      }
    },
  };
}
