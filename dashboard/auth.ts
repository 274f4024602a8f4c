import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { findPersonByOpenId } from '../db/org/org.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../platform/logger.js';
import { type Html, html } from './html.js';
import { cookie, fromPageScript, htmlResponse, jsonResponse, parseCookies, redirectResponse } from './http.js';
import type { LarkOAuth } from './oauth.js';
import { errorPage } from './pages/errors.js';
import { layout } from './pages/layout.js';
import {
  newState,
  OAUTH_COOKIE,
  OAUTH_TTL_SECONDS,
  type OAuthState,
  SESSION_COOKIE,
  SESSION_TTL_SECONDS,
  type Session,
  safeNext,
  sign,
  verify,
} from './session.js';

export interface AuthDeps {
  db: Kysely<Database>;
  oauth: LarkOAuth;
  sessionSecret: string;
  publicUrl: () => string;
  logger: Logger;
  clock: () => Date;
}

export const CALLBACK_PATH = '/auth/callback';

/**
 * Login with Lark: /login → Lark's consent page → /auth/callback → session cookie; /logout clears it (sent by the
 * page script with the CSRF header, so another site cannot log a viewer out).
 */
export function createAuth(deps: AuthDeps) {
  const secure = () => deps.publicUrl().startsWith('https:');
  const redirectUri = () => new URL(CALLBACK_PATH, deps.publicUrl()).href;
  const nowS = () => Math.floor(deps.clock().getTime() / 1000);

  return {
    /** The signed-in person's id, if the session cookie is valid. */
    session(c: Context): Session | undefined {
      return verify<Session>(parseCookies(c)[SESSION_COOKIE], deps.sessionSecret, deps.clock().getTime());
    },

    clearSession(): string {
      return cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secure() });
    },

    async login(url: URL): Promise<Response> {
      const state: OAuthState = {
        state: newState(),
        next: safeNext(url.searchParams.get('next')),
        exp: nowS() + OAUTH_TTL_SECONDS,
      };
      const c = cookie(OAUTH_COOKIE, sign(state, deps.sessionSecret), {
        maxAgeSeconds: OAUTH_TTL_SECONDS,
        secure: secure(),
      });
      return redirectResponse(deps.oauth.authorizeUrl(redirectUri(), state.state), [c]);
    },

    async callback(c: Context, url: URL): Promise<Response> {
      const saved = verify<OAuthState>(parseCookies(c)[OAUTH_COOKIE], deps.sessionSecret, deps.clock().getTime());
      const clear = cookie(OAUTH_COOKIE, '', { maxAgeSeconds: 0, secure: secure() });
      const fail = (status: number, message: string) =>
        htmlResponse(status, loginProblem(status, message), { cookies: [clear] });
      if (url.searchParams.get('error')) return fail(403, '您取消了飞书授权，未能登录。');
      const code = url.searchParams.get('code');
      if (!saved || !code || saved.state !== url.searchParams.get('state'))
        return fail(400, '登录请求已失效或来源不明，请重新登录。');
      let openId: string;
      try {
        const token = await deps.oauth.exchangeCode(code, redirectUri());
        openId = (await deps.oauth.userInfo(token)).openId;
      } catch (err) {
        deps.logger.warn('lark login failed', { err });
        return fail(502, '飞书登录失败，请稍后重试。');
      }
      const person = await findPersonByOpenId(deps.db, openId);
      if (!person) return fail(403, '您的飞书账号尚未登记为督办系统用户，请联系县委督查室。');
      const session: Session = { personId: person.id, openId, exp: nowS() + SESSION_TTL_SECONDS };
      deps.logger.info('dashboard login', { personId: person.id });
      return redirectResponse(saved.next, [
        clear,
        cookie(SESSION_COOKIE, sign(session, deps.sessionSecret), {
          maxAgeSeconds: SESSION_TTL_SECONDS,
          secure: secure(),
        }),
      ]);
    },

    async logout(c: Context): Promise<Response> {
      if (!fromPageScript(c)) return jsonResponse(400, { ok: false, error: '请通过页面上的「退出」按钮退出登录' });
      return htmlResponse(200, loggedOut(), {
        cookies: [cookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secure() })],
      });
    },
  };
}

function loginProblem(status: number, message: string): Html {
  return status === 502 || status === 400 || status === 403
    ? layout({
        title: '登录失败',
        body: html`<section class="panel error-page" data-status="${status}"><h1>登录失败</h1><p>${message}</p>
<p><a class="button" href="/login">重新登录</a></p></section>`,
      })
    : errorPage(status, message);
}

function loggedOut(): Html {
  return layout({
    title: '已退出',
    body: html`<section class="panel"><h1>您已退出登录</h1><p><a class="button" href="/login">使用飞书登录</a></p></section>`,
  });
}
