import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar/calendar-activities.js';
import type { CampaignActivities } from '../../activities/campaigns/campaign-activities.js';
import { type CampaignDef, campaignDeadlines, campaignItemSpec, checkCampaign } from '../../domain/campaigns/index.js';
import { toShanghaiIso } from '../../domain/shanghai-time.js';
import { startItems } from '../items/item-children.js';
import {
  type CampaignProgress,
  campaignProgressQuery,
  type WithdrawCampaignArgs,
  withdrawCampaignUpdate,
} from './messages.js';

export interface CampaignInput {
  def: CampaignDef;
  /**
   * How often the ledger is looked at: `minMs` right after something changed, doubling while nothing does, up to
   * `maxMs`. Defaults 5 s and 2 min; tests shorten them.
   */
  poll?: { minMs: number; maxMs: number };
  /** Set when continuing as new: every item is started; a withdrawal may be pending. */
  resume?: { dispatched: number; withdrawal?: Withdrawal };
}

export interface CampaignResult {
  campaignId: string;
  status: 'done' | 'withdrawn';
  total: number;
  closed: number;
}

interface Withdrawal extends WithdrawCampaignArgs {
  at: string;
}

const acts = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
const calendars = proxyActivities<CalendarActivities>({ startToCloseTimeout: '30 seconds' });

/** Past this many events the run continues as new (a 2-minute look costs about 8 events). */
const HISTORY_LIMIT = 10_000;

/**
 * One instruction to many units (督办活动). The units are frozen at dispatch; each gets an ordinary supervision item
 * as a child workflow (id `${campaignId}-${unitId}`) that outlives the campaign. Children cannot signal their
 * parent without changing the item workflow, so the campaign looks at the ledger instead — often right after a
 * change, rarely when nothing moves — and patches the issuer's single roll-up card only when what it shows
 * changes. It ends when every item is 办结 or 撤销, or when the issuer withdraws it (撤回: open items are cancelled).
 */
export async function campaign(input: CampaignInput): Promise<CampaignResult> {
  const { def } = input;
  const poll = input.poll ?? { minMs: 5_000, maxMs: 120_000 };
  const progress: CampaignProgress = {
    campaignId: def.id,
    phase: input.resume ? 'running' : 'dispatching',
    total: input.resume?.dispatched ?? 0,
    dispatched: input.resume?.dispatched ?? 0,
    closed: 0,
  };
  let withdrawal = input.resume?.withdrawal;
  setHandler(campaignProgressQuery, () => progress);
  setHandler(
    withdrawCampaignUpdate,
    (args) => {
      withdrawal ??= { actorId: args.actorId, reason: args.reason.trim(), at: now() };
      return progress;
    },
    { validator: (args) => checkWithdrawal(def, args, withdrawal) },
  );
  const sync = async () => {
    const s = await acts.syncCampaign({ campaignId: def.id, at: now() });
    progress.total = s.total;
    progress.closed = s.closed;
    return s;
  };

  if (!input.resume) {
    const refusal = checkCampaign(def);
    if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusal.code);
    const createdAt = now();
    const deadlines = campaignDeadlines(await calendars.loadCalendar({ around: createdAt }), createdAt, def);
    const prep = await acts.prepareCampaign({ def, createdAt, ...deadlines });
    progress.total = prep.units.length;
    // The issuer's card never holds up the units' items: while Lark answers 429 to it, dispatch goes on.
    let syncing: Promise<unknown> | undefined;
    const syncAside = () => {
      // A failure here shows again at the next look, which is awaited.
      syncing ??= sync()
        .catch((err: unknown) => log.warn('roll-up card not refreshed', { error: err }))
        .finally(() => {
          syncing = undefined;
        });
    };
    syncAside();
    const specs = prep.units.map((u) => campaignItemSpec(def, u, { createdAt, ...deadlines }, prep.policy));
    const started = await startItems(specs, {
      batchSize: 20,
      pauseMs: 1_000,
      stop: () => withdrawal !== undefined,
      afterBatch: async (n) => {
        progress.dispatched = n;
        syncAside();
      },
    });
    await syncing;
    progress.dispatched = started.started.length + started.existing.length;
    progress.phase = 'running';
  }

  let wait = poll.minMs;
  for (;;) {
    if (withdrawal) return withdraw(def, progress, withdrawal, sync);
    const s = await sync();
    if (s.closed >= s.total) {
      await acts.closeCampaign({ campaignId: def.id, status: 'done', actorId: 'system', at: now() });
      progress.phase = 'done';
      await sync();
      await condition(allHandlersFinished);
      return { campaignId: def.id, status: 'done', total: s.total, closed: s.closed };
    }
    wait = s.changed ? poll.minMs : Math.min(wait * 2, poll.maxMs);
    await condition(() => withdrawal !== undefined, wait);
    const info = workflowInfo();
    if (!withdrawal && (info.continueAsNewSuggested || info.historyLength > HISTORY_LIMIT)) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof campaign>({
        def,
        ...(input.poll ? { poll: input.poll } : {}),
        resume: { dispatched: progress.dispatched, ...(withdrawal ? { withdrawal } : {}) },
      });
    }
  }
}

async function withdraw(
  def: CampaignDef,
  progress: CampaignProgress,
  w: Withdrawal,
  sync: () => Promise<{ total: number; closed: number }>,
): Promise<CampaignResult> {
  progress.phase = 'withdrawing';
  await acts.withdrawCampaignItems({ campaignId: def.id, actorId: w.actorId, reason: w.reason, at: w.at });
  await acts.closeCampaign({
    campaignId: def.id,
    status: 'withdrawn',
    actorId: w.actorId,
    reason: w.reason,
    at: now(),
  });
  progress.phase = 'withdrawn';
  const s = await sync();
  await condition(allHandlersFinished);
  return { campaignId: def.id, status: 'withdrawn', total: s.total, closed: s.closed };
}

/** Synchronous, as Update validators must be: a refusal never enters history. */
function checkWithdrawal(
  def: CampaignDef,
  args: Partial<WithdrawCampaignArgs> | undefined,
  pending: Withdrawal | undefined,
): void {
  const reason = typeof args?.reason === 'string' ? args.reason.trim() : '';
  if (args?.actorId !== def.issuerId) throw ApplicationFailure.nonRetryable('只有交办人可以撤回督办活动', 'not_issuer');
  if (pending) throw ApplicationFailure.nonRetryable('督办活动已在撤回中', 'not_allowed_in_state');
  if (!reason) throw ApplicationFailure.nonRetryable('请填写撤回理由', 'invalid_value');
  if (reason.length > 500) throw ApplicationFailure.nonRetryable('撤回理由不能超过 500 个字', 'invalid_value');
}

function now(): string {
  return toShanghaiIso(Date.now());
}
