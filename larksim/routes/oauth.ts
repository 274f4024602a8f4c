import { createHash } from 'node:crypto';
import { ApiError, ok, queryString, type Reply, type RequestContext, type Router } from '../http.js';
import { randomHex } from '../ids.js';
import type { Store } from '../store.js';
import { authorizePage, errorPage } from './oauth-page.js';

const CODE_TTL_MS = 5 * 60 * 1000;
const ACCESS_TTL_S = 7200;
const REFRESH_TTL_S = 604_800;

interface AuthCode {
  openId: string;
  redirectUri: string;
  at: number;
  used: boolean;
  scope: string;
  challenge?: { value: string; method: string };
}

/** Error shape of the v2 token endpoint: `{code, error, error_description}`. */
const tokenError = (status: number, code: number, error: string, description: string): Reply => ({
  status,
  body: { code, error, error_description: description },
});

/**
 * Dashboard login: a Chinese "log in as" page at /open-apis/authen/v1/authorize that redirects to
 * `redirect_uri?code&state`, the v2 token exchange (code single-use, 5 min) and v1 user_info.
 */
export function registerOAuthRoutes(router: Router, store: Store): void {
  const codes = new Map<string, AuthCode>();
  const refreshTokens = new Map<string, { openId: string; scope: string; expiresAt: number }>();

  router.add('GET', '/open-apis/authen/v1/authorize', { auth: 'none' }, (ctx) => {
    const problem = authorizeProblem(ctx, store);
    if (problem) return errorPage(problem);
    return authorizePage(store, ctx.query);
  });

  router.add('GET', '/open-apis/authen/v1/authorize/confirm', { auth: 'none' }, (ctx) => {
    const problem = authorizeProblem(ctx, store);
    if (problem) return errorPage(problem);
    const target = new URL(queryString(ctx.query, 'redirect_uri') ?? '');
    const state = ctx.query.get('state');
    const openId = queryString(ctx.query, 'open_id');
    if (openId === undefined) {
      target.searchParams.set('error', 'access_denied');
    } else {
      if (!store.users.has(openId)) return errorPage('所选用户不存在，请返回重新选择。');
      const code = randomHex(64);
      const redirectUri = queryString(ctx.query, 'redirect_uri') ?? '';
      const scope = queryString(ctx.query, 'scope') ?? '';
      const entry: AuthCode = { openId, redirectUri, at: store.now(), used: false, scope };
      const challenge = queryString(ctx.query, 'code_challenge');
      if (challenge) entry.challenge = { value: challenge, method: ctx.query.get('code_challenge_method') ?? 'plain' };
      codes.set(code, entry);
      target.searchParams.set('code', code);
    }
    if (state !== null) target.searchParams.set('state', state);
    return { status: 302, body: '', headers: { location: target.href } };
  });

  router.add('POST', '/open-apis/authen/v2/oauth/token', { auth: 'none' }, (ctx) => {
    const p = tokenParams(ctx);
    if (!p.grant_type) return tokenError(400, 20001, 'invalid_request', 'grant_type is required.');
    if (p.grant_type !== 'authorization_code' && p.grant_type !== 'refresh_token') {
      return tokenError(400, 20036, 'unsupported_grant_type', 'The grant_type is not supported.');
    }
    if (!p.client_id || !p.client_secret) {
      return tokenError(400, 20001, 'invalid_request', 'client_id and client_secret are required.');
    }
    if (p.client_id !== store.app.appId || p.client_secret !== store.app.appSecret) {
      return tokenError(401, 20002, 'invalid_client', 'Client authentication failed.');
    }
    let openId: string;
    let scope: string;
    if (p.grant_type === 'refresh_token') {
      const r = p.refresh_token ? refreshTokens.get(p.refresh_token) : undefined;
      if (!r || r.expiresAt <= store.now()) {
        return tokenError(400, 20064, 'invalid_grant', 'The refresh token is invalid, expired or already used.');
      }
      refreshTokens.delete(p.refresh_token ?? '');
      ({ openId, scope } = r);
    } else {
      if (!p.code) return tokenError(400, 20001, 'invalid_request', 'code is required.');
      const entry = codes.get(p.code);
      if (!entry) return tokenError(400, 20003, 'invalid_grant', 'The authorization code is not found.');
      if (entry.used) return tokenError(400, 20065, 'invalid_grant', 'The authorization code has been used.');
      entry.used = true;
      if (store.now() - entry.at > CODE_TTL_MS) {
        return tokenError(400, 20004, 'invalid_grant', 'The authorization code has expired.');
      }
      if (p.redirect_uri && p.redirect_uri !== entry.redirectUri) {
        return tokenError(400, 20071, 'invalid_grant', 'The redirect_uri does not match the authorization request.');
      }
      if (entry.challenge && !pkceMatches(entry.challenge, p.code_verifier)) {
        return tokenError(400, 20049, 'invalid_grant', 'PKCE verification failed.');
      }
      ({ openId, scope } = entry);
    }
    const accessToken = `u-${randomHex(48)}`;
    store.userTokens.set(accessToken, { openId, expiresAt: store.now() + ACCESS_TTL_S * 1000 });
    const body: Record<string, unknown> = {
      code: 0,
      access_token: accessToken,
      expires_in: ACCESS_TTL_S,
      token_type: 'Bearer',
      scope,
    };
    if (scope.split(/\s+/).includes('offline_access')) {
      const refreshToken = `ur-${randomHex(48)}`;
      refreshTokens.set(refreshToken, { openId, scope, expiresAt: store.now() + REFRESH_TTL_S * 1000 });
      body.refresh_token = refreshToken;
      body.refresh_token_expires_in = REFRESH_TTL_S;
    }
    return { status: 200, body };
  });

  router.add('GET', '/open-apis/authen/v1/user_info', { auth: 'user' }, (ctx) => {
    const openId = ctx.auth?.kind === 'user' ? ctx.auth.openId : '';
    const user = store.users.get(openId);
    if (!user) throw new ApiError(99991668, 'user access token is invalid: the user no longer exists');
    return ok({
      name: user.name,
      en_name: '',
      avatar_url: '',
      avatar_thumb: '',
      avatar_middle: '',
      avatar_big: '',
      open_id: user.openId,
      union_id: user.unionId,
      user_id: user.userId,
      tenant_key: store.tenantKey,
      employee_no: '',
      ...(user.email ? { email: user.email, enterprise_email: user.email } : {}),
      ...(user.mobile ? { mobile: user.mobile } : {}),
    });
  });
}

function authorizeProblem(ctx: RequestContext, store: Store): string | undefined {
  if (queryString(ctx.query, 'client_id') !== store.app.appId) return '应用不存在：client_id 无效。';
  const redirect = queryString(ctx.query, 'redirect_uri');
  if (!redirect || !/^https?:\/\//.test(redirect)) return '缺少或无效的 redirect_uri。';
  return undefined;
}

function tokenParams(ctx: RequestContext): Record<string, string | undefined> {
  const text = ctx.body.toString('utf8');
  const type = ctx.headers['content-type'] ?? '';
  let raw: Record<string, unknown> = {};
  if (type.includes('application/x-www-form-urlencoded')) raw = Object.fromEntries(new URLSearchParams(text));
  else if (text.trim() !== '') {
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch {
      raw = {};
    }
  }
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

function pkceMatches(challenge: { value: string; method: string }, verifier: string | undefined): boolean {
  if (!verifier) return false;
  if (challenge.method === 'S256') {
    return createHash('sha256').update(verifier).digest('base64url') === challenge.value;
  }
  return verifier === challenge.value;
}
