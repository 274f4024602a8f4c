import * as lark from '@larksuiteoapi/node-sdk';

/** Lark login for the dashboard: authorization code → user access token → the user's open_id. */
export interface LarkOAuth {
  authorizeUrl(redirectUri: string, state: string): string;
  /** Exchanges a callback code for a user access token; throws OAuthError with Lark's reason. */
  exchangeCode(code: string, redirectUri: string): Promise<string>;
  userInfo(userAccessToken: string): Promise<{ openId: string; name: string }>;
}

export class OAuthError extends Error {}

export interface LarkOAuthOptions {
  appId: string;
  appSecret: string;
  /** The API domain (https://open.feishu.cn, or the simulator's URL). */
  domain: string;
  client: lark.Client;
  /** Exchange timeout; Lark answers in well under a second. */
  timeoutMs?: number;
}

/** Feishu and Lark serve the consent page on their accounts host; the simulator serves it on its own. */
export function authorizeBase(domain: string): string {
  const u = new URL(domain);
  if (u.hostname === 'open.feishu.cn') return 'https://accounts.feishu.cn';
  if (u.hostname === 'open.larksuite.com') return 'https://accounts.larksuite.com';
  return u.origin;
}

export function createLarkOAuth(options: LarkOAuthOptions): LarkOAuth {
  const api = new URL(options.domain).origin;
  return {
    authorizeUrl(redirectUri, state) {
      const u = new URL('/open-apis/authen/v1/authorize', authorizeBase(options.domain));
      u.searchParams.set('client_id', options.appId);
      u.searchParams.set('response_type', 'code');
      u.searchParams.set('redirect_uri', redirectUri);
      u.searchParams.set('state', state);
      return u.href;
    },

    // The SDK has no method for the v2 token endpoint, so this is a plain POST (lark-platform.md §10).
    async exchangeCode(code, redirectUri) {
      const res = await fetch(`${api}/open-apis/authen/v2/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          grant_type: 'authorization_code',
          client_id: options.appId,
          client_secret: options.appSecret,
          code,
          redirect_uri: redirectUri,
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = (await res.json().catch(() => ({}))) as {
        code?: number;
        access_token?: string;
        error?: string;
        error_description?: string;
      };
      if (body.code !== 0 || !body.access_token) {
        throw new OAuthError(
          `token exchange failed: ${body.code ?? res.status} ${body.error ?? ''} ${body.error_description ?? ''}`,
        );
      }
      return body.access_token;
    },

    async userInfo(token) {
      const res = await options.client.authen.userInfo.get({}, lark.withUserAccessToken(token));
      const openId = res.data?.open_id;
      if (res.code !== 0 || !openId) throw new OAuthError(`user_info failed: ${res.code} ${res.msg ?? ''}`);
      return { openId, name: res.data?.name ?? '' };
    },
  };
}
