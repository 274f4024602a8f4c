import { deriveTenantToken } from '../crypto.js';
import { ApiError, type AuthKind, jsonBody, type RequestContext, type Router } from '../http.js';
import type { Store } from '../store.js';

export const TENANT_TOKEN_TTL_SECONDS = 7200;

/** `POST /open-apis/auth/v3/tenant_access_token/internal`: token fields are top-level, not under `data`. */
export function registerAuthRoutes(router: Router, store: Store): void {
  router.add('POST', '/open-apis/auth/v3/tenant_access_token/internal', { auth: 'none' }, (ctx) => {
    const body = jsonBody(ctx);
    const appId = typeof body.app_id === 'string' ? body.app_id : '';
    const appSecret = typeof body.app_secret === 'string' ? body.app_secret : '';
    if (appId === '' || appSecret === '')
      throw new ApiError(10003, 'invalid param: app_id and app_secret are required');
    if (appId !== store.app.appId) throw new ApiError(10003, 'invalid param: app_id not found');
    if (appSecret !== store.app.appSecret) throw new ApiError(10014, 'app secret invalid');
    return {
      status: 200,
      body: {
        code: 0,
        msg: 'ok',
        tenant_access_token: deriveTenantToken(store.app.appId, store.app.appSecret),
        expire: TENANT_TOKEN_TTL_SECONDS,
      },
    };
  });
}

/** Checks the bearer token a route needs and records who the caller is on the context. */
export function authenticate(ctx: RequestContext, kind: AuthKind, store: Store): void {
  if (kind === 'none') return;
  const header = ctx.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  const token = match?.[1];
  if (!token) {
    throw new ApiError(99991661, 'Missing access token for authorization. Please make a request with token attached.');
  }
  if (!token.startsWith('t-') && !token.startsWith('u-')) {
    throw new ApiError(99991671, 'Invalid token: token must start with t- or u-.');
  }
  if (kind === 'tenant') {
    if (token !== deriveTenantToken(store.app.appId, store.app.appSecret)) {
      throw new ApiError(
        99991663,
        'Invalid access token for authorization. Please make a request with token attached.',
      );
    }
    ctx.auth = { kind: 'tenant', appId: store.app.appId };
    return;
  }
  const user = store.userTokens.get(token);
  if (!user) throw new ApiError(99991668, 'Invalid access token for authorization: user access token is invalid.');
  if (user.expiresAt <= store.now()) throw new ApiError(99991677, 'user access token expired');
  ctx.auth = { kind: 'user', openId: user.openId };
}
