import { errorBody, type Reply } from './http.js';
import type { SimFault } from './types.js';

/** Faults injected for tests: each matching /open-apis request uses one up, oldest first. */
export class Faults {
  readonly #pending: SimFault[] = [];

  add(f: SimFault): void {
    if (!Number.isInteger(f.times) || f.times < 1) throw new Error('injectFault: times must be a positive integer');
    this.#pending.push({ ...f });
  }

  take(path: string): SimFault | undefined {
    const i = this.#pending.findIndex((f) => f.path.test(path));
    const fault = this.#pending[i];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.#pending.splice(i, 1);
    return fault;
  }
}

/** The answer for an http429 / http500 fault (slow faults answer normally, later). */
export function faultReply(fault: SimFault): Reply | undefined {
  if (fault.kind === 'http429') {
    return {
      status: 429,
      body: { code: 99991400, msg: 'request trigger frequency limit' },
      headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': String(fault.resetSeconds ?? 1) },
    };
  }
  if (fault.kind === 'http500') return { status: 500, body: errorBody(500, 'Internal Server Error (injected)') };
  return undefined;
}
