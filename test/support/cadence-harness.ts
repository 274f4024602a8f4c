import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TOWNSHIPS } from '../../app/demo/county.js';
import type { CadencePeriodResult } from '../../workflows/cadence-period.js';
import { installQuietRuntime, type Stack, startStack } from './stack.js';
import { createTimeSkippingEnvAt } from './time-skipping.js';

/** The county trimmed to two townships' villages, to keep virtual weeks light on a busy machine. */
const KEPT = ['xiaojie', 'niulanjiang'];
export const CADENCE_VILLAGES = TOWNSHIPS.filter((t) => KEPT.includes(t.id)).flatMap((t) =>
  t.villages.map((_, i) => `${t.id}-v${i + 1}`),
);

export interface CadenceHarness {
  env: TestWorkflowEnvironment;
  stack: Stack;
  sleepUntil(local: string): Promise<void>;
  virtualNow(): Promise<Date>;
  /** Runs the workflow a Schedule firing would start (the time-skipping server has no Schedules). */
  openPeriod(cadenceId: string): Promise<CadencePeriodResult>;
  stop(): Promise<void>;
}

/**
 * A time-skipping server starting at `startIso` with the full stack on it. Each virtual day costs the worker's
 * pollers real round trips, so a file starts close to the days it tests instead of skipping months to reach them.
 */
export async function startCadenceHarness(startIso: string): Promise<CadenceHarness> {
  installQuietRuntime();
  const env = await createTimeSkippingEnvAt(startIso);
  const stack = await startStack({ temporalAddress: env.address });
  const db = stack.db.db;
  const dropped = (await db.selectFrom('units').select('id').where('kind', '=', 'village').execute())
    .map((u) => u.id)
    .filter((id) => !CADENCE_VILLAGES.includes(id));
  await db.deleteFrom('posts').where('unit_id', 'in', dropped).execute();
  await db.deleteFrom('people').where('unit_id', 'in', dropped).execute();
  await db.deleteFrom('units').where('id', 'in', dropped).execute();
  let runs = 0;
  return {
    env,
    stack,
    async sleepUntil(local) {
      await env.sleep(Date.parse(local) - (await env.currentTimeMs()));
    },
    async virtualNow() {
      return new Date(await env.currentTimeMs());
    },
    openPeriod(cadenceId) {
      runs += 1;
      return stack.system.client.workflow.execute('cadencePeriod', {
        taskQueue: stack.taskQueue,
        workflowId: `cadence-${cadenceId}-run-${runs}`,
        args: [{ cadenceId }],
      }) as Promise<CadencePeriodResult>;
    },
    async stop() {
      await stack.stop();
      await env.teardown();
    },
  };
}
