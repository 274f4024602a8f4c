import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRoutes } from '../../../app/dashboard-routes.js';
import { demoOpenId } from '../../../app/demo/county.js';
import { seedDemoOrg } from '../../../app/demo/seed.js';
import { createLarkClient } from '../../../bot/lark/client.js';
import { createLarkOAuth } from '../../../dashboard/oauth.js';
import { createDashboardApp } from '../../../dashboard/server.js';
import { createLogger } from '../../../platform/logger.js';
import { launchChromium } from '../../support/browser.js';
import { startTestDashboard, type TestDashboard } from '../../support/dashboard.js';
import { seedLedger } from '../../support/dashboard-fixtures.js';
import { getAs, loginCookie } from '../../support/dashboard-login.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { TEST_APP, TEST_SESSION_SECRET } from '../../support/stack.js';

const NOW = '2026-11-20T10:00:00+08:00';
const SECRETARY = 'p-county-secretary';

let db: TestDatabase;
let dashboard: TestDashboard | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoOrg(db.db);
  await seedLedger(db.db, { count: 40, now: NOW });
  dashboard = await startTestDashboard(db.db, { now: NOW });
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await db?.drop();
});

const url = () => dashboard!.url;

function cspOf(res: Response): Map<string, string> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.slice(d.indexOf(' ') + 1)] as [string, string]),
  );
}

describe('dashboard security headers', () => {
  it('a page carries a same-origin-only CSP, nosniff, no framing, and no HSTS over plain http', async () => {
    const cookie = await loginCookie(url(), SECRETARY);
    const res = await getAs(url(), cookie, '/');
    expect(res.status).toBe(200);
    const csp = cspOf(res);
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    // Static files too: a script served as the wrong type must not be sniffed into running.
    const script = await fetch(`${url()}/static/app.js`);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('sends HSTS when browsers reach the dashboard over https', async () => {
    const lark = { ...TEST_APP, domain: dashboard!.sim.url };
    const app = createDashboardApp({
      db: db.db,
      oauth: createLarkOAuth({ ...lark, client: createLarkClient(lark) }),
      sessionSecret: TEST_SESSION_SECRET,
      publicUrl: () => 'https://duban.example.gov.cn',
      routes: dashboardRoutes(),
      logger: createLogger('test', 'silent'),
    });
    for (const path of ['/healthz', '/login', '/no-such-page']) {
      const res = await app.request(path);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(cspOf(res).get('frame-ancestors')).toBe("'none'");
    }
    // Cookies are Secure over https.
    expect((await app.request('/login')).headers.getSetCookie()[0]).toMatch(/; Secure$/);
  });
});

describe('CSRF and body limits on POST', () => {
  it('POST /logout without the page script’s header is refused and the session still works', async () => {
    const cookie = await loginCookie(url(), SECRETARY);
    const forged = await fetch(`${url()}/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(forged.status).toBe(400);
    expect(forged.headers.getSetCookie()).toEqual([]);
    const form = await fetch(`${url()}/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    expect(form.status).toBe(400);
    const still = await getAs(url(), cookie, '/');
    expect(still.status).toBe(200);
    expect(await still.text()).toContain('data-testid="viewer-name"');

    const real = await fetch(`${url()}/logout`, {
      method: 'POST',
      headers: { cookie, 'x-duban-form': '1' },
      redirect: 'manual',
    });
    expect(real.status).toBe(200);
    expect(real.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^duban_session=; Path=\/; Max-Age=0; HttpOnly/),
    ]);
    expect(await real.text()).toContain('您已退出登录');
  });

  it('a form larger than its limit is refused with 413 before the handler reads it', async () => {
    const cookie = await loginCookie(url(), 'p-ducha-staff');
    const big = `reason=${'x'.repeat(5000)}`;
    const res = await fetch(`${url()}/cadences/pause`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-duban-form': '1' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: '内容过长' });
    // Without a session the answer is still "log in again", whatever the size.
    const anonymous = await fetch(`${url()}/cadences/pause`, { method: 'POST', body: big });
    expect(anonymous.status).toBe(401);
  });
});

describe('in a browser, under the CSP', () => {
  it('the charts draw with no CSP violation and the 退出 button logs out', async () => {
    browser = await launchChromium();
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(url());
    await page.locator(`a.login-user[data-open-id="${demoOpenId(SECRETARY)}"]`).click();
    await page.waitForURL(`${url()}/`);
    for (const chart of ['lights', 'trend']) await page.locator(`#chart-${chart}[data-rendered="1"] svg`).waitFor();
    const height = await page.locator('#chart-trend').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(100);

    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('您已退出登录').waitFor();
    const cookies = await page.context().cookies(url());
    expect(cookies.find((c) => c.name === 'duban_session')).toBeUndefined();
    await page.goto(`${url()}/items`);
    expect(new URL(page.url()).pathname).toBe('/open-apis/authen/v1/authorize');
    expect(violations).toEqual([]);
  });
});
