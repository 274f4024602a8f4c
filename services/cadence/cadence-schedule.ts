import { type Client, ScheduleAlreadyRunning, type ScheduleOptions, type ScheduleSpec } from '@temporalio/client';
import { CADENCE_IDS, CADENCES, type CadenceDefinition, type CadenceId } from '../../domain/cadence/index.js';
import type { cadencePeriod } from '../../workflows/cadence/cadence-period.js';

export function cadenceScheduleId(id: CadenceId, prefix = 'duban-cadence'): string {
  return `${prefix}-${id}`;
}

/**
 * When a cadence's Schedule fires, Asia/Shanghai: weekly on Monday, half-monthly on the 1st and the 16th, monthly
 * on the 1st. A cron cannot know holidays; it does not need to: the run computes the period's due working day from
 * the calendar ("by the 5th" on a holiday moves to the next working day).
 */
export function cadenceScheduleSpec(def: CadenceDefinition): ScheduleSpec {
  const { hour, minute } = def.opensAt;
  const at = { hour, minute, comment: `${def.name}：每期开始时交办` };
  switch (def.frequency) {
    case 'weekly':
      return { calendars: [{ ...at, dayOfWeek: 'MONDAY' }], timezone: 'Asia/Shanghai' };
    case 'half_monthly':
      return { calendars: [{ ...at, dayOfMonth: [1, 16] }], timezone: 'Asia/Shanghai' };
    case 'monthly':
      return { calendars: [{ ...at, dayOfMonth: 1 }], timezone: 'Asia/Shanghai' };
  }
}

/**
 * Creates or updates one Schedule per cadence; safe on every start-up (a paused schedule stays paused). A firing
 * missed while the server was down is caught up within three days, and the run opens the period it was meant for.
 */
export async function ensureCadenceSchedules(
  client: Client,
  taskQueue: string,
  o: { ids?: readonly CadenceId[]; prefix?: string } = {},
): Promise<{ scheduleId: string; created: boolean }[]> {
  const out: { scheduleId: string; created: boolean }[] = [];
  for (const id of o.ids ?? CADENCE_IDS) {
    const scheduleId = cadenceScheduleId(id, o.prefix);
    const options: ScheduleOptions = {
      scheduleId,
      spec: cadenceScheduleSpec(CADENCES[id]),
      action: {
        type: 'startWorkflow',
        workflowType: 'cadencePeriod',
        workflowId: `cadence-${id}`,
        args: [{ cadenceId: id }] satisfies Parameters<typeof cadencePeriod>,
        taskQueue,
      },
      policies: { catchupWindow: '3 days' },
    };
    try {
      await client.schedule.create(options);
      out.push({ scheduleId, created: true });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(scheduleId).update((prev) => ({
        ...prev,
        spec: options.spec,
        action: options.action as never,
        policies: { ...prev.policies, catchupWindow: '3 days' },
      }));
      out.push({ scheduleId, created: false });
    }
  }
  return out;
}
