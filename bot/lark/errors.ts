/**
 * A failed Lark call, classified once at the edge so callers can decide: retry later
 * (rate limits, 5xx, network), or give up for this recipient (business errors).
 */
export class LarkApiError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LarkApiError';
  }
}

/** Lark codes that mean "slow down", whatever HTTP status carried them. */
const RATE_LIMIT_CODES = new Set([99991400, 230020, 232019, 11232, 11233]);

interface AxiosLikeError {
  response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> };
  code?: string;
  message?: string;
}

export function classifyLarkFailure(err: unknown, what: string): LarkApiError {
  if (err instanceof LarkApiError) return err;
  const e = err as AxiosLikeError;
  const status = e.response?.status;
  const code = e.response?.data?.code;
  const msg = e.response?.data?.msg ?? e.message ?? String(err);
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    const reset = Number(e.response?.headers?.['x-ogw-ratelimit-reset']);
    const retryAfterMs = Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000;
    return new LarkApiError(`${what}: rate limited (${code ?? status}) ${msg}`, code, true, retryAfterMs);
  }
  if (status === undefined || status >= 500) {
    return new LarkApiError(`${what}: ${status ?? e.code ?? 'network'} ${msg}`, code, true);
  }
  return new LarkApiError(`${what}: code ${code ?? status} ${msg}`, code, false);
}

/** For 2xx responses that carry a business error in the body. */
export function checkBody<T extends { code?: number; msg?: string }>(body: T, what: string): T {
  if (body.code !== undefined && body.code !== 0) {
    const retryable = RATE_LIMIT_CODES.has(body.code);
    throw new LarkApiError(
      `${what}: code ${body.code} ${body.msg ?? ''}`,
      body.code,
      retryable,
      retryable ? 1000 : undefined,
    );
  }
  return body;
}

/** One Lark API call: transport failures and non-zero codes become LarkApiError (retryable or not). */
export async function larkRequest<T extends { code?: number; msg?: string }>(
  what: string,
  fn: () => Promise<T>,
): Promise<T> {
  let body: T;
  try {
    body = await fn();
  } catch (err) {
    throw classifyLarkFailure(err, what);
  }
  return checkBody(body, what);
}
