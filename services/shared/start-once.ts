import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

/**
 * Starts one workflow per entry whose id is the entry's own (a loan, a project), so running it again, after every
 * import or to catch up, starts only what is not running yet.
 */
export async function startEachOnce<T>(
  entries: readonly T[],
  start: (entry: T) => Promise<unknown>,
): Promise<{ started: number; running: number }> {
  let started = 0;
  let running = 0;
  for (const entry of entries) {
    try {
      await start(entry);
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      running += 1;
    }
  }
  return { started, running };
}
