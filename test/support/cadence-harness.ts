import { TOWNSHIPS } from '../../app/demo/county.js';
import type { CadencePeriodResult } from '../../workflows/cadence/cadence-period.js';
import { startTimeSkippingStack, type TimeSkippingStack } from './time-skipping.js';

/** The county trimmed to two townships' villages, to keep virtual weeks light on a busy machine. */
const KEPT = ['xiaojie', 'niulanjiang'];
export const CADENCE_VILLAGES = TOWNSHIPS.filter((t) => KEPT.includes(t.id)).flatMap((t) =>
  t.villages.map((_, i) => `${t.id}-v${i + 1}`),
);

export interface CadenceHarness extends TimeSkippingStack {
  /** Runs the workflow a Schedule firing would start (the time-skipping server has no Schedules). */
  openPeriod(cadenceId: string): Promise<CadencePeriodResult>;
}

/** A time-skipping stack at `startIso`, its county trimmed to two townships' villages. */
export async function startCadenceHarness(startIso: string): Promise<CadenceHarness> {
  const ts = await startTimeSkippingStack(startIso);
  const db = ts.stack.db.db;
  const dropped = (await db.selectFrom('units').select('id').where('kind', '=', 'village').execute())
    .map((u) => u.id)
    .filter((id) => !CADENCE_VILLAGES.includes(id));
  await db.deleteFrom('posts').where('unit_id', 'in', dropped).execute();
  await db.deleteFrom('people').where('unit_id', 'in', dropped).execute();
  await db.deleteFrom('units').where('id', 'in', dropped).execute();
  let runs = 0;
  return {
    ...ts,
    openPeriod(cadenceId) {
      runs += 1;
      return ts.stack.system.client.workflow.execute('cadencePeriod', {
        taskQueue: ts.stack.taskQueue,
        workflowId: `cadence-${cadenceId}-run-${runs}`,
        args: [{ cadenceId }],
      }) as Promise<CadencePeriodResult>;
    },
  };
}
