import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import pLimit from 'p-limit';
import { currentStartProgress } from './progress.js';

/**
 * How many starts are in flight at once. Each is one round trip to the Temporal frontend; a handful in parallel
 * hides the latency without queueing thousands of requests on a small server.
 */
export const START_CONCURRENCY = 16;

/**
 * Starts one workflow per entry whose id is the entry's own (a loan, a project), so running it again, after every
 * import or to catch up, starts only what is not running yet. Starts run `concurrency` at a time; the first real
 * failure stops the ones not yet begun and is thrown. Progress goes to the reporter the CLI set (progress.ts).
 */
export async function startEachOnce<T>(
  entries: readonly T[],
  start: (entry: T) => Promise<unknown>,
  concurrency: number = START_CONCURRENCY,
): Promise<{ started: number; running: number }> {
  const limit = pLimit(concurrency);
  const progress = currentStartProgress();
  let started = 0;
  let running = 0;
  const startOne = async (entry: T) => {
    try {
      await start(entry);
      started += 1;
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        limit.clearQueue();
        throw err;
      }
      running += 1;
    }
    progress?.(started + running, entries.length);
  };
  await Promise.all(entries.map((entry) => limit(() => startOne(entry))));
  return { started, running };
}
