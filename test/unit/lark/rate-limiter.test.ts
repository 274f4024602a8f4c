import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../bot/lark/rate-limiter.js';

/** A fake clock: sleeping advances time, so pacing is checked exactly and instantly. */
function clock() {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    at: () => t,
  };
}

describe('SlidingWindowLimiter', () => {
  it('lets `limit` calls through per window and delays the next to the window edge', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(c.now, c.sleep);
    const rule = [{ key: 'to:u1', limit: 5, windowMs: 1000 }];
    for (let i = 0; i < 5; i++) await limiter.acquire(rule);
    expect(c.slept).toEqual([]);
    await limiter.acquire(rule);
    expect(c.slept).toEqual([1000]);
  });

  it('concurrent callers reserve distinct slots: 12 sends to one person take 3 windows', async () => {
    // Time stands still while all 12 ask at once; each caller's start is its sleep (0 if none).
    const delays: number[] = [];
    const limiter = new SlidingWindowLimiter(
      () => 0,
      async (ms) => {
        delays.push(ms);
      },
    );
    await Promise.all(Array.from({ length: 12 }, () => limiter.acquire([{ key: 'to:u1', limit: 5, windowMs: 1000 }])));
    const starts = [...Array(12 - delays.length).fill(0), ...delays];
    const perWindow = [0, 1000, 2000].map((w) => starts.filter((s) => s === w).length);
    expect(perWindow).toEqual([5, 5, 2]);
  });

  it('keys are independent, and every rule of a call must have room', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(c.now, c.sleep);
    for (let i = 0; i < 5; i++) await limiter.acquire([{ key: 'to:a', limit: 5, windowMs: 1000 }]);
    await limiter.acquire([{ key: 'to:b', limit: 5, windowMs: 1000 }]);
    expect(c.slept).toEqual([]);
    await limiter.acquire([
      { key: 'app', limit: 50, windowMs: 1000 },
      { key: 'to:a', limit: 5, windowMs: 1000 },
    ]);
    expect(c.slept).toEqual([1000]);
  });
});

describe('SlidingWindowLimiter with a wait cap', () => {
  it('refuses (without reserving) a slot further away than the cap and says how long to wait', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter(c.now, c.sleep);
    const rule = [{ key: 'to:u1', limit: 1, windowMs: 1000 }];
    await limiter.acquire(rule, 500);
    await expect(limiter.acquire(rule, 500)).rejects.toMatchObject({ name: 'SlotTooFar', waitMs: 1000 });
    await limiter.acquire(rule, 1000);
    expect(c.slept).toEqual([1000]);
  });
});
