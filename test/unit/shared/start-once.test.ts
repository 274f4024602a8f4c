import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { ttyStartProgress, withStartProgress } from '../../../services/shared/progress.js';
import { START_CONCURRENCY, startEachOnce } from '../../../services/shared/start-once.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('startEachOnce (bulk starts of an import)', () => {
  it('keeps at most START_CONCURRENCY starts in flight, counts the ones already running, reports each', async () => {
    let inFlight = 0;
    let most = 0;
    const reported: [number, number][] = [];
    const entries = Array.from({ length: 100 }, (_, i) => i);
    const result = await withStartProgress(
      (done, total) => reported.push([done, total]),
      () =>
        startEachOnce(entries, async (i) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          await tick();
          inFlight -= 1;
          if (i % 10 === 0) throw new WorkflowExecutionAlreadyStartedError('running', `wf-${i}`, 'loanCollection');
        }),
    );
    expect(result).toEqual({ started: 90, running: 10 });
    expect(most).toBe(START_CONCURRENCY);
    expect(reported).toEqual(entries.map((i) => [i + 1, 100]));
  });

  it('stops starting after a real failure and throws it', async () => {
    const begun: number[] = [];
    const entries = Array.from({ length: 200 }, (_, i) => i);
    await expect(
      startEachOnce(
        entries,
        async (i) => {
          begun.push(i);
          await tick();
          if (i === 3) throw new Error('frontend unavailable');
        },
        4,
      ),
    ).rejects.toThrow('frontend unavailable');
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The four in flight when it failed and at most a few that began meanwhile; not the 200.
    expect(begun.length).toBeLessThan(12);
  });

  it('draws one terminal line, at most every 100 ms, ending with the total and a newline', () => {
    let shown = '';
    const progress = ttyStartProgress({ write: (t: string) => (shown += t) });
    for (let i = 1; i <= 3000; i += 1) progress(i, 3000);
    expect(shown.startsWith('\r已启动 1/3000')).toBe(true);
    expect(shown.endsWith('\r已启动 3000/3000\n')).toBe(true);
    expect(shown.split('\r').length).toBeLessThan(10);
  });
});
