import { demoOpenId } from '../../app/demo/county.js';

/**
 * Logs in to the dashboard over plain HTTP through the simulator's OAuth endpoints, exactly as a browser follows
 * the redirects: /login → Lark's consent page (confirm "log in as") → /auth/callback → session cookie.
 */
export async function loginCookie(dashboardUrl: string, personId: string): Promise<string> {
  const start = await fetch(`${dashboardUrl}/login?next=/`, { redirect: 'manual' });
  const oauthCookie = cookiePairs(start.headers);
  const authorize = new URL(mustLocation(start, 'login'));
  if (!authorize.pathname.endsWith('/open-apis/authen/v1/authorize'))
    throw new Error(`not Lark's authorize page: ${authorize.href}`);
  authorize.pathname += '/confirm';
  authorize.searchParams.set('open_id', demoOpenId(personId));
  const consent = await fetch(authorize, { redirect: 'manual' });
  const callback = mustLocation(consent, 'consent');
  const done = await fetch(callback, { redirect: 'manual', headers: { cookie: oauthCookie } });
  if (done.status !== 302) throw new Error(`callback answered ${done.status}: ${await done.text()}`);
  const session = cookiePairs(done.headers)
    .split('; ')
    .find((c) => c.startsWith('duban_session=') && c.length > 'duban_session='.length);
  if (!session) throw new Error('no session cookie after login');
  return session;
}

/** GET with the session cookie; redirects are not followed (a 302 to /login means "not logged in"). */
export async function getAs(dashboardUrl: string, cookie: string, path: string): Promise<Response> {
  return fetch(`${dashboardUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
}

function cookiePairs(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

function mustLocation(res: Response, step: string): string {
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`${step}: expected a redirect, got ${res.status}`);
  return location;
}
