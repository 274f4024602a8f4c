import type { ClientRequest } from 'node:http';
import { type SignedHeaders, sealEnvelope } from './crypto.js';
import { type PostOutcome, post } from './post.js';
import type { Store } from './store.js';

/**
 * Pushes sealed envelopes to the bot. Owns in-flight requests and retry timers so close() can stop them all.
 */
export class Transport {
  readonly #inflight = new Set<ClientRequest>();
  readonly #timers = new Map<NodeJS.Timeout, () => void>();
  #closed: boolean = false;

  constructor(
    readonly store: Store,
    readonly timeoutMs: number,
  ) {}

  get closed(): boolean {
    return this.#closed;
  }

  /** Encrypted with the app's encrypt key and signed; the timestamp is wall-clock, as Lark's is. */
  seal(envelope: object): { body: string; headers: SignedHeaders } {
    return sealEnvelope(this.store.app.encryptKey, envelope, Date.now());
  }

  post(url: string, body: string, headers: Record<string, string>, timeoutMs = this.timeoutMs): Promise<PostOutcome> {
    return post(url, body, headers, timeoutMs, this.#inflight);
  }

  /** Resolves after `ms`, or at once when the transport closes. */
  sleep(ms: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.set(timer, resolve);
    });
  }

  close(): void {
    this.#closed = true;
    for (const [timer, resolve] of this.#timers) {
      clearTimeout(timer);
      resolve();
    }
    this.#timers.clear();
    for (const req of this.#inflight) req.destroy();
    this.#inflight.clear();
  }
}
