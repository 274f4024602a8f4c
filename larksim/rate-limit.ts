import { ApiError } from './http.js';
import type { Store } from './store.js';
import type { SimRateViolation } from './types.js';

/** Sliding-window counter per key: at most `limit` accepted hits in any `windowMs`. */
class SlidingWindow {
  readonly #hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Seconds until a slot frees, or 0 when one is free now. */
  wait(key: string, now: number): number {
    const hits = this.#prune(key, now);
    if (hits.length < this.limit) return 0;
    const oldest = hits[hits.length - this.limit] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  record(key: string, now: number): void {
    const hits = this.#prune(key, now);
    hits.push(now);
    this.#hits.set(key, hits);
  }

  #prune(key: string, now: number): number[] {
    const hits = this.#hits.get(key) ?? [];
    const from = now - this.windowMs;
    let i = 0;
    while (i < hits.length && (hits[i] ?? 0) <= from) i += 1;
    return i === 0 ? hits : hits.slice(i);
  }
}

export const APP_QPS = 50;
export const APP_QPM = 1000;
export const SEND_QPS = 5;

/**
 * Lark's limits on the APIs Duban uses: the gateway's tier-4 limits per API per app (50/s and 1000/min → HTTP 429
 * 99991400 with x-ogw-ratelimit-* headers), 5 QPS per recipient user and per group chat on sends, 5 QPS per message
 * on card updates (→ HTTP 400 230020). Only accepted requests use up a window; every refusal is logged.
 */
export class RateLimiter {
  readonly #appQps = new SlidingWindow(APP_QPS, 1000);
  readonly #appQpm = new SlidingWindow(APP_QPM, 60_000);
  readonly #send = new SlidingWindow(SEND_QPS, 1000);
  readonly #patch = new SlidingWindow(SEND_QPS, 1000);

  constructor(readonly store: Store) {}

  /** Gateway check for a tier-4 API; `api` is the route (method + pattern). */
  checkApp(api: string, method: string, path: string): void {
    const now = this.store.now();
    const qps = this.#appQps.wait(api, now);
    const qpm = qps === 0 ? this.#appQpm.wait(api, now) : 0;
    if (qps > 0 || qpm > 0) {
      const scope = qps > 0 ? 'app-qps' : 'app-qpm';
      const limit = qps > 0 ? APP_QPS : APP_QPM;
      const resetSeconds = qps > 0 ? qps : qpm;
      this.#violate({ scope, key: api, limit, httpStatus: 429, code: 99991400, resetSeconds }, method, path);
      throw new ApiError(99991400, 'request trigger frequency limit', 429, {
        'x-ogw-ratelimit-limit': String(limit),
        'x-ogw-ratelimit-reset': String(resetSeconds),
      });
    }
    this.#appQps.record(api, now);
    this.#appQpm.record(api, now);
  }

  /** 5 QPS per recipient user (p2p) or per group chat, shared by sends and replies. */
  checkSend(target: { scope: 'recipient' | 'chat'; key: string }, method: string, path: string): void {
    this.#check(this.#send, `${target.scope}:${target.key}`, target, method, path);
  }

  /** 5 QPS of updates per message. */
  checkPatch(messageId: string, method: string, path: string): void {
    this.#check(this.#patch, messageId, { scope: 'message-patch', key: messageId }, method, path);
  }

  #check(
    window: SlidingWindow,
    bucket: string,
    target: { scope: SimRateViolation['scope']; key: string },
    method: string,
    path: string,
  ): void {
    const now = this.store.now();
    if (window.wait(bucket, now) > 0) {
      this.#violate({ ...target, limit: SEND_QPS, httpStatus: 400, code: 230020 }, method, path);
      throw new ApiError(230020, 'This operation triggers the frequency limit.');
    }
    window.record(bucket, now);
  }

  #violate(v: Omit<SimRateViolation, 'at' | 'method' | 'path'>, method: string, path: string): void {
    this.store.logViolation({ at: this.store.now(), method, path, ...v });
  }
}
