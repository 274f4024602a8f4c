/**
 * Client-side pacing for Lark's documented limits, so Duban stays under them instead of
 * bouncing off 429/230020: each key gets at most `limit` slots per sliding `windowMs`.
 * Slots are reserved synchronously, so concurrent callers in one process never overbook;
 * several worker processes can still exceed the app-wide limit together, which the 429
 * backoff in the activities covers.
 */
export class SlidingWindowLimiter {
  private readonly reservations = new Map<string, number[]>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * Waits until a slot is free under every (key, limit, window) given, then takes it. When the
   * slot is more than `maxWaitMs` away nothing is reserved and a SlotTooFar error says when to
   * come back, so a long queue (100 cards for one person) is not waited out inside one call.
   */
  async acquire(
    rules: { key: string; limit: number; windowMs: number }[],
    maxWaitMs = Number.POSITIVE_INFINITY,
  ): Promise<void> {
    const now = this.now();
    let at = now;
    for (let changed = true; changed; ) {
      changed = false;
      for (const rule of rules) {
        const slot = this.earliest(rule, at);
        if (slot > at) {
          at = slot;
          changed = true;
        }
      }
    }
    if (at - now > maxWaitMs) throw new SlotTooFar(at - now);
    for (const rule of rules) this.reserve(rule.key, at, rule.windowMs);
    if (at > now) await this.sleep(at - now);
  }

  /** The earliest time ≥ `from` when `key` has fewer than `limit` reservations in the window before it. */
  private earliest(rule: { key: string; limit: number; windowMs: number }, from: number): number {
    const times = this.reservations.get(rule.key) ?? [];
    const inWindow = times.filter((t) => t > from - rule.windowMs);
    if (inWindow.length < rule.limit) return from;
    return inWindow[inWindow.length - rule.limit]! + rule.windowMs;
  }

  private reserve(key: string, at: number, windowMs: number): void {
    const times = (this.reservations.get(key) ?? []).filter((t) => t > this.now() - windowMs);
    times.push(at);
    times.sort((a, b) => a - b);
    this.reservations.set(key, times);
  }
}

export class SlotTooFar extends Error {
  constructor(readonly waitMs: number) {
    super(`next slot in ${waitMs} ms`);
    this.name = 'SlotTooFar';
  }
}

/** Lark's limits for the calls Duban makes (open.feishu.cn frequency-control docs). */
export const LARK_LIMITS = {
  appPerSecond: 50,
  appPerMinute: 1000,
  perRecipientPerSecond: 5,
  perMessagePatchPerSecond: 5,
  /** Requests reach Lark a little unevenly; pacing per-second windows this much wider avoids near misses. */
  secondWindowMs: 1150,
} as const;
