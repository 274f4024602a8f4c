import { AsyncLocalStorage } from 'node:async_hooks';

/** Told after each start of a bulk start (a loan or project import starts thousands of workflows). */
export type StartProgress = (done: number, total: number) => void;

const current = new AsyncLocalStorage<StartProgress | undefined>();

/**
 * Runs `fn` with `progress` as the reporter of every bulk start inside it. The CLI sets one at a terminal; the
 * services in between (an import, its start helper) need not pass it along, and everywhere else (the worker,
 * `npm start`'s demo seeding) stays quiet.
 */
export function withStartProgress<T>(progress: StartProgress | undefined, fn: () => Promise<T>): Promise<T> {
  return current.run(progress, fn);
}

export function currentStartProgress(): StartProgress | undefined {
  return current.getStore();
}

/** `\r已启动 120/3000` on one terminal line, at most every 100 ms, and a newline when the last one is done. */
export function ttyStartProgress(stream: { write(s: string): unknown }): StartProgress {
  let shownAt = 0;
  return (done, total) => {
    const now = Date.now();
    if (done < total && now - shownAt < 100) return;
    shownAt = now;
    stream.write(`\r已启动 ${done}/${total}${done === total ? '\n' : ''}`);
  };
}
