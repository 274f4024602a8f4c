import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, stateless cookies: `base64url(json).hmac`. The session names the person; what they may see is looked up
 * on every request, so a changed post takes effect at once. Expiry is inside the signed payload.
 */
export interface Session {
  personId: string;
  openId: string;
  /** Epoch seconds. */
  exp: number;
}

export interface OAuthState {
  state: string;
  /** Where to go after login (a path on this site). */
  next: string;
  exp: number;
}

export const SESSION_COOKIE = 'duban_session';
export const OAUTH_COOKIE = 'duban_oauth';
export const SESSION_TTL_SECONDS = 8 * 3600;
export const OAUTH_TTL_SECONDS = 600;

export function sign(payload: object, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The payload when the signature holds and it has not expired; undefined otherwise. */
export function verify<T extends { exp: number }>(
  token: string | undefined,
  secret: string,
  nowMs: number,
): T | undefined {
  if (!token) return undefined;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(body, secret));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
    return typeof payload.exp === 'number' && payload.exp * 1000 > nowMs ? payload : undefined;
  } catch {
    return undefined;
  }
}

export function newState(): string {
  return randomBytes(24).toString('base64url');
}

/** Only same-site paths: `/x`, never `//host` or `https://…`, so login cannot become an open redirect. */
export function safeNext(next: string | null | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
