import type { ActivityOptions } from '@temporalio/workflow';
import { toShanghaiIso } from '../../domain/shanghai-time.js';

/*
 * Pure pieces the loan and project workflows share, kept byte-for-byte as they were in each: the recorded
 * histories (test/fixtures/histories/) replay against them. The workflows' loops, handlers and child starts stay in
 * their own files on purpose: merging them would change what each one does, step by step.
 */

/** Ledger writes are quick and idempotent by (entity, seq): retried soon and often. */
export const LEDGER_WRITE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

/** Lark calls may wait on the rate limiter (they heartbeat meanwhile) and back off for minutes when Lark is down. */
export const LEDGER_LARK_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};

/** The workflow's clock (deterministic in the sandbox) as an +08:00 instant. */
export function now(): string {
  return toShanghaiIso(Date.now());
}

/**
 * Who acts, for the domain's decision on an Update: the actor, the time, and the actor's units when the caller
 * sent them (Update arguments come off the wire, so the list is checked, not trusted).
 */
export function actorContext(
  args: { actorId: string; actorUnitIds?: string[] },
  at: string,
): { actorId: string; now: string; actorUnitIds?: string[] } {
  return {
    actorId: args.actorId,
    now: at,
    ...(Array.isArray(args.actorUnitIds) ? { actorUnitIds: args.actorUnitIds } : {}),
  };
}
