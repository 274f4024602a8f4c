import { renderProjectCard } from '../../bot/projects/card-context.js';
import { projectReminderText } from '../../bot/projects/project-card.js';
import { activePolicy, type StoredPolicy } from '../../db/escalation/policies.js';
import { projectCardRef } from '../../db/ledgers/ledger-cards.js';
import { postsOn, supervisorsOf, unitsByIds } from '../../db/ledgers/ledger-org.js';
import { recordProjectEvent } from '../../db/projects/projects.js';
import type { ProjectEvent, ProjectState } from '../../domain/projects/index.js';
import { localDate } from '../../domain/shanghai-time.js';
import { type LedgerActivityDeps, writtenAt } from '../ledgers/ledger-activity-deps.js';
import { createLedgerDelivery, type LedgerReach } from '../ledgers/ledger-delivery.js';

export type ProjectActivityDeps = LedgerActivityDeps;

export type AdjustmentFactsResult =
  | { ok: true; issuerId: string; reviewerId: string; domain: string; unitName: string; policy: StoredPolicy }
  | { ok: false; problem: string };

interface CardInput {
  state: ProjectState;
  period: string;
  plannedPercent: number;
}

/** Declared rather than inferred: the worker spreads it, and Biome's promise check misreads inferred factories. */
export interface ProjectActivities {
  recordProjectEvent(input: { state: ProjectState; event: ProjectEvent }): Promise<void>;
  requestProjectReport(input: CardInput & { at: string }): Promise<LedgerReach>;
  remindProjectReport(input: CardInput & { at: string }): Promise<LedgerReach>;
  refreshProjectCard(input: CardInput): Promise<void>;
  adjustmentFacts(input: { state: ProjectState; at: string }): Promise<AdjustmentFactsResult>;
}

/** A township's projects are 农业农村 work; a department's are in its own 分管 domain. */
const TOWNSHIP_DOMAIN = '农业农村';

/**
 * Side effects of a project's workflow. Idempotent: events are keyed by (project, seq), each period's card by
 * (project, period, person) with a Lark uuid, the chase by its period.
 */
export function createProjectActivities(deps: ProjectActivityDeps): ProjectActivities {
  const { db } = deps;
  const delivery = createLedgerDelivery(deps);
  const card = (state: ProjectState, period: string, plannedPercent: number) =>
    renderProjectCard(db, state, period, plannedPercent);

  return {
    async recordProjectEvent(input) {
      await recordProjectEvent(db, input.state, input.event, writtenAt(deps));
    },

    /** The period's report card to the unit's reporter. */
    async requestProjectReport(input) {
      const { state, period } = input;
      const ref = projectCardRef(state.project.id, period);
      return delivery.ensureCard(
        ref,
        state.project.reporterId,
        await card(state, period, input.plannedPercent),
        input.at,
      );
    },

    async remindProjectReport(input) {
      const { state, period } = input;
      const ref = projectCardRef(state.project.id, period);
      const rendered = await card(state, period, input.plannedPercent);
      return delivery.notice(
        ref,
        state.project.reporterId,
        'remind',
        rendered,
        projectReminderText(state, period),
        input.at,
      );
    },

    /** The period's cards show the report as judged (and any 调整程序). */
    async refreshProjectCard(input) {
      const { state, period } = input;
      const rendered = await card(state, period, input.plannedPercent);
      await delivery.patchAll(projectCardRef(state.project.id, period), () => rendered);
    },

    /** Who issues and reviews the 调整程序 item on the day, the unit's domain, and the policy in force. */
    async adjustmentFacts(input) {
      const supervisors = supervisorsOf(await postsOn(db, localDate(input.at)));
      if (supervisors.length === 0) return { ok: false, problem: '没有督查室人员，无法交办调整程序督办事项' };
      const [unit] = await unitsByIds(db, [input.state.project.unitId]);
      return {
        ok: true,
        issuerId: supervisors[0]!,
        reviewerId: supervisors.at(-1)!,
        domain: unit?.kind === 'department' && unit.domain ? unit.domain : TOWNSHIP_DOMAIN,
        unitName: unit?.name ?? input.state.project.unitId,
        policy: await activePolicy(db),
      };
    },
  };
}
